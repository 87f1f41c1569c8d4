using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using Derrimut.Payroll.Features;

namespace Derrimut.Payroll.Features.Calculator;

/// <summary>
/// The calculator page's engine: the same Schedule 1 and super guarantee code as the API and pay runs, with the
/// same dated tables from the database.
/// </summary>
internal sealed class PayrollCalculatorFacade(DerrimutDbContext db) : IPayrollCalculator
{
    public async Task<CalculatorAnswer> WithholdingAsync(decimal gross, string period, int scale, DateOnly paidOn, string? residency, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var periodValue = PayrollText.Parse(PayrollText.Frequencies, period, "period", errors);
        errors.AddIf(gross < 0m || decimal.Round(gross, 2) != gross || gross > 10_000_000m, "gross", "Give dollars and cents, not negative, at most two decimal places.");
        errors.AddIf(scale is < 1 or > 6, "scale", "The scale must be 1 to 6.");
        TaxResidency? residencyValue = scale == 4 ? PayrollText.Parse(PayrollText.Residencies, residency, "residency", errors) : null;
        errors.ThrowIfAny();
        var rules = await PayrollRuleStore.LoadAsync(db, cancellationToken);
        try
        {
            var result = WithholdingCalculator.Calculate(new WithholdingRequest(gross, periodValue!.Value, (WithholdingScale)scale, paidOn, residencyValue), rules);
            return new CalculatorAnswer(result.Withholding, result.Table, result.Working);
        }
        catch (PayrollRuleNotKnownException ex)
        {
            throw new ValidationException("paidOn", ex.Message);
        }
    }

    public async Task<CalculatorAnswer> SuperAsync(decimal ordinaryTimeEarnings, DateOnly paidOn, decimal alreadyPaidInBasePeriod, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(ordinaryTimeEarnings < 0m || decimal.Round(ordinaryTimeEarnings, 2) != ordinaryTimeEarnings, "ote", "Give dollars and cents, not negative.");
        errors.AddIf(alreadyPaidInBasePeriod < 0m || decimal.Round(alreadyPaidInBasePeriod, 2) != alreadyPaidInBasePeriod, "alreadyPaid", "Give dollars and cents, not negative.");
        errors.ThrowIfAny();
        var rules = await PayrollRuleStore.LoadAsync(db, cancellationToken);
        try
        {
            var result = SuperGuaranteeCalculator.CalculateOnOrdinaryTimeEarnings(paidOn, Cents.FromDollars(ordinaryTimeEarnings), Cents.FromDollars(alreadyPaidInBasePeriod), rules);
            var table = result.Basis == SuperGuaranteeBasis.Payday
                ? $"Payday Super {result.Rate * 100m:0.##}% of qualifying earnings, {result.BasePeriod}; the fund must receive it by {result.DueOn:d MMM yyyy}"
                : $"Super guarantee {result.Rate * 100m:0.##}%, quarter {result.Quarter.Label}; due by {result.DueOn:d MMM yyyy}";
            return new CalculatorAnswer(Cents.ToDollars(result.ContributionCents), table, result.Working);
        }
        catch (PayrollRuleNotKnownException ex)
        {
            throw new ValidationException("paidOn", ex.Message);
        }
    }
}
