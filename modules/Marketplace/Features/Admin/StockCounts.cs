using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Marketplace.Features.Orders;
using Derrimut.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Admin;

/// <summary>One counted variant of a stocktake: how many are physically on the shelf (held-for-checkout units included).</summary>
internal sealed record StockCountLine(Guid? VariantId, int? Counted);

/// <summary>Body of <c>POST /api/shop/admin/stock/counts</c>: a stocktake of some or all variants, with an optional note.</summary>
internal sealed record StockCountRequest(string? Note, IReadOnlyList<StockCountLine>? Lines) : IValidatable
{
    public const int MaxLines = 1000;

    public void Validate(ValidationErrors errors)
    {
        errors.MaxLength(Note, "note", 150)
            .AddIf(Lines is null || Lines.Count == 0, "lines", "Count at least one product.")
            .AddIf(Lines?.Count > MaxLines, "lines", $"At most {MaxLines} lines in one count.");
        var seen = new HashSet<Guid>();
        for (var i = 0; i < (Lines?.Count ?? 0); i++)
        {
            var line = Lines![i];
            errors.AddIf(line.VariantId is null, $"lines[{i}].variantId", "Choose the product counted.")
                .AddIf(line.VariantId is { } id && !seen.Add(id), $"lines[{i}].variantId", "This product is counted twice.")
                .AddIf(line.Counted is null or < 0 or > 100_000, $"lines[{i}].counted", "Give the count, 0 to 100,000.");
        }
    }
}

/// <summary>What a stocktake changed for one variant.</summary>
internal sealed record StockCountResultLine(Guid VariantId, string Sku, int Was, int Counted, int Change);

/// <summary>The answer of a stocktake: each counted variant, and the ledger adjustments it made.</summary>
internal sealed record StockCountResult(IReadOnlyList<StockCountResultLine> Lines, int Adjusted);

/// <summary>
/// Stock counts (stocktake): staff count the shelf and the counts become on hand. Every difference is an
/// <see cref="StockMovementKind.Adjusted"/> ledger line with the count's reason; the whole count is one transaction
/// (one refused line — unknown product, fewer counted than are held for checkouts — changes nothing). A sale between
/// reading and writing a line is noticed by the ledger's conditional update, and the line is read again.
/// </summary>
internal sealed class StockCountHandler(DerrimutDbContext db, StockLedger ledger, LowStockWatch lowStock, TimeProvider time)
{
    public async Task<StockCountResult> RecordAsync(Guid staffUserId, StockCountRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var ids = request.Lines!.Select(l => l.VariantId!.Value).ToList();
        var skus = await db.Set<ProductVariant>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Sku, cancellationToken);
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Count; i++)
        {
            errors.AddIf(!skus.ContainsKey(ids[i]), $"lines[{i}].variantId", "This gym's shop has no such product.");
        }

        errors.ThrowIfAny();
        var reason = string.IsNullOrWhiteSpace(request.Note)
            ? $"Stock count {time.GetUtcNow():yyyy-MM-dd}"
            : $"Stock count: {request.Note.Trim()}";
        var results = new List<StockCountResultLine>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var variantId = ids[i];
                var counted = request.Lines![i].Counted!.Value;
                await ledger.EnsureRowAsync(variantId, cancellationToken);
                for (var attempt = 0; ; attempt++)
                {
                    var row = await db.Set<StockLevel>().AsNoTracking().Where(s => s.VariantId == variantId)
                        .Select(s => new { s.OnHand, s.Reserved }).SingleAsync(cancellationToken);
                    if (row.Reserved > counted)
                    {
                        throw new ValidationException($"lines[{i}].counted",
                            $"{row.Reserved} of {skus[variantId]} are held for checkouts not yet paid, so at least {row.Reserved} should be on the shelf; count again.");
                    }

                    if (await ledger.TrySetCountedAsync(variantId, row.OnHand, counted, reason, staffUserId, cancellationToken))
                    {
                        results.Add(new StockCountResultLine(variantId, skus[variantId], row.OnHand, counted, counted - row.OnHand));
                        break;
                    }

                    if (attempt == 5)
                    {
                        throw new ConflictException($"{skus[variantId]} keeps selling while it is counted; count it again.", $"lines[{i}].counted");
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await lowStock.CheckAsync(ids, cancellationToken);
        return new StockCountResult(results, results.Count(r => r.Change != 0));
    }
}

/// <summary>Where this location can send stock: the franchise's other open locations.</summary>
internal sealed class TransferDestinationsHandler(ICurrentTenant tenant, IOrganizationDirectory directory)
{
    public async Task<IReadOnlyList<TransferDestinationDto>> ListAsync(CancellationToken cancellationToken)
    {
        var here = tenant.Tenant!;
        return [.. (await directory.ListLocationsAsync(here.FranchiseId, cancellationToken)).Where(l => l.Id != here.Id).Select(l => new TransferDestinationDto(l.Id, l.Name))];
    }
}

/// <summary>The stocktake and transfer-destination routes.</summary>
internal static class StockCountEndpoints
{
    public static RouteGroupBuilder MapStockCounts(this RouteGroupBuilder group)
    {
        group.MapPost("/stock/counts", (StockCountRequest request, ClaimsPrincipal me, StockCountHandler handler, CancellationToken ct) =>
            handler.RecordAsync(me.RequireUserId(), request, ct)).WithName("RecordShopStockCount");
        return group;
    }

    public static RouteGroupBuilder MapTransferDestinations(this RouteGroupBuilder group)
    {
        group.MapGet("/stock/destinations", (TransferDestinationsHandler handler, CancellationToken ct) => handler.ListAsync(ct)).WithName("ListShopTransferDestinations");
        return group;
    }
}
