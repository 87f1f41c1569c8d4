namespace Derrimut.Payroll.Domain.Earnings;

/// <summary>A day's approved timesheet hours: ordinary hours and, separately, the hours flagged as overtime.</summary>
internal sealed record WorkedDay
{
    public WorkedDay(DayKind kind, decimal ordinaryHours, decimal overtimeHours = 0m)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Day kind must be weekday, Saturday, Sunday or public holiday.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ordinaryHours);
        ArgumentOutOfRangeException.ThrowIfNegative(overtimeHours);
        if (ordinaryHours + overtimeHours > 24m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(overtimeHours),
                overtimeHours,
                $"A day has at most 24 hours; got {ordinaryHours.ToString(CultureInfo.InvariantCulture)} ordinary + {overtimeHours.ToString(CultureInfo.InvariantCulture)} overtime.");
        }

        Kind = kind;
        OrdinaryHours = ordinaryHours;
        OvertimeHours = overtimeHours;
    }

    public DayKind Kind { get; }

    public decimal OrdinaryHours { get; }

    public decimal OvertimeHours { get; }
}
