namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>The kind of day worked, which decides the penalty rate. A public holiday wins over the weekday it falls on.</summary>
internal enum DayKind
{
    Weekday,
    Saturday,
    Sunday,
    PublicHoliday,
}
