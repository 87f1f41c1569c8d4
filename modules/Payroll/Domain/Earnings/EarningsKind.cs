namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>What an earnings line pays for; decides whether it is ordinary time earnings (OTE) for super.</summary>
internal enum EarningsKind
{
    /// <summary>Ordinary hours, including casual loading and weekend/public-holiday penalty rates: OTE.</summary>
    OrdinaryHours,

    /// <summary>Hours beyond ordinary hours: NOT OTE, so no super guarantee on it.</summary>
    Overtime,

    /// <summary>Per-session commission for trainers: OTE (commissions count, per the reference §2).</summary>
    Commission,
}
