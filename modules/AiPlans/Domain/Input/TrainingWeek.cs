namespace Derrimut.AiPlans.Domain.Input;

/// <summary>Which weekdays a request trains on, Monday first (the Australian working week).</summary>
internal static class TrainingWeek
{
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    // Default spreads leave at least one rest day between full-body sessions where the count allows it
    // (ACSM 2009: 48 h before training the same muscle group hard again).
    private static readonly IReadOnlyList<DayOfWeek>[] DefaultSpreads =
    [
        [DayOfWeek.Wednesday],
        [DayOfWeek.Monday, DayOfWeek.Thursday],
        [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        MondayFirst,
    ];

    /// <summary>The number of training days the request asks for.</summary>
    public static int DayCount(PlanRequest request)
    {
        var weekdays = request.WorkoutWeekdays.Distinct().Count();
        return weekdays > 0 ? weekdays : request.WorkoutDays ?? 0;
    }

    /// <summary>The training weekdays in Monday-first order: the member's own, or a default spread for the count.</summary>
    public static IReadOnlyList<DayOfWeek> DaysFor(PlanRequest request)
    {
        if (request.WorkoutWeekdays.Count > 0)
        {
            return [.. MondayFirst.Where(request.WorkoutWeekdays.Contains)];
        }

        var count = Math.Clamp(request.WorkoutDays ?? 1, 1, 7);
        return DefaultSpreads[count - 1];
    }

    public static int MondayFirstIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
