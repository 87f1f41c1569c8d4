using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using Microsoft.Extensions.Logging;

namespace Derrimut.Payroll.Features.TaxTables;

/// <summary>
/// The dated tax tables and super rules (platform data). A superadmin adds next year's figures here and pay runs use
/// them from their effective date, without a release. Only adding: a stored figure is never edited or deleted, so
/// every finalised payslip's table name keeps meaning the figures it was calculated with. Each row records who added
/// it, when and the cited source (the audit trail), and every addition is logged.
/// </summary>
internal sealed partial class PayrollTaxTables(DerrimutDbContext db, TimeProvider time, ILogger<PayrollTaxTables> logger) : IPayrollTaxTables
{
    private const int MaximumBands = 40;
    private const decimal MaximumWeeklyLimit = 1_000_000m;
    private const decimal MaximumB = 100_000m;

    public async Task<TaxTablesDto> ListAsync(CancellationToken cancellationToken = default)
    {
        var tables = await db.Set<WithholdingTableRecord>().AsNoTracking().ToListAsync(cancellationToken);
        var rules = await db.Set<SuperGuaranteeRule>().AsNoTracking().ToListAsync(cancellationToken);
        var missing = new List<string>();
        foreach (var schedule in tables.GroupBy(t => t.EffectiveFrom).OrderBy(g => g.Key))
        {
            var scales = schedule.Select(t => t.Scale).ToHashSet();
            missing.AddRange(Enumerable.Range(1, 6).Where(s => !scales.Contains(s))
                .Select(s => $"PAYG withholding scale {s}: no table for payments on or after {Iso(schedule.Key)} ({PayrollRuleStore.ScheduleIdentifier(schedule.Key)}); employees on scale {s} are left out of those pay runs."));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var nextYear = FinancialYear.Containing(today).StartYear + 1;
        foreach (var year in new[] { FinancialYear.Containing(today).StartYear, nextYear })
        {
            if (!rules.Any(r => r.EffectiveFrom == new DateOnly(year, 7, 1) && r.MaximumContributionBaseCents is not null))
            {
                missing.Add($"Super guarantee: no rule and maximum contribution base for {new FinancialYear(year).Label}; pay runs paid in that year are refused.");
            }
        }

        return new TaxTablesDto(
            [.. tables.OrderByDescending(t => t.EffectiveFrom).ThenBy(t => t.Scale).Select(ToDto)],
            [.. rules.OrderByDescending(r => r.EffectiveFrom).Select(ToDto)],
            missing);
    }

    public async Task<WithholdingTableDto> AddWithholdingTableAsync(WithholdingTableInput input, Guid addedBy, string addedByName, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(input.EffectiveFrom is null, "effectiveFrom", "Give the first payment date the table applies to (yyyy-MM-dd).");
        errors.AddIf(input.Scale is not (>= 1 and <= 6), "scale", "The scale must be 1, 2, 3, 4, 5 or 6.");
        errors.Required(input.Source, "source", 500);
        var bands = new List<WithholdingBracketRow>();
        if (input.Scale == (int)WithholdingScale.Scale4)
        {
            // Scale 4 is a flat rate of the whole payment; it has no weekly-earnings bands.
            errors.AddIf(input.Brackets is { Count: > 0 }, "brackets", "Scale 4 (no TFN) has flat rates, not bands: give noTfnResidentRate and noTfnForeignRate.");
            Rate(input.NoTfnResidentRate, "noTfnResidentRate", errors);
            Rate(input.NoTfnForeignRate, "noTfnForeignRate", errors);
        }
        else if (input.Scale is >= 1 and <= 6)
        {
            errors.AddIf(input.NoTfnResidentRate is not null, "noTfnResidentRate", "Only scale 4 (no TFN) has flat rates.");
            errors.AddIf(input.NoTfnForeignRate is not null, "noTfnForeignRate", "Only scale 4 (no TFN) has flat rates.");
            bands = Bands(input.Brackets, errors);
        }

        errors.ThrowIfAny();
        var effectiveFrom = input.EffectiveFrom!.Value;
        var scale = input.Scale!.Value;
        var schedules = await db.Set<WithholdingTableRecord>().AsNoTracking().Select(t => new { t.EffectiveFrom, t.Scale }).ToListAsync(cancellationToken);
        if (schedules.Any(t => t.EffectiveFrom == effectiveFrom && t.Scale == scale))
        {
            throw new ConflictException($"Scale {scale} already has a table for payments on or after {Iso(effectiveFrom)}; stored tables are never changed. Give a later effective date for new figures.", "effectiveFrom");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // A NEW schedule date replaces the earlier schedule for every scale from that day: in the past it would change
        // which table payments already made should have used. Adding a missing scale to an existing date is allowed.
        if (effectiveFrom <= today && !schedules.Any(t => t.EffectiveFrom == effectiveFrom))
        {
            throw new ValidationException("effectiveFrom",
                $"A new schedule can't start on or before today ({Iso(today)}): it would replace the tables payments since then were made with. "
                + $"Give a future date, or add the missing scale to an existing schedule date ({string.Join(", ", schedules.Select(t => t.EffectiveFrom).Distinct().Order().Select(Iso))}).");
        }

        var record = new WithholdingTableRecord
        {
            EffectiveFrom = effectiveFrom,
            Scale = scale,
            Identifier = $"{PayrollRuleStore.ScheduleIdentifier(effectiveFrom)} scale {scale}",
            Source = input.Source!.Trim(),
            Brackets = bands,
            NoTfnResidentRate = scale == 4 ? input.NoTfnResidentRate : null,
            NoTfnForeignRate = scale == 4 ? input.NoTfnForeignRate : null,
            AddedBy = addedBy,
            AddedByName = Truncate(addedByName, 200),
        };
        db.Add(record);
        await SaveAsync($"Scale {scale} already has a table for payments on or after {Iso(effectiveFrom)} (added at the same moment); reload.", "effectiveFrom", cancellationToken);
        LogTableAdded(logger, record.Identifier, addedByName, addedBy, record.Source);
        return ToDto(record);
    }

    public async Task<SuperGuaranteeRuleDto> AddSuperRuleAsync(SuperGuaranteeRuleInput input, Guid addedBy, string addedByName, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(input.EffectiveFrom is null, "effectiveFrom", "Give the 1 July the financial year starts (yyyy-MM-dd).");
        errors.AddIf(input.EffectiveFrom is { } d && (d.Month != 7 || d.Day != 1), "effectiveFrom",
            "Super guarantee rules are per financial year: the effective date is a 1 July (the maximum contribution base is re-indexed every year).");
        errors.AddIf(input.Rate is not { } r || r <= 0m || r > 0.5m || decimal.Round(r, 5) != r, "rate", "Give the rate as a fraction, e.g. 0.12 for 12% (more than 0, at most 0.5, up to five decimals).");
        SuperGuaranteeBasis? basis = input.Basis?.Trim().ToLowerInvariant() switch
        {
            "quarterly" => SuperGuaranteeBasis.Quarterly,
            "payday" => SuperGuaranteeBasis.Payday,
            _ => null,
        };
        errors.AddIf(basis is null, "basis", "Must be quarterly or payday.");
        if (basis is { } b && input.EffectiveFrom is { } from)
        {
            errors.AddIf(b == SuperGuaranteeBasis.Payday && from < SuperGuaranteeRates.PaydaySuperStarts, "basis", "Payday Super applies to payments from 1 July 2026; earlier years are quarterly.");
            errors.AddIf(b == SuperGuaranteeBasis.Quarterly && from >= SuperGuaranteeRates.PaydaySuperStarts, "basis", "From 1 July 2026 super is paid with each payday (Payday Super): the basis is payday.");
        }

        errors.AddIf(input.MaximumContributionBase is not { } m || m <= 0m || m > 10_000_000m || decimal.Round(m, 2) != m, "maximumContributionBase",
            "Give the year's maximum contribution base in dollars (per quarter for quarterly years, per year for Payday Super), e.g. 270830.00.");
        errors.Required(input.Source, "source", 500);
        errors.ThrowIfAny();

        var effectiveFrom = input.EffectiveFrom!.Value;
        if (await db.Set<SuperGuaranteeRule>().AnyAsync(x => x.EffectiveFrom == effectiveFrom, cancellationToken))
        {
            throw new ConflictException($"The {FinancialYear.Containing(effectiveFrom).Label} financial year already has a super guarantee rule; stored rules are never changed.", "effectiveFrom");
        }

        var rule = new SuperGuaranteeRule
        {
            EffectiveFrom = effectiveFrom,
            Rate = input.Rate!.Value,
            Basis = basis!.Value,
            MaximumContributionBaseCents = Cents.FromDollars(input.MaximumContributionBase!.Value),
            Source = input.Source!.Trim(),
            AddedBy = addedBy,
            AddedByName = Truncate(addedByName, 200),
        };
        db.Add(rule);
        await SaveAsync($"The {FinancialYear.Containing(effectiveFrom).Label} financial year got a super guarantee rule at the same moment; reload.", "effectiveFrom", cancellationToken);
        LogSuperRuleAdded(logger, FinancialYear.Containing(effectiveFrom).Label, addedByName, addedBy, rule.Source);
        return ToDto(rule);
    }

    /// <summary>
    /// Every weekly-earnings amount must fall in exactly one band: the first starts at 0, each starts where the
    /// previous ends (no gap, no overlap), and the last is "and over". Problems name the band's field.
    /// </summary>
    private static List<WithholdingBracketRow> Bands(IReadOnlyList<WithholdingBracketInput>? brackets, ValidationErrors errors)
    {
        if (brackets is null || brackets.Count == 0)
        {
            errors.Add("brackets", "Give every weekly-earnings band, from 0 to the last, \"and over\", band.");
            return [];
        }

        if (brackets.Count > MaximumBands)
        {
            errors.Add("brackets", $"At most {MaximumBands} bands.");
            return [];
        }

        var rows = new List<WithholdingBracketRow>();
        decimal? previousEnd = 0m;
        for (var i = 0; i < brackets.Count; i++)
        {
            var band = brackets[i];
            var field = $"brackets[{i}]";
            var last = i == brackets.Count - 1;
            if (band is null)
            {
                errors.Add(field, "Missing band.");
                continue;
            }

            if (band.From is not { } from)
            {
                errors.Add($"{field}.from", "Give where the band starts.");
            }
            else if (i == 0 && from != 0m)
            {
                errors.Add($"{field}.from", "The first band starts at 0, so no weekly earnings are left without a row.");
            }
            else if (i > 0 && previousEnd is { } end && from > end)
            {
                errors.Add($"{field}.from", $"Gap: weekly earnings from {end:0.##} to less than {from:0.##} have no band. Start this band at {end:0.##}.");
            }
            else if (i > 0 && previousEnd is { } end2 && from < end2)
            {
                errors.Add($"{field}.from", $"Overlap: the previous band already covers weekly earnings less than {end2:0.##}. Start this band at {end2:0.##}.");
            }

            if (last)
            {
                errors.AddIf(band.LessThan is not null, $"{field}.lessThan", "The last band is \"and over\" (no limit), so every weekly earnings amount has a row.");
            }
            else if (band.LessThan is not { } lessThan)
            {
                errors.Add($"{field}.lessThan", "Only the last band is \"and over\"; give where this one ends.");
            }
            else if (lessThan > MaximumWeeklyLimit || decimal.Round(lessThan, 2) != lessThan)
            {
                errors.Add($"{field}.lessThan", $"Give weekly dollars up to {MaximumWeeklyLimit:0}, at most two decimals.");
            }
            else if (band.From is { } start && lessThan <= start)
            {
                errors.Add($"{field}.lessThan", $"The band must end after it starts ({start:0.##}).");
            }

            errors.AddIf(band.A is not { } a || a < 0m || a > 1m || decimal.Round(a, 6) != a, $"{field}.a", "Give coefficient a between 0 and 1 (0 for a nil band), up to six decimals.");
            errors.AddIf(band.B is not { } b || Math.Abs(b) > MaximumB || decimal.Round(b, 6) != b, $"{field}.b", "Give coefficient b (0 for a nil band; may be negative), up to six decimals.");
            rows.Add(new WithholdingBracketRow(last ? null : band.LessThan, band.A ?? 0m, band.B ?? 0m));
            previousEnd = band.LessThan;
        }

        return rows;
    }

    private static void Rate(decimal? rate, string field, ValidationErrors errors) =>
        errors.AddIf(rate is not { } r || r <= 0m || r > 1m || decimal.Round(r, 5) != r, field, "Give the rate as a fraction, e.g. 0.47 (more than 0, at most 1).");

    private async Task SaveAsync(string conflict, string field, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(conflict, field);
        }
    }

    private static WithholdingTableDto ToDto(WithholdingTableRecord t)
    {
        var bands = new List<WithholdingBracketDto>();
        var from = 0m;
        foreach (var b in t.Brackets)
        {
            bands.Add(new WithholdingBracketDto(from, b.LessThan, b.A, b.B));
            from = b.LessThan ?? from;
        }

        return new WithholdingTableDto(t.Id, t.EffectiveFrom, t.Scale, t.Identifier, t.Source, bands, t.NoTfnResidentRate, t.NoTfnForeignRate, t.AddedByName, t.CreatedAt);
    }

    private static SuperGuaranteeRuleDto ToDto(SuperGuaranteeRule r) => new(
        r.Id, r.EffectiveFrom, FinancialYear.Containing(r.EffectiveFrom).Label, r.Rate, r.Basis == SuperGuaranteeBasis.Payday ? "payday" : "quarterly",
        r.MaximumContributionBaseCents is { } c ? Cents.ToDollars(c) : null, r.Source, r.AddedByName, r.CreatedAt);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: withholding table {Identifier} added by {AddedByName} ({AddedBy}); source: {Source}")]
    private static partial void LogTableAdded(ILogger logger, string identifier, string addedByName, Guid addedBy, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: super guarantee rule for {FinancialYear} added by {AddedByName} ({AddedBy}); source: {Source}")]
    private static partial void LogSuperRuleAdded(ILogger logger, string financialYear, string addedByName, Guid addedBy, string source);
}
