using System.Text.Json.Serialization;

namespace Derrimut.Marketplace;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.CartDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.FranchisePublication))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.FranchiseSyncResult))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.OrderBoardPage))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.OrderDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.ShopProductDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.ShopProductPage))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.ShopSettingsDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.StockRowDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Contracts.TaxInvoiceDto))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.AdjustStockRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.CounterSaleRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.ProductForm))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.ReceiveStockRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.SaveShopSettingsRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.StockCountRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.StockCountResult))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Admin.TransferStockRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Cart.SetCartItemRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Checkout.CheckoutRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Orders.ChangeOrderStatusRequest))]
[JsonSerializable(typeof(Derrimut.Marketplace.Features.Orders.RefundOrderRequest))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.FranchiseProductDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.OrderSummaryDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.ShopProductDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.StockMovementDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.StockRowDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Marketplace.Contracts.TransferDestinationDto>))]
internal sealed partial class MarketplaceEndpointJson : JsonSerializerContext;
