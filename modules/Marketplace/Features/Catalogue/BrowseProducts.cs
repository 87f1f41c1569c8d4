using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Catalogue;

/// <summary>Query of <c>GET /api/shop/products</c>: free text, a category, a 1-based page of up to 60 (24 by default).</summary>
internal sealed record BrowseProductsQuery(string? Search, string? Category, int? Page, int? PageSize) : IValidatable
{
    public const int DefaultPageSize = 24;

    public const int MaxPageSize = 60;

    public void Validate(ValidationErrors errors) => errors
        .MaxLength(Search, "search", 100)
        .AddIf(Category is { Length: > 0 } c && !Enum.TryParse<ProductCategory>(c, ignoreCase: true, out _), "category",
            "The category must be one of supplement, equipment, apparel, accessory.")
        .AddIf(Page is < 1, "page", "The page starts at 1.")
        .AddIf(PageSize is < 1 or > MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} products.");
}

/// <summary>The location's public catalogue: active products with their active variants and what is available.</summary>
internal sealed class BrowseProductsHandler(DerrimutDbContext db)
{
    public Task<ShopProductPage> HandleAsync(BrowseProductsQuery query, CancellationToken cancellationToken) =>
        PageAsync(db.Set<Product>(), query, cancellationToken);

    /// <summary>The page from <paramref name="source"/>: the tenant-filtered set, or the benchmark's bare baseline.</summary>
    public static async Task<ShopProductPage> PageAsync(IQueryable<Product> source, BrowseProductsQuery query, CancellationToken cancellationToken)
    {
        query.ThrowIfInvalid();
        var page = query.Page ?? 1;
        var size = query.PageSize ?? BrowseProductsQuery.DefaultPageSize;
        var products = source.AsNoTracking().Where(p => p.IsActive);
        if (query.Category is { Length: > 0 } category)
        {
            var wanted = Enum.Parse<ProductCategory>(category, ignoreCase: true);
            products = products.Where(p => p.Category == wanted);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var term = search.ToLowerInvariant();
            products = products.Where(p => p.Name.ToLower().Contains(term) || (p.Brand != null && p.Brand.ToLower().Contains(term))
                || p.Description.ToLower().Contains(term));
        }

        var total = await products.CountAsync(cancellationToken);
        var rows = await products.OrderBy(p => p.Category).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(ShopProjection.Product)
            .ToListAsync(cancellationToken);
        return new ShopProductPage([.. rows.Select(ShopProjection.ToDto)], page, size, total);
    }
}

/// <summary><c>GET /api/shop/products/{id}</c>: one active product.</summary>
internal sealed class GetProductHandler(DerrimutDbContext db)
{
    public async Task<ShopProductDto> HandleAsync(Guid productId, CancellationToken cancellationToken)
    {
        var row = await db.Set<Product>().AsNoTracking().Where(p => p.Id == productId && p.IsActive)
            .Select(ShopProjection.Product).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This gym's shop has no such product.");
        return ShopProjection.ToDto(row);
    }
}

/// <summary>The catalogue's one projection (a single SQL statement for products, variants and stock).</summary>
internal static class ShopProjection
{
    public sealed record VariantRow(Guid Id, string Name, string Sku, long? PriceCents, int OnHand, int Reserved);

    public sealed record ProductRow(
        Guid Id, string Name, string Description, string? Brand, ProductCategory Category, long PriceCents, long? CompareAtPriceCents,
        bool GstFree, string? ImageFile, List<VariantRow> Variants, bool FromFranchise, bool OwnPrice);

    public static readonly System.Linq.Expressions.Expression<Func<Product, ProductRow>> Product = p => new ProductRow(
        p.Id, p.Name, p.Description, p.Brand, p.Category, p.PriceCents, p.CompareAtPriceCents, p.GstFree, p.ImageFile,
        p.Variants.Where(v => v.IsActive).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new VariantRow(v.Id, v.Name, v.Sku, v.PriceCents, v.Stock == null ? 0 : v.Stock.OnHand, v.Stock == null ? 0 : v.Stock.Reserved))
            .ToList(),
        p.FranchiseProductId != null, p.OwnPrice);

    public static ShopProductDto ToDto(ProductRow p)
    {
        var variants = p.Variants
            .Select(v => new ShopVariantDto(v.Id, v.Name, v.Sku, v.PriceCents ?? p.PriceCents, v.OnHand - v.Reserved > 0, Math.Max(0, v.OnHand - v.Reserved)))
            .ToList();
        return new ShopProductDto(p.Id, p.Name, p.Description, p.Brand, p.Category, p.PriceCents, p.CompareAtPriceCents, p.GstFree,
            p.ImageFile is null ? null : ProductImages.UrlOf(p.ImageFile), variants.Any(v => v.InStock), variants, p.FromFranchise, p.OwnPrice);
    }
}

/// <summary>The public catalogue routes.</summary>
internal static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder group)
    {
        group.MapGet("/products", (string? search, string? category, int? page, int? pageSize, BrowseProductsHandler handler, CancellationToken ct) =>
                handler.HandleAsync(new BrowseProductsQuery(search, category, page, pageSize), ct))
            .AllowAnonymous().WithName("BrowseShopProducts");
        group.MapGet("/products/{productId:guid}", (Guid productId, GetProductHandler handler, CancellationToken ct) => handler.HandleAsync(productId, ct))
            .AllowAnonymous().WithName("GetShopProduct");
        return group;
    }

    /// <summary>
    /// The catalogue benchmark's baseline: the same page, projection and JSON with no tenancy pipeline (no host
    /// parsing, no catalog, no scope check, no global query filter: the location is a plain WHERE on its id).
    /// Mapped only when <c>Benchmarks:BareEndpoints</c> is true.
    /// </summary>
    public static void MapBareBaseline(IEndpointRouteBuilder app) =>
        app.MapGet("/bench/bare/shop/products/{locationId:guid}", (Guid locationId, string? search, string? category, int? page, int? pageSize,
                DerrimutDbContext db, CancellationToken ct) =>
                BrowseProductsHandler.PageAsync(db.Set<Product>().IgnoreQueryFilters().Where(p => p.TenantId == locationId),
                    new BrowseProductsQuery(search, category, page, pageSize), ct))
            .SkipTenantResolution()
            .ExcludeFromDescription();
}
