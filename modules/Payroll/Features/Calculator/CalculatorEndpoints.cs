using System.Globalization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Payroll.Contracts;
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

/// <summary>The super guarantee answer.</summary>
internal sealed record SuperResponse(
    decimal Contribution,
    decimal Rate,
    decimal OrdinaryTimeEarnings,
    decimal EarningsAttractingSuper,
    decimal QuarterlyMaximumContributionBase,
    string Quarter,
    DateOnly PaidOn,
    IReadOnlyList<string> Working);

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
            .WithSummary("Super guarantee on ordinary time earnings (rate by payment date, quarterly maximum base).");
    }

    internal static IResult Withholding(string? gross, string? period, string? scale, string? paidOn, string? residency)
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

        try
        {
            var result = WithholdingCalculator.Calculate(new WithholdingRequest(grossValue!.Value, periodValue!.Value, scaleValue!.Value, paidOnValue!.Value, residencyValue));
            return TypedResults.Ok(new WithholdingResponse(result.Withholding, result.WeeklyEarningsX, result.WeeklyWithholding, result.Table, result.TableSource,
                result.CoefficientA, result.CoefficientB, result.NoTfnRate, period!.ToLowerInvariant(), (int)scaleValue, paidOnValue.Value, result.Working));
        }
        catch (PayrollRuleNotKnownException ex)
        {
            return RuleNotKnown(ex);
        }
    }

    internal static IResult Super(string? ote, string? paidOn, string? otePaidThisQuarter)
    {
        var errors = new ValidationErrors();
        var earnings = ParseMoney(ote, "ote", errors);
        var paid = ParseDate(paidOn, errors);
        var already = otePaidThisQuarter is null ? 0m : ParseMoney(otePaidThisQuarter, "otePaidThisQuarter", errors);
        errors.ThrowIfAny();
        try
        {
            var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(paid!.Value, ToCents(earnings!.Value), ToCents(already!.Value));
            return TypedResults.Ok(new SuperResponse(result.ContributionCents / 100m, result.Rate, result.OrdinaryTimeEarningsCents / 100m,
                result.EarningsAttractingSuperCents / 100m, result.QuarterlyMaximumContributionBaseCents / 100m, result.Quarter.Label, paid.Value, result.Working));
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
