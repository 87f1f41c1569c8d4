using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Admin;

/// <summary>A variant in a product form: existing ones carry their id.</summary>
internal sealed record VariantForm(Guid? Id, string? Name, string? Sku, long? PriceCents, int? LowStockThreshold, bool IsActive = true);

/// <summary>Body of <c>POST /api/shop/admin/products</c> and <c>PUT /api/shop/admin/products/{id}</c>.</summary>
internal sealed record ProductForm(
    string? Name, string? Description, string? Brand, string? Category, long? PriceCents, long? CompareAtPriceCents, bool GstFree, bool IsActive,
    IReadOnlyList<VariantForm>? Variants) : IValidatable
{
    public const int MaxVariants = 40;

    public ProductCategory? ParsedCategory => Enum.TryParse<ProductCategory>(Category, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 120)
            .MaxLength(Description, "description", 2000)
            .MaxLength(Brand, "brand", 60)
            .AddIf(ParsedCategory is null, "category", "The category must be one of supplement, equipment, apparel, accessory.")
            .AddIf(PriceCents is null or < 0, "priceCents", "Give the price in cents (0 or more).")
            .AddIf(CompareAtPriceCents is { } was && was <= (PriceCents ?? 0), "compareAtPriceCents", "The compare-at price must be above the price.")
            .AddIf(Variants is null || Variants.Count == 0, "variants", "A product needs at least one variant (its SKU).")
            .AddIf(Variants?.Count > MaxVariants, "variants", $"At most {MaxVariants} variants.");
        for (var i = 0; i < (Variants?.Count ?? 0); i++)
        {
            var v = Variants![i];
            errors.MaxLength(v.Name, $"variants[{i}].name", 60)
                .Required(v.Sku, $"variants[{i}].sku", 40)
                .AddIf(v.PriceCents is < 0, $"variants[{i}].priceCents", "A price cannot be negative.")
                .AddIf(v.LowStockThreshold is < 0 or > 10_000, $"variants[{i}].lowStockThreshold", "The low-stock threshold is 0 to 10,000.");
        }

        var skus = Variants?.Where(v => !string.IsNullOrWhiteSpace(v.Sku)).GroupBy(v => v.Sku!.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        errors.AddIf(skus is not null, "variants", $"SKU {skus?.Key} is used twice.");
    }
}

/// <summary>Staff add and edit this location's products (variants are added or deactivated, never deleted: orders name them).</summary>
internal sealed class ManageProductsHandler(DerrimutDbContext db)
{
    public async Task<ShopProductDto> CreateAsync(ProductForm form, CancellationToken cancellationToken)
    {
        form.ThrowIfInvalid();
        var product = new Product();
        Apply(product, form);
        db.Add(product);
        await SaveAsync(cancellationToken);
        return await ReadAsync(product.Id, cancellationToken);
    }

    public async Task<ShopProductDto> UpdateAsync(Guid productId, ProductForm form, CancellationToken cancellationToken)
    {
        form.ThrowIfInvalid();
        var product = await db.Set<Product>().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new NotFoundException("No such product.");
        if (product.FranchiseProductId is { } franchiseProductId)
        {
            await ApplyLocalPricingAsync(product, franchiseProductId, form, cancellationToken);
        }
        else
        {
            Apply(product, form);
        }

        await SaveAsync(cancellationToken);
        return await ReadAsync(product.Id, cancellationToken);
    }

    /// <summary>Products for the staff list, inactive ones too.</summary>
    public async Task<IReadOnlyList<ShopProductDto>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Product>().AsNoTracking().OrderBy(p => p.Category).ThenBy(p => p.Name).Select(Catalogue.ShopProjection.Product).ToListAsync(cancellationToken);
        return [.. rows.Select(Catalogue.ShopProjection.ToDto)];
    }

    /// <summary>
    /// A franchise catalogue product (decision 0044): the location sets its own prices, low-stock thresholds and
    /// whether it sells the product; everything else is the franchise's, and a form changing it is refused by field.
    /// Prices equal to the franchise's mean "follow the franchise" again.
    /// </summary>
    private async Task ApplyLocalPricingAsync(Product product, Guid franchiseProductId, ProductForm form, CancellationToken cancellationToken)
    {
        var franchise = await db.Set<FranchiseProduct>().AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == franchiseProductId, cancellationToken);
        const string Why = "This product comes from the franchise catalogue: the franchise sets it. Only prices, low-stock levels and whether it is on sale here can change.";
        var errors = new ValidationErrors()
            .AddIf(form.Name!.Trim() != product.Name, "name", Why)
            .AddIf((form.Description?.Trim() ?? "") != product.Description, "description", Why)
            .AddIf((string.IsNullOrWhiteSpace(form.Brand) ? null : form.Brand.Trim()) != product.Brand, "brand", Why)
            .AddIf(form.ParsedCategory != product.Category, "category", Why)
            .AddIf(form.GstFree != product.GstFree, "gstFree", Why);
        var bySku = product.Variants.ToDictionary(v => v.Sku, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < form.Variants!.Count; i++)
        {
            var v = form.Variants[i];
            var known = bySku.GetValueOrDefault(v.Sku!.Trim());
            errors.AddIf(known is null || (v.Id is { } id && id != known.Id), $"variants[{i}].sku", Why)
                .AddIf(known is not null && (v.Name?.Trim() ?? "") != known.Name, $"variants[{i}].name", Why);
        }

        errors.ThrowIfAny();
        product.PriceCents = form.PriceCents!.Value;
        product.CompareAtPriceCents = form.CompareAtPriceCents;
        product.WithdrawnHere = !form.IsActive;
        product.IsActive = form.IsActive && (franchise?.IsActive ?? true);
        foreach (var v in form.Variants)
        {
            var variant = bySku[v.Sku!.Trim()];
            // A form without a variant price (the products page sends none) keeps the variant's price.
            variant.PriceCents = v.PriceCents ?? variant.PriceCents;
            variant.LowStockThreshold = v.LowStockThreshold ?? variant.LowStockThreshold;
        }

        product.OwnPrice = franchise is null || product.PriceCents != franchise.PriceCents || product.CompareAtPriceCents != franchise.CompareAtPriceCents
            || product.Variants.Any(v => franchise.Variants.FirstOrDefault(f => f.Id == v.FranchiseVariantId) is { } fv && fv.PriceCents != v.PriceCents);
    }

    private static void Apply(Product product, ProductForm form)
    {
        product.Name = form.Name!.Trim();
        product.Description = form.Description?.Trim() ?? "";
        product.Brand = string.IsNullOrWhiteSpace(form.Brand) ? null : form.Brand.Trim();
        product.Category = form.ParsedCategory!.Value;
        product.PriceCents = form.PriceCents!.Value;
        product.CompareAtPriceCents = form.CompareAtPriceCents;
        product.GstFree = form.GstFree;
        product.IsActive = form.IsActive;
        var order = 0;
        foreach (var v in form.Variants!)
        {
            var variant = v.Id is { } id ? product.Variants.FirstOrDefault(x => x.Id == id) : null;
            if (variant is null)
            {
                variant = new ProductVariant { ProductId = product.Id, Stock = new StockLevel() };
                product.Variants.Add(variant);
            }

            variant.Name = v.Name?.Trim() ?? "";
            variant.Sku = v.Sku!.Trim().ToUpperInvariant();
            variant.PriceCents = v.PriceCents;
            variant.LowStockThreshold = v.LowStockThreshold ?? variant.LowStockThreshold;
            variant.IsActive = v.IsActive;
            variant.SortOrder = order++;
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this product just now; reload it and try again.");
        }
        catch (DbUpdateException exception) when (UniqueViolations.In(exception))
        {
            // The unique (location, SKU) index.
            throw new ConflictException("Another product at this gym already uses one of these SKUs.", "variants");
        }
    }

    private async Task<ShopProductDto> ReadAsync(Guid productId, CancellationToken cancellationToken)
    {
        var row = await db.Set<Product>().AsNoTracking().Where(p => p.Id == productId).Select(Catalogue.ShopProjection.Product).FirstAsync(cancellationToken);
        return Catalogue.ShopProjection.ToDto(row);
    }
}

/// <summary>The staff product routes.</summary>
internal static class ManageProductsEndpoints
{
    public static RouteGroupBuilder MapManageProductReads(this RouteGroupBuilder group)
    {
        group.MapGet("/products", (ManageProductsHandler handler, CancellationToken ct) => handler.ListAsync(ct)).WithName("ListShopProductsForStaff");
        return group;
    }

    public static RouteGroupBuilder MapManageProducts(this RouteGroupBuilder group)
    {
        group.MapPost("/products", async (ProductForm form, ManageProductsHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(form, ct);
            return TypedResults.Created($"/api/shop/products/{created.Id}", created);
        }).WithName("CreateShopProduct");
        group.MapPut("/products/{productId:guid}", (Guid productId, ProductForm form, ManageProductsHandler handler, CancellationToken ct) =>
            handler.UpdateAsync(productId, form, ct)).WithName("UpdateShopProduct");
        return group;
    }
}
