using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Marketplace.Features.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Admin;

/// <summary>Body of <c>POST /api/shop/admin/stock/receive</c>: a delivery of one variant.</summary>
internal sealed record ReceiveStockRequest(Guid? VariantId, int? Quantity, string? Reason) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .AddIf(VariantId is null, "variantId", "Choose the variant received.")
        .AddIf(Quantity is null or < 1 or > 100_000, "quantity", "Receive 1 to 100,000.")
        .MaxLength(Reason, "reason", 200);
}

/// <summary>Body of <c>POST /api/shop/admin/stock/adjust</c>: a correction up or down, with its reason (a count, damage).</summary>
internal sealed record AdjustStockRequest(Guid? VariantId, int? Change, string? Reason) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .AddIf(VariantId is null, "variantId", "Choose the variant.")
        .AddIf(Change is null or 0 or < -100_000 or > 100_000, "change", "Give a change other than 0 (negative takes stock off the shelf).")
        .Required(Reason, "reason", 200);
}

/// <summary>Body of <c>POST /api/shop/admin/stock/transfer</c>: send units to another location of the franchise (same SKU there).</summary>
internal sealed record TransferStockRequest(Guid? VariantId, Guid? ToLocationId, int? Quantity) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .AddIf(VariantId is null, "variantId", "Choose the variant.")
        .AddIf(ToLocationId is null, "toLocationId", "Choose the location to send it to.")
        .AddIf(Quantity is null or < 1 or > 100_000, "quantity", "Send 1 to 100,000.");
}

/// <summary>Staff receive, count, correct and transfer this location's stock; every change is a ledger line.</summary>
internal sealed class ManageStockHandler(
    DerrimutDbContext db, StockLedger ledger, LowStockWatch lowStock, ICurrentTenant tenant, ITenantCatalog catalog, ITenantScopeFactory scopes)
{
    public async Task<IReadOnlyList<StockRowDto>> ListAsync(bool lowOnly, CancellationToken cancellationToken, Guid? variantId = null)
    {
        var variants = db.Set<ProductVariant>().AsNoTracking();
        if (variantId is { } only)
        {
            variants = variants.Where(v => v.Id == only);
        }

        if (lowOnly)
        {
            variants = variants.Where(v => (v.Stock == null ? 0 : v.Stock.OnHand - v.Stock.Reserved) <= v.LowStockThreshold);
        }

        return await variants.OrderBy(v => v.Product!.Name).ThenBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new StockRowDto(v.Id, v.ProductId, v.Product!.Name, v.Name, v.Sku,
                v.Stock == null ? 0 : v.Stock.OnHand, v.Stock == null ? 0 : v.Stock.Reserved,
                v.Stock == null ? 0 : v.Stock.OnHand - v.Stock.Reserved, v.LowStockThreshold,
                (v.Stock == null ? 0 : v.Stock.OnHand - v.Stock.Reserved) <= v.LowStockThreshold))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StockMovementDto>> MovementsAsync(Guid variantId, CancellationToken cancellationToken) =>
        await db.Set<StockMovement>().AsNoTracking().Where(m => m.VariantId == variantId).OrderByDescending(m => m.At).Take(200)
            .Select(m => new StockMovementDto(m.VariantId, m.Kind, m.Quantity, m.Reason, m.OrderId, m.At)).ToListAsync(cancellationToken);

    public async Task<StockRowDto> ReceiveAsync(Guid staffUserId, ReceiveStockRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        await RequireVariantAsync(request.VariantId!.Value, "variantId", cancellationToken);
        await ledger.AddAsync(request.VariantId.Value, request.Quantity!.Value, StockMovementKind.Received, request.Reason?.Trim(), null, staffUserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await lowStock.ClearAsync(request.VariantId.Value, cancellationToken);
        return await RowAsync(request.VariantId.Value, cancellationToken);
    }

    public async Task<StockRowDto> AdjustAsync(Guid staffUserId, AdjustStockRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var variantId = request.VariantId!.Value;
        await RequireVariantAsync(variantId, "variantId", cancellationToken);
        var change = request.Change!.Value;
        if (change > 0)
        {
            await ledger.AddAsync(variantId, change, StockMovementKind.Adjusted, request.Reason!.Trim(), null, staffUserId, cancellationToken);
        }
        else if (!await ledger.TryRemoveAsync(variantId, -change, StockMovementKind.Adjusted, request.Reason!.Trim(), staffUserId, cancellationToken))
        {
            var row = await RowAsync(variantId, cancellationToken);
            throw new ValidationException("change", $"Only {row.Available} are on the shelf and not held for orders.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await lowStock.CheckAsync([variantId], cancellationToken);
        return await RowAsync(variantId, cancellationToken);
    }

    /// <summary>
    /// Sends stock to a sister location: out of this shelf first (refused if not available), then into the other
    /// location's variant with the same SKU; if that fails, the units come back here, so none are lost in between.
    /// </summary>
    public async Task<StockRowDto> TransferAsync(Guid staffUserId, TransferStockRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var here = tenant.Tenant!;
        var target = await catalog.FindByIdAsync(request.ToLocationId!.Value, cancellationToken);
        if (target is null || !target.IsLocation || target.FranchiseId != here.FranchiseId || target.Id == here.Id)
        {
            throw new ValidationException("toLocationId", "Stock can only go to another location of this franchise.");
        }

        var variantId = request.VariantId!.Value;
        var sku = await db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Sku).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException("variantId", "This gym's shop has no such product.");
        var quantity = request.Quantity!.Value;
        var reason = $"Transfer to {target.Name}";
        if (!await ledger.TryRemoveAsync(variantId, quantity, StockMovementKind.TransferredOut, reason, staffUserId, cancellationToken, target.Id))
        {
            var row = await RowAsync(variantId, cancellationToken);
            throw new ValidationException("quantity", $"Only {row.Available} are on the shelf and not held for orders.");
        }

        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await scopes.RunAsync(target, async (sp, ct) =>
            {
                var targetDb = sp.GetRequiredService<DerrimutDbContext>();
                var targetVariant = await targetDb.Set<ProductVariant>().Where(v => v.Sku == sku).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct)
                    ?? throw new ValidationException("toLocationId", $"{target.Name} does not sell SKU {sku}.");
                await sp.GetRequiredService<StockLedger>().AddAsync(targetVariant, quantity, StockMovementKind.TransferredIn, $"Transfer from {here.Name}", null, staffUserId, ct, here.Id);
                await targetDb.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        catch
        {
            await ledger.AddAsync(variantId, quantity, StockMovementKind.TransferredIn, "Transfer undone", null, staffUserId, CancellationToken.None, target.Id);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await lowStock.CheckAsync([variantId], cancellationToken);
        return await RowAsync(variantId, cancellationToken);
    }

    private async Task RequireVariantAsync(Guid variantId, string field, CancellationToken cancellationToken)
    {
        if (!await db.Set<ProductVariant>().AnyAsync(v => v.Id == variantId, cancellationToken))
        {
            throw new ValidationException(field, "This gym's shop has no such product.");
        }
    }

    private async Task<StockRowDto> RowAsync(Guid variantId, CancellationToken cancellationToken) =>
        (await ListAsync(false, cancellationToken, variantId)).Single();
}

/// <summary>The staff stock routes.</summary>
internal static class ManageStockEndpoints
{
    public static RouteGroupBuilder MapStockReads(this RouteGroupBuilder group)
    {
        group.MapGet("/stock", (bool? low, ManageStockHandler handler, CancellationToken ct) => handler.ListAsync(low == true, ct)).WithName("ListShopStock");
        group.MapGet("/stock/{variantId:guid}/movements", (Guid variantId, ManageStockHandler handler, CancellationToken ct) => handler.MovementsAsync(variantId, ct))
            .WithName("ListShopStockMovements");
        return group;
    }

    public static RouteGroupBuilder MapStockWrites(this RouteGroupBuilder group)
    {
        group.MapPost("/stock/receive", (ReceiveStockRequest request, ClaimsPrincipal me, ManageStockHandler handler, CancellationToken ct) =>
            handler.ReceiveAsync(me.RequireUserId(), request, ct)).WithName("ReceiveShopStock");
        group.MapPost("/stock/adjust", (AdjustStockRequest request, ClaimsPrincipal me, ManageStockHandler handler, CancellationToken ct) =>
            handler.AdjustAsync(me.RequireUserId(), request, ct)).WithName("AdjustShopStock");
        group.MapPost("/stock/transfer", (TransferStockRequest request, ClaimsPrincipal me, ManageStockHandler handler, CancellationToken ct) =>
            handler.TransferAsync(me.RequireUserId(), request, ct)).WithName("TransferShopStock");
        return group;
    }
}
