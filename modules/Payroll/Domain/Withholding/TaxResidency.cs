namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>Residency for tax purposes; only scale 4 (no TFN) needs it, because its flat rate differs.</summary>
internal enum TaxResidency
{
    Resident,
    Foreign,
}
