using Derrimut.Payroll.Domain.Money;

namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// A payment to withhold PAYG from. <see cref="Residency"/> is required for scale 4 (no TFN) and
/// refused for every other scale (scale 3 already means foreign resident), so a form that sends it
/// by mistake is told rather than silently ignored.
/// </summary>
internal sealed record WithholdingRequest
{
    public WithholdingRequest(
        decimal grossEarnings,
        PayPeriod period,
        WithholdingScale scale,
        DateOnly paidOn,
        TaxResidency? residency = null)
    {
        if (grossEarnings < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(grossEarnings), grossEarnings, "Gross earnings cannot be negative.");
        }

        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Pay period must be weekly, fortnightly, monthly or quarterly.");
        }

        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Withholding scale must be 1, 2, 3, 4, 5 or 6.");
        }

        if (scale == WithholdingScale.Scale4 && residency is null)
        {
            throw new ArgumentException("Scale 4 (no TFN) needs the employee's residency: resident or foreign.", nameof(residency));
        }

        if (scale != WithholdingScale.Scale4 && residency is not null)
        {
            throw new ArgumentException($"Residency applies only to scale 4 (no TFN), not to scale {(int)scale}.", nameof(residency));
        }

        if (residency is { } value && !Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(residency), value, "Residency must be resident or foreign.");
        }

        GrossCents = Cents.FromDollars(grossEarnings);
        GrossEarnings = grossEarnings;
        Period = period;
        Scale = scale;
        PaidOn = paidOn;
        Residency = residency;
    }

    /// <summary>Gross earnings for the pay period in dollars (at most two decimal places).</summary>
    public decimal GrossEarnings { get; }

    public long GrossCents { get; }

    public PayPeriod Period { get; }

    public WithholdingScale Scale { get; }

    /// <summary>The payment date: it, not the period worked, chooses the table.</summary>
    public DateOnly PaidOn { get; }

    public TaxResidency? Residency { get; }
}
