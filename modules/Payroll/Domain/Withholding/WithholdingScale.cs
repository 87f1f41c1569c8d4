namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// The NAT 1004 scales. The number is the ATO's scale number, so <c>(int)scale</c> is what payroll staff see.
/// </summary>
internal enum WithholdingScale
{
    /// <summary>Tax-free threshold not claimed.</summary>
    Scale1 = 1,

    /// <summary>Tax-free threshold claimed.</summary>
    Scale2 = 2,

    /// <summary>Foreign resident.</summary>
    Scale3 = 3,

    /// <summary>No tax file number provided: a flat rate that depends on residency.</summary>
    Scale4 = 4,

    /// <summary>Full Medicare levy exemption claimed.</summary>
    Scale5 = 5,

    /// <summary>Half Medicare levy exemption claimed.</summary>
    Scale6 = 6,
}
