namespace Derrimut.Payroll.Contracts;

/// <summary>A calculator answer: the amount, which table or rate gave it, and the working.</summary>
/// <param name="Amount">Dollars.</param>
/// <param name="Table">The ATO table or the rate used.</param>
/// <param name="Working">The steps.</param>
public sealed record CalculatorAnswer(decimal Amount, string Table, IReadOnlyList<string> Working);

/// <summary>The PAYG and super calculators for the calculator page (the same engine and dated tables as <c>/api/payroll/withholding</c> and <c>/super</c>).</summary>
public interface IPayrollCalculator
{
    /// <summary>PAYG withholding for one payment.</summary>
    /// <param name="gross">Gross earnings for the period, dollars.</param>
    /// <param name="period">"weekly", "fortnightly", "monthly" or "quarterly".</param>
    /// <param name="scale">NAT 1004 scale 1–6.</param>
    /// <param name="paidOn">Payment date (chooses the table).</param>
    /// <param name="residency">"resident" or "foreign", for scale 4 only.</param>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">Bad input, or no table for the date (field <c>paidOn</c>).</exception>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<CalculatorAnswer> WithholdingAsync(decimal gross, string period, int scale, DateOnly paidOn, string? residency, CancellationToken cancellationToken = default);

    /// <summary>
    /// Super guarantee on ordinary time earnings: before 1 July 2026 with the quarterly base; from then Payday Super
    /// (qualifying earnings, annual base, due payday + 7 days).
    /// </summary>
    /// <param name="ordinaryTimeEarnings">OTE (from 1 July 2026, qualifying earnings) of this payment, dollars.</param>
    /// <param name="paidOn">Payment date.</param>
    /// <param name="alreadyPaidInBasePeriod">OTE already paid this quarter, or from 1 July 2026 QE already paid this financial year (field <c>alreadyPaid</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="Derrimut.BuildingBlocks.Errors.ValidationException">Bad input, or no rate/cap for the date (field <c>paidOn</c>).</exception>
    Task<CalculatorAnswer> SuperAsync(decimal ordinaryTimeEarnings, DateOnly paidOn, decimal alreadyPaidInBasePeriod, CancellationToken cancellationToken = default);
}
