using System.Globalization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Calculator;

/// <summary>The PAYG withholding answer, with the working payroll staff check against the ATO tables.</summary>
internal sealed record WithholdingResponse(
    decimal Withholding,
    decimal? WeeklyEarningsX,
    decimal? WeeklyWithholding,
    string Table,
    string TableSource,
    decimal? CoefficientA,
    decimal? CoefficientB,
    decimal? NoTfnRate,
    string Period,
    int Scale,
    DateOnly PaidOn,
    IReadOnlyList<string> Working);

/// <summary>
/// The super guarantee answer. <c>Basis</c> is "payday" (Payday Super, payments from 1 July 2026: the annual base,
/// due payday + 7 days) or "quarterly"; <c>QuarterlyMaximumContributionBase</c> is null under Payday Super.
/// </summary>
internal sealed record SuperResponse(
    decimal Contribution,
    decimal Rate,
    decimal OrdinaryTimeEarnings,
    decimal EarningsAttractingSuper,
    decimal? QuarterlyMaximumContributionBase,
    string Quarter,
    DateOnly PaidOn,
    IReadOnlyList<string> Working,
    string Basis,
    decimal MaximumContributionBase,
    string BasePeriod,
    DateOnly DueOn);

/// <summary>
/// <c>GET /api/payroll/withholding</c> and <c>GET /api/payroll/super</c>: the calculators payroll staff use to check
/// a figure. Every parameter is parsed here so a bad one is named in the problem; a date with no known ATO table
/// is refused (422) rather than guessed.
/// </summary>
internal static class CalculatorEndpoints
{
    public const string RuleNotKnownType = "https://derrimut.com.au/problems/payroll-rule-not-known";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payroll").RequireLocation().RequireAuthorization(PayrollPermissions.ManagePayroll).WithTags("Payroll: calculators");
        group.MapGet("/withholding", Withholding).WithName("CalculateWithholding")
            .WithSummary("PAYG withholding for one payment (ATO Schedule 1, table chosen by payment date).");
        group.MapGet("/super", Super).WithName("CalculateSuperGuarantee")
            .WithSummary("Super guarantee by payment date: quarterly base before 1 July 2026; Payday Super (annual base, due payday + 7 days) from then.");
    }

    internal static async Task<IResult> Withholding(string? gross, string? period, string? scale, string? paidOn, string? residency, DerrimutDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var grossValue = ParseMoney(gross, "gross", errors);
        var periodValue = ParseEnum<PayPeriod>(period, "period", "weekly, fortnightly, monthly or quarterly", errors);
        WithholdingScale? scaleValue = int.TryParse(scale, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 6
            ? (WithholdingScale)s
            : null;
        errors.AddIf(scaleValue is null, "scale", "The scale must be 1, 2, 3, 4, 5 or 6.");
        var paidOnValue = ParseDate(paidOn, errors);
        TaxResidency? residencyValue = null;
        if (residency is not null)
        {
            residencyValue = ParseEnum<TaxResidency>(residency, "residency", "resident or foreign", errors);
        }
        else if (scaleValue == WithholdingScale.Scale4)
        {
            errors.Add("residency", "Scale 4 (no TFN) needs residency=resident or residency=foreign.");
        }

        errors.AddIf(residency is not null && scaleValue is not null && scaleValue != WithholdingScale.Scale4, "residency",
            "Residency applies only to scale 4 (no TFN).");
        errors.ThrowIfAny();

        var rules = await PayrollRuleStore.LoadAsync(db, ct);
        try
        {
            var result = WithholdingCalculator.Calculate(new WithholdingRequest(grossValue!.Value, periodValue!.Value, scaleValue!.Value, paidOnValue!.Value, residencyValue), rules);
            return TypedResults.Ok(new WithholdingResponse(result.Withholding, result.WeeklyEarningsX, result.WeeklyWithholding, result.Table, result.TableSource,
                result.CoefficientA, result.CoefficientB, result.NoTfnRate, period!.ToLowerInvariant(), (int)scaleValue, paidOnValue.Value, result.Working));
        }
        catch (PayrollRuleNotKnownException ex)
        {
            return RuleNotKnown(ex);
        }
    }

    /// <param name="ote">Ordinary time earnings (from 1 July 2026: qualifying earnings) of this payment.</param>
    /// <param name="paidOn">The payment date.</param>
    /// <param name="otePaidThisQuarter">Before 1 July 2026: OTE already paid in the quarter.</param>
    /// <param name="qePaidThisYear">From 1 July 2026 (Payday Super): qualifying earnings already paid this financial year.</param>
    internal static async Task<IResult> Super(string? ote, string? paidOn, string? otePaidThisQuarter, string? qePaidThisYear, DerrimutDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var earnings = ParseMoney(ote, "ote", errors);
        var paid = ParseDate(paidOn, errors);
        var quarterAlready = otePaidThisQuarter is null ? 0m : ParseMoney(otePaidThisQuarter, "otePaidThisQuarter", errors);
        var yearAlready = qePaidThisYear is null ? 0m : ParseMoney(qePaidThisYear, "qePaidThisYear", errors);
        errors.ThrowIfAny();
        var rules = await PayrollRuleStore.LoadAsync(db, ct);
        try
        {
            // The base period follows the payment date's rule; a figure for the other kind of period is a mistake, not ignored.
            var payday = rules.SuperRuleFor(paid!.Value).Basis == SuperGuaranteeBasis.Payday;
            errors.AddIf(payday && otePaidThisQuarter is not null, "otePaidThisQuarter",
                "Payments from 1 July 2026 follow Payday Super: the base is annual, so give qePaidThisYear (qualifying earnings already paid this financial year).");
            errors.AddIf(!payday && qePaidThisYear is not null, "qePaidThisYear",
                "Payments before 1 July 2026 are capped per quarter: give otePaidThisQuarter.");
            errors.ThrowIfAny();
            var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(paid.Value, ToCents(earnings!.Value), ToCents(payday ? yearAlready!.Value : quarterAlready!.Value), rules);
            return TypedResults.Ok(new SuperResponse(result.ContributionCents / 100m, result.Rate, result.OrdinaryTimeEarningsCents / 100m,
                result.EarningsAttractingSuperCents / 100m, payday ? null : result.MaximumContributionBaseCents / 100m, result.Quarter.Label, paid.Value, result.Working,
                payday ? "payday" : "quarterly", result.MaximumContributionBaseCents / 100m, result.BasePeriod, result.DueOn));
        }
        catch (PayrollRuleNotKnownException ex)
        {
            return RuleNotKnown(ex);
        }
    }

    private static long ToCents(decimal dollars) => (long)(dollars * 100m);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult RuleNotKnown(PayrollRuleNotKnownException ex) =>
        TypedResults.Problem(statusCode: 422, type: RuleNotKnownType, title: "No official figure is known for this payment date.", detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["rule"] = ex.Rule, ["paidOn"] = ex.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    private static decimal? ParseMoney(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "Required, in dollars, e.g. 1000.00.");
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount || amount > 10_000_000m)
        {
            errors.Add(field, "Give dollars and cents, e.g. 1000.00 (not negative, at most two decimal places).");
            return null;
        }

        return amount;
    }

    private static DateOnly? ParseDate(string? value, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add("paidOn", "Give the payment date as yyyy-MM-dd.");
        return null;
    }

    private static T? ParseEnum<T>(string? value, string field, string allowed, ValidationErrors errors)
        where T : struct, Enum
    {
        if (value is not null && !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.Add(field, $"Must be {allowed}.");
        return null;
    }
}
