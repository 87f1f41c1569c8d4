namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>The Medicare levy exemption the employee claimed on their declaration (scales 5 and 6).</summary>
internal enum MedicareLevyExemption
{
    None,
    Half,
    Full,
}

/// <summary>
/// The NAT 1004 scale from the employee's TFN declaration (ATO Schedule 1 "Scales"): no TFN → scale 4; foreign
/// resident → 3; full or half Medicare levy exemption (with the tax-free threshold) → 5 or 6; tax-free threshold
/// claimed → 2; not claimed → 1.
/// </summary>
internal static class TaxScales
{
    public static WithholdingScale For(bool tfnProvided, TaxResidency residency, bool claimsTaxFreeThreshold, MedicareLevyExemption medicare) =>
        (tfnProvided, residency, medicare) switch
        {
            (false, _, _) => WithholdingScale.Scale4,
            (true, TaxResidency.Foreign, _) => WithholdingScale.Scale3,
            (true, _, MedicareLevyExemption.Full) => WithholdingScale.Scale5,
            (true, _, MedicareLevyExemption.Half) => WithholdingScale.Scale6,
            _ => claimsTaxFreeThreshold ? WithholdingScale.Scale2 : WithholdingScale.Scale1,
        };
}
