using Derrimut.Marketplace.Features.Admin;
using Derrimut.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Franchise;

/// <summary>
/// The franchise's catalogue (decision 0044), kept on the franchise's own site: products and variants the franchise's
/// locations sell. Every save is published to each open location of the franchise at once, location by location (one
/// location refusing — a SKU its own product already uses — does not stop the others, and is reported).
/// </summary>
internal sealed class FranchiseCatalogueHandler(
    DerrimutDbContext db, ICurrentTenant tenant, IOrganizationDirectory directory, ITenantCatalog catalog, ITenantScopeFactory scopes,
    ILogger<FranchiseCatalogueHandler> logger)
{
    public async Task<IReadOnlyList<FranchiseProductDto>> ListAsync(CancellationToken cancellationToken)
    {
        RequireFranchise();
        var products = await db.Set<FranchiseProduct>().AsNoTracking().Include(p => p.Variants)
            .OrderBy(p => p.Category).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return [.. products.Select(ToDto)];
    }

    public async Task<FranchisePublication> CreateAsync(ProductForm form, CancellationToken cancellationToken)
    {
        RequireFranchise();
        form.ThrowIfInvalid();
        var product = new FranchiseProduct();
        Apply(product, form);
        db.Add(product);
        await SaveAsync(cancellationToken);
        return await PublishAsync(product.Id, cancellationToken);
    }

    public async Task<FranchisePublication> UpdateAsync(Guid productId, ProductForm form, CancellationToken cancellationToken)
    {
        RequireFranchise();
        form.ThrowIfInvalid();
        var product = await db.Set<FranchiseProduct>().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new NotFoundException("The franchise catalogue has no such product.");
        Apply(product, form);
        await SaveAsync(cancellationToken);
        return await PublishAsync(product.Id, cancellationToken);
    }

    /// <summary>Publishes one product (or, with null, the whole catalogue) to every open location of the franchise.</summary>
    public async Task<FranchisePublication> PublishAsync(Guid? productId, CancellationToken cancellationToken)
    {
        var franchise = RequireFranchise();
        FranchiseProductDto? dto = null;
        if (productId is { } id)
        {
            var product = await db.Set<FranchiseProduct>().AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new NotFoundException("The franchise catalogue has no such product.");
            dto = ToDto(product);
        }

        var results = new List<LocationPublication>();
        foreach (var location in await directory.ListLocationsAsync(franchise.Id, cancellationToken))
        {
            if (await catalog.FindByIdAsync(location.Id, cancellationToken) is not { IsLocation: true } info || info.FranchiseId != franchise.Id)
            {
                continue;
            }

            try
            {
                var sync = await scopes.RunAsync(info, (sp, ct) => sp.GetRequiredService<FranchiseCatalogueSync>().SyncAsync(productId, ct), cancellationToken);
                results.Add(new LocationPublication(info.Id, info.Name, sync.Problems.Count == 0, sync.Problems.Count == 0 ? null : string.Join(" ", sync.Problems)));
            }
            catch (Exception e) when (e is ConflictException or ValidationException or DbUpdateException)
            {
                logger.LogWarning(e, "Publishing the franchise catalogue to {Location} failed", info.Identifier);
                results.Add(new LocationPublication(info.Id, info.Name, false, e.Message));
            }
        }

        return new FranchisePublication(dto, results);
    }

    private TenantInfo RequireFranchise() =>
        tenant.Tenant is { Kind: TenantKind.Franchise } franchise
            ? franchise
            : throw new NotFoundException("The franchise catalogue is kept on the franchise's own site.");

    private static void Apply(FranchiseProduct product, ProductForm form)
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
                variant = new FranchiseVariant { ProductId = product.Id };
                product.Variants.Add(variant);
            }

            variant.Name = v.Name?.Trim() ?? "";
            variant.Sku = v.Sku!.Trim().ToUpperInvariant();
            variant.PriceCents = v.PriceCents;
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
            // The unique (franchise, SKU) index.
            throw new ConflictException("Another product of the franchise catalogue already uses one of these SKUs.", "variants");
        }
    }

    internal static FranchiseProductDto ToDto(FranchiseProduct p) => new(
        p.Id, p.Name, p.Description, p.Brand, p.Category, p.PriceCents, p.CompareAtPriceCents, p.GstFree, p.IsActive,
        [.. p.Variants.OrderBy(v => v.SortOrder).Select(v => new FranchiseVariantDto(v.Id, v.Name, v.Sku, v.PriceCents, v.IsActive))]);
}

/// <summary>
/// Brings the franchise catalogue into the current location's shop: a franchise product becomes (or updates) the
/// location's product linked to it, with a zero stock row per new variant. The franchise's name, description,
/// category, GST treatment, SKUs and variants always win; its prices only until the location sets its own; its
/// active flag is combined with the location's choice to stop selling a product. A product the location already
/// sells under one of the franchise's SKUs is adopted (keeping its stock and, when it differs, its price).
/// </summary>
internal sealed class FranchiseCatalogueSync(DerrimutDbContext db, ICurrentTenant tenant)
{
    public async Task<FranchiseSyncResult> SyncAsync(Guid? onlyProductId, CancellationToken cancellationToken)
    {
        var here = tenant.Tenant is { IsLocation: true } location
            ? location
            : throw new NotFoundException("Only a location's shop sells the franchise catalogue.");
        // The tenant filter shows this location only its own franchise's catalogue.
        var source = db.Set<FranchiseProduct>().AsNoTracking().Include(p => p.Variants).AsQueryable();
        if (onlyProductId is { } only)
        {
            source = source.Where(p => p.Id == only);
        }

        var franchiseProducts = await source.ToListAsync(cancellationToken);
        var ids = franchiseProducts.Select(p => p.Id).ToList();
        var linked = await db.Set<Product>().Include(p => p.Variants).ThenInclude(v => v.Stock)
            .Where(p => p.FranchiseProductId != null && ids.Contains(p.FranchiseProductId!.Value)).ToListAsync(cancellationToken);
        int added = 0, updated = 0;
        var problems = new List<string>();
        foreach (var fp in franchiseProducts)
        {
            var product = linked.FirstOrDefault(p => p.FranchiseProductId == fp.Id);
            if (product is null)
            {
                var skus = fp.Variants.Select(v => v.Sku).ToList();
                var owners = await db.Set<ProductVariant>().Where(v => skus.Contains(v.Sku)).Select(v => v.ProductId).Distinct().ToListAsync(cancellationToken);
                if (owners.Count > 1)
                {
                    problems.Add($"{here.Name} sells the SKUs of {fp.Name} under {owners.Count} different products; it was not published there.");
                    continue;
                }

                if (owners.Count == 1)
                {
                    product = await db.Set<Product>().Include(p => p.Variants).ThenInclude(v => v.Stock).FirstAsync(p => p.Id == owners[0], cancellationToken);
                    if (product.FranchiseProductId is not null)
                    {
                        problems.Add($"{here.Name} sells a SKU of {fp.Name} under another franchise product; it was not published there.");
                        continue;
                    }

                    product.FranchiseProductId = fp.Id;
                    product.OwnPrice = product.PriceCents != fp.PriceCents || product.CompareAtPriceCents != fp.CompareAtPriceCents;
                    updated++;
                }
                else
                {
                    product = new Product { FranchiseProductId = fp.Id };
                    db.Add(product);
                    added++;
                }
            }
            else
            {
                updated++;
            }

            Apply(product, fp);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // The unique (location, SKU) index: a SKU the location uses for a product of its own.
            throw new ConflictException($"{here.Name} already uses one of these SKUs for a product of its own; rename that SKU there and publish again.", "variants");
        }

        return new FranchiseSyncResult(added, updated, problems);
    }

    private static void Apply(Product product, FranchiseProduct fp)
    {
        product.Name = fp.Name;
        product.Description = fp.Description;
        product.Brand = fp.Brand;
        product.Category = fp.Category;
        product.GstFree = fp.GstFree;
        product.IsActive = fp.IsActive && !product.WithdrawnHere;
        if (!product.OwnPrice)
        {
            product.PriceCents = fp.PriceCents;
            product.CompareAtPriceCents = fp.CompareAtPriceCents;
        }

        foreach (var fv in fp.Variants)
        {
            var variant = product.Variants.FirstOrDefault(v => v.FranchiseVariantId == fv.Id)
                ?? product.Variants.FirstOrDefault(v => v.FranchiseVariantId is null && string.Equals(v.Sku, fv.Sku, StringComparison.OrdinalIgnoreCase));
            if (variant is null)
            {
                variant = new ProductVariant { ProductId = product.Id, Stock = new StockLevel(), PriceCents = fv.PriceCents };
                product.Variants.Add(variant);
            }
            else if (!product.OwnPrice)
            {
                variant.PriceCents = fv.PriceCents;
            }

            variant.FranchiseVariantId = fv.Id;
            variant.Name = fv.Name;
            variant.Sku = fv.Sku;
            variant.IsActive = fv.IsActive;
            variant.SortOrder = fv.SortOrder;
        }
    }
}

/// <summary>The franchise catalogue routes (on the franchise's site) and a location's pull of it.</summary>
internal static class FranchiseCatalogueEndpoints
{
    public static void MapFranchiseCatalogue(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/shop/franchise").RequireTenant().WithTags("Marketplace: the franchise catalogue")
            .RequireAuthorization(MarketplacePermissions.ManageFranchiseCatalogue);
        group.MapGet("/products", (FranchiseCatalogueHandler handler, CancellationToken ct) => handler.ListAsync(ct)).WithName("ListFranchiseProducts");
        var writes = group.MapGroup("").RequireRateLimiting(Derrimut.BuildingBlocks.Http.RateLimitPolicies.Writes);
        writes.MapPost("/products", async (ProductForm form, FranchiseCatalogueHandler handler, CancellationToken ct) =>
        {
            var published = await handler.CreateAsync(form, ct);
            return TypedResults.Created($"/api/shop/franchise/products/{published.Product!.Id}", published);
        }).WithName("CreateFranchiseProduct");
        writes.MapPut("/products/{productId:guid}", (Guid productId, ProductForm form, FranchiseCatalogueHandler handler, CancellationToken ct) =>
            handler.UpdateAsync(productId, form, ct)).WithName("UpdateFranchiseProduct");
        writes.MapPost("/publish", (FranchiseCatalogueHandler handler, CancellationToken ct) => handler.PublishAsync(null, ct)).WithName("PublishFranchiseCatalogue");
    }

    public static RouteGroupBuilder MapFranchiseCatalogueSync(this RouteGroupBuilder group)
    {
        group.MapPost("/franchise-catalogue/sync", (FranchiseCatalogueSync sync, CancellationToken ct) => sync.SyncAsync(null, ct))
            .WithName("SyncFranchiseCatalogueHere");
        return group;
    }
}
