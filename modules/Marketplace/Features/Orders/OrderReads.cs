using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Orders;

/// <summary>
/// Orders as members and staff read them: the member's own orders, one order (its owner, or staff with
/// <see cref="MarketplacePermissions.ManageShop"/>), the staff board by status, and the tax invoice.
/// </summary>
internal sealed class OrderReadsHandler(DerrimutDbContext db, IPeopleReadModel people, IOrganizationDirectory organizations, ICurrentTenant tenant)
{
    /// <summary>Orders on a board page when the caller does not say.</summary>
    public const int BoardPageSize = 50;

    public async Task<IReadOnlyList<OrderSummaryDto>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        await Summaries(db.Set<Order>().Where(o => o.UserId == userId)).ToListAsync(cancellationToken);

    /// <summary>
    /// The staff board, newest first, counted and paged by the database (issue 12): a shop with years of orders never
    /// loads them whole.
    /// </summary>
    public async Task<OrderBoardPage> BoardAsync(string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        var size = pageSize ?? BoardPageSize;
        var errors = new ValidationErrors().Page(pageNumber, size);
        OrderStatus? wanted = null;
        if (status is { Length: > 0 })
        {
            errors.AddIf(!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed), "status", "Unknown order status.");
            wanted = parsed;
        }

        errors.ThrowIfAny();
        var orders = db.Set<Order>().AsQueryable();
        if (wanted is { } only)
        {
            orders = orders.Where(o => o.Status == only);
        }

        var total = await orders.CountAsync(cancellationToken);
        var items = await Summaries(orders).Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new OrderBoardPage(items, total, pageNumber, size);
    }

    /// <summary>One order; <paramref name="asStaff"/> false limits it to <paramref name="userId"/>'s own (404 otherwise).</summary>
    public async Task<OrderDto> GetAsync(Guid orderId, Guid userId, bool asStaff, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId && (asStaff || o.UserId == userId), cancellationToken)
            ?? throw new NotFoundException("No such order.");
        var name = await people.People.Where(p => p.UserId == order.UserId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return ToDto(order, name, asStaff);
    }

    public async Task<TaxInvoiceDto> InvoiceAsync(Guid orderId, Guid userId, bool asStaff, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Id == orderId && (asStaff || o.UserId == userId), cancellationToken)
            ?? throw new NotFoundException("No such order.");
        if (!OrderFlow.IsPaid(order.Status) || order.PaidAt is null)
        {
            throw new ConflictException("A tax invoice is issued once the order is paid.");
        }

        var location = tenant.Tenant!;
        var profile = await organizations.FindProfileAsync(location.Id, cancellationToken);
        var abn = await organizations.FindAbnAsync(location.Id, cancellationToken);
        var buyer = await people.People.Where(p => p.UserId == order.UserId).Select(p => new { p.DisplayName, p.Email }).FirstOrDefaultAsync(cancellationToken);
        var shippingGst = order.GstCents - order.Lines.Sum(l => l.GstCents);
        return new TaxInvoiceDto(profile?.Name ?? location.Name, abn, profile?.Address is { } a ? $"{a.Street}, {a.Suburb} {a.State} {a.Postcode}" : "",
            order.Number, order.PaidAt.Value, buyer?.DisplayName ?? "", buyer?.Email ?? "", [.. order.Lines.OrderBy(l => l.ProductName).Select(ToDto)],
            order.ShippingCents, shippingGst, order.TotalCents, order.GstCents, order.RefundedCents);
    }

    private IQueryable<OrderSummaryDto> Summaries(IQueryable<Order> orders) =>
        from o in orders.AsNoTracking()
        join p in people.People on o.UserId equals p.UserId into named
        from person in named.DefaultIfEmpty()
        orderby o.CreatedAt descending, o.Id descending
        select new OrderSummaryDto(o.Id, o.Number, person == null ? null : person.DisplayName, o.Status, o.Delivery, o.TotalCents,
            o.Lines.Sum(l => l.Quantity), o.CreatedAt, o.TrackingNumber);

    public static OrderDto ToDto(Order order, string? memberName, bool asStaff) => new(
        order.Id, order.Number, order.UserId, memberName, order.Channel, order.Status, order.Delivery,
        order.Delivery == DeliveryMethod.Ship
            ? new ShippingAddress(order.ShipToName, order.ShipToLine1, order.ShipToLine2, order.ShipToSuburb, order.ShipToState, order.ShipToPostcode)
            : null,
        order.GoodsCents, order.ShippingCents, order.TotalCents, order.GstCents, order.RefundedCents, order.Carrier, order.TrackingNumber,
        order.Status == OrderStatus.Pending ? order.CheckoutUrl : null, order.CreatedAt, order.PaidAt,
        [.. order.Lines.OrderBy(l => l.ProductName).ThenBy(l => l.VariantName).Select(ToDto)],
        asStaff ? OrderFlow.NextByStaff(order.Status, order.Delivery) : []);

    public static OrderLineDto ToDto(OrderLine l) =>
        new(l.Id, l.VariantId, l.ProductName, l.VariantName, l.Sku, l.Quantity, l.UnitPriceCents, l.LineTotalCents, l.GstFree, l.GstCents, l.RefundedQuantity);
}

/// <summary>The order read routes.</summary>
internal static class OrderReadEndpoints
{
    public static RouteGroupBuilder MapMemberOrderReads(this RouteGroupBuilder group)
    {
        group.MapGet("/orders/mine", (ClaimsPrincipal me, OrderReadsHandler handler, CancellationToken ct) => handler.MineAsync(me.RequireUserId(), ct))
            .WithName("ListMyShopOrders");
        group.MapGet("/orders/{orderId:guid}", async (Guid orderId, ClaimsPrincipal me, OrderReadsHandler handler, IPermissionChecker permissions, ICurrentTenant tenant, CancellationToken ct) =>
                await handler.GetAsync(orderId, me.RequireUserId(), await permissions.IsGrantedAsync(me, MarketplacePermissions.ManageShop, tenant.Tenant, ct), ct))
            .WithName("GetShopOrder");
        group.MapGet("/orders/{orderId:guid}/invoice", async (Guid orderId, ClaimsPrincipal me, OrderReadsHandler handler, IPermissionChecker permissions, ICurrentTenant tenant, CancellationToken ct) =>
                await handler.InvoiceAsync(orderId, me.RequireUserId(), await permissions.IsGrantedAsync(me, MarketplacePermissions.ManageShop, tenant.Tenant, ct), ct))
            .WithName("GetShopOrderTaxInvoice");
        group.MapGet("/orders/{orderId:guid}/invoice.pdf", async (Guid orderId, ClaimsPrincipal me, OrderReadsHandler handler, IPermissionChecker permissions,
                ICurrentTenant tenant, Derrimut.BuildingBlocks.Time.IGymClock clock, CancellationToken ct) =>
            {
                var invoice = await handler.InvoiceAsync(orderId, me.RequireUserId(), await permissions.IsGrantedAsync(me, MarketplacePermissions.ManageShop, tenant.Tenant, ct), ct);
                return Results.File(TaxInvoicePdf.Render(invoice, clock.Zone), "application/pdf", $"tax-invoice-{invoice.OrderNumber}.pdf");
            })
            .WithName("GetShopOrderTaxInvoicePdf");
        return group;
    }

    public static RouteGroupBuilder MapStaffOrderReads(this RouteGroupBuilder group)
    {
        group.MapGet("/orders", (string? status, int? page, int? pageSize, OrderReadsHandler handler, CancellationToken ct) =>
                handler.BoardAsync(status, page, pageSize, ct))
            .WithName("ListShopOrdersForStaff");
        return group;
    }
}
