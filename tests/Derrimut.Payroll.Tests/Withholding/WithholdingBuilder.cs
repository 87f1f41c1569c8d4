using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Tests.Withholding;

/// <summary>Short ways to run the withholding engine in tests.</summary>
internal static class WithholdingBuilder
{
    /// <summary>A payment date covered by the 1 July 2024 table (in 2025-26, for which the ATO left it unchanged).</summary>
    public static readonly DateOnly In2025To26 = new(2025, 11, 27);

    /// <summary>A payment date covered by the 1 July 2026 table.</summary>
    public static readonly DateOnly In2026To27 = new(2026, 11, 27);

    public static WithholdingResult Withhold(decimal gross, PayPeriod period, int scale, DateOnly paidOn, TaxResidency? residency = null) =>
        WithholdingCalculator.Calculate(new WithholdingRequest(gross, period, (WithholdingScale)scale, paidOn, residency));

    public static WithholdingResult Weekly(decimal gross, int scale, DateOnly paidOn) =>
        Withhold(gross, PayPeriod.Weekly, scale, paidOn);
}
