using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Data;

/// <summary>
/// Reads the dated tax tables and super rules from the database into a <see cref="PayrollRuleBook"/>, and seeds
/// the database from the code's tables. Read per calculation (a few dozen small rows), so a table a superadmin adds
/// is used by the next pay run on every server, without a release or a cache to invalidate.
/// </summary>
internal static class PayrollRuleStore
{
    public static async Task<PayrollRuleBook> LoadAsync(DerrimutDbContext db, CancellationToken cancellationToken)
    {
        var tables = await db.Set<WithholdingTableRecord>().AsNoTracking().ToListAsync(cancellationToken);
        var rules = await db.Set<SuperGuaranteeRule>().AsNoTracking().ToListAsync(cancellationToken);
        return ToRuleBook(tables, rules);
    }

    public static PayrollRuleBook ToRuleBook(IEnumerable<WithholdingTableRecord> tables, IEnumerable<SuperGuaranteeRule> rules)
    {
        var schedules = tables.GroupBy(t => t.EffectiveFrom).Select(g =>
        {
            var noTfn = g.FirstOrDefault(t => t.Scale == (int)WithholdingScale.Scale4);
            return new WithholdingSchedule(
                ScheduleIdentifier(g.Key),
                g.Key,
                [.. g.Where(t => t.Scale != (int)WithholdingScale.Scale4).OrderBy(t => t.Scale)
                    .Select(t => new WithholdingTable(t.Identifier, (WithholdingScale)t.Scale, t.Source, [.. t.Brackets.Select(b => new WithholdingBracket(b.LessThan, b.A, b.B))]))],
                noTfn is { NoTfnResidentRate: { } resident, NoTfnForeignRate: { } foreign } ? new NoTfnRates(noTfn.Identifier, noTfn.Source, resident, foreign) : null);
        });
        return new PayrollRuleBook(schedules, rules.Select(r => new SuperGuaranteeYear(r.EffectiveFrom, r.Rate, r.Basis, r.MaximumContributionBaseCents, r.Source)));
    }

    public static string ScheduleIdentifier(DateOnly effectiveFrom) => $"NAT1004-{effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The code's tables as rows: the seed.</summary>
    public static IEnumerable<WithholdingTableRecord> BuiltInTables() =>
        PayrollRuleBook.BuiltIn.Schedules.SelectMany(schedule =>
            schedule.Tables.Select(t => new WithholdingTableRecord
            {
                EffectiveFrom = schedule.EffectiveFrom,
                Scale = (int)t.Scale,
                Identifier = t.Identifier,
                Source = t.Source,
                Brackets = [.. t.Brackets.Select(b => new WithholdingBracketRow(b.LessThan, b.A, b.B))],
                AddedByName = "Seeded from Derrimut's built-in tables",
            })
            .Concat(schedule.NoTfnRates is { } rates
                ? [new WithholdingTableRecord
                {
                    EffectiveFrom = schedule.EffectiveFrom,
                    Scale = (int)WithholdingScale.Scale4,
                    Identifier = rates.Identifier,
                    Source = rates.Source,
                    NoTfnResidentRate = rates.Resident,
                    NoTfnForeignRate = rates.Foreign,
                    AddedByName = "Seeded from Derrimut's built-in tables",
                }]
                : []));

    /// <summary>The code's super rules as rows: the seed.</summary>
    public static IEnumerable<SuperGuaranteeRule> BuiltInSuperRules() =>
        PayrollRuleBook.BuiltIn.SuperRules.Select(r => new SuperGuaranteeRule
        {
            EffectiveFrom = r.EffectiveFrom,
            Rate = r.Rate,
            Basis = r.Basis,
            MaximumContributionBaseCents = r.MaximumContributionBaseCents,
            Source = r.Source,
            AddedByName = "Seeded from Derrimut's built-in tables",
        });

    /// <summary>
    /// Adds every built-in table and rule the database does not have yet; never changes a row that is there (a
    /// superadmin's figures, or an earlier seed, win). Safe to run on every start.
    /// </summary>
    public static async Task SeedAsync(DerrimutDbContext db, CancellationToken cancellationToken)
    {
        var tables = (await db.Set<WithholdingTableRecord>().Select(t => new { t.EffectiveFrom, t.Scale }).ToListAsync(cancellationToken))
            .Select(t => (t.EffectiveFrom, t.Scale)).ToHashSet();
        var rules = (await db.Set<SuperGuaranteeRule>().Select(r => r.EffectiveFrom).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var table in BuiltInTables().Where(t => !tables.Contains((t.EffectiveFrom, t.Scale))))
        {
            db.Add(table);
            added++;
        }

        foreach (var rule in BuiltInSuperRules().Where(r => !rules.Contains(r.EffectiveFrom)))
        {
            db.Add(rule);
            added++;
        }

        if (added == 0)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Another server seeded the same rows at the same moment (unique indexes): theirs are the same figures.
            db.ChangeTracker.Clear();
        }
    }
}
