using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Domain.Rules;

/// <summary>
/// The dated figures one calculation uses: NAT 1004 schedules and super guarantee rules, each chosen by PAYMENT date.
/// Pay runs and the calculator build one from the database (<c>payroll.withholding_tables</c> and
/// <c>payroll.super_guarantee_rules</c>); <see cref="BuiltIn"/> is the code's own tables, the seed of those rows.
/// A figure that is not here is refused with <see cref="PayrollRuleNotKnownException"/>, never guessed.
/// </summary>
internal sealed class PayrollRuleBook
{
    public PayrollRuleBook(IEnumerable<WithholdingSchedule> schedules, IEnumerable<SuperGuaranteeYear> superRules)
    {
        Schedules = [.. schedules.OrderBy(s => s.EffectiveFrom)];
        SuperRules = [.. superRules.OrderBy(s => s.EffectiveFrom)];
    }

    /// <summary>The tables written into the code (the seed).</summary>
    public static PayrollRuleBook BuiltIn { get; } = new(WithholdingSchedules.Known, SuperGuaranteeRates.Known);

    public IReadOnlyList<WithholdingSchedule> Schedules { get; }

    public IReadOnlyList<SuperGuaranteeYear> SuperRules { get; }

    /// <summary>The schedule in force for a payment made on <paramref name="paidOn"/>: a later schedule replaces an earlier one for every scale.</summary>
    /// <exception cref="PayrollRuleNotKnownException">The date is before the earliest known schedule.</exception>
    public WithholdingSchedule ScheduleFor(WithholdingScale scale, DateOnly paidOn) =>
        Schedules.LastOrDefault(schedule => schedule.EffectiveFrom <= paidOn)
        ?? throw new PayrollRuleNotKnownException(
            $"PAYG withholding scale {(int)scale}",
            paidOn,
            Schedules.Count == 0
                ? $"No PAYG withholding table is known for scale {(int)scale} on payment date {Iso(paidOn)}: no schedules are recorded."
                : $"No PAYG withholding table is known for scale {(int)scale} on payment date {Iso(paidOn)}: "
                  + $"the earliest schedule known here ({Schedules[0].Identifier}) applies to payments on or after {Iso(Schedules[0].EffectiveFrom)}.");

    /// <summary>The coefficient table for a scale (1, 2, 3, 5 or 6) on a payment date.</summary>
    /// <exception cref="PayrollRuleNotKnownException">No table is known for that scale on that date.</exception>
    public WithholdingTable TableFor(WithholdingScale scale, DateOnly paidOn)
    {
        if (scale == WithholdingScale.Scale4)
        {
            throw new ArgumentException("Scale 4 (no TFN) has flat rates, not a coefficient table; use NoTfnRatesFor.", nameof(scale));
        }

        var schedule = ScheduleFor(scale, paidOn);
        return schedule.TableFor(scale)
            ?? throw new PayrollRuleNotKnownException(
                $"PAYG withholding scale {(int)scale}",
                paidOn,
                $"No PAYG withholding table is known for scale {(int)scale} on payment date {Iso(paidOn)}: "
                + $"the schedule {schedule.Identifier} (payments on or after {Iso(schedule.EffectiveFrom)}) is known here only for "
                + $"scales {string.Join(", ", schedule.Tables.Select(t => (int)t.Scale).Concat(schedule.NoTfnRates is null ? [] : [4]).Order())}. "
                + "Derrimut refuses to guess; a superadmin adds the coefficients from the ATO's published schedule (platform site, Payroll tax tables).");
    }

    /// <summary>The scale 4 (no TFN) rates on a payment date.</summary>
    /// <exception cref="PayrollRuleNotKnownException">No scale 4 rates are known on that date.</exception>
    public NoTfnRates NoTfnRatesFor(DateOnly paidOn)
    {
        var schedule = ScheduleFor(WithholdingScale.Scale4, paidOn);
        return schedule.NoTfnRates
            ?? throw new PayrollRuleNotKnownException(
                "PAYG withholding scale 4",
                paidOn,
                $"No scale 4 (no TFN) rates are known in the schedule {schedule.Identifier} (payments on or after {Iso(schedule.EffectiveFrom)}). "
                + "Derrimut refuses to guess; a superadmin adds them (platform site, Payroll tax tables).");
    }

    /// <summary>The super guarantee rule in force on a payment date (its rate carries forward until a later rule).</summary>
    /// <exception cref="PayrollRuleNotKnownException">No rate is known for a payment on that date.</exception>
    public SuperGuaranteeYear SuperRuleFor(DateOnly paidOn) =>
        SuperRules.LastOrDefault(rule => rule.EffectiveFrom <= paidOn)
        ?? throw new PayrollRuleNotKnownException(
            "super guarantee rate",
            paidOn,
            SuperRules.Count == 0
                ? $"No super guarantee rate is known for payment date {Iso(paidOn)}: no rules are recorded."
                : $"No super guarantee rate is known for payment date {Iso(paidOn)}: the earliest rate known here applies from {Iso(SuperRules[0].EffectiveFrom)}.");

    /// <summary>
    /// The rule and its maximum contribution base for the payment's financial year. The base is re-indexed every year,
    /// so a rule from an earlier year never lends its base to a later one.
    /// </summary>
    /// <exception cref="PayrollRuleNotKnownException">No base is known for that financial year.</exception>
    public (SuperGuaranteeYear Rule, long Cents) MaximumContributionBaseFor(DateOnly paidOn)
    {
        var rule = SuperRuleFor(paidOn);
        var year = FinancialYear.Containing(paidOn);
        if (rule.FinancialYear == year && rule.MaximumContributionBaseCents is { } cents)
        {
            return (rule, cents);
        }

        var known = SuperRules.Where(r => r.MaximumContributionBaseCents is not null).Select(r => r.FinancialYear.Label).ToList();
        throw new PayrollRuleNotKnownException(
            "maximum super contribution base",
            paidOn,
            $"No maximum super contribution base is known for the {year.Label} financial year (payment date {Iso(paidOn)}); "
            + $"known years: {(known.Count == 0 ? "none" : string.Join(", ", known))}. "
            + "Derrimut refuses to guess; a superadmin adds the ATO's figure for that year (platform site, Payroll tax tables).");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
