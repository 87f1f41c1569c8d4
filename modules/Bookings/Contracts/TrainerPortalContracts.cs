namespace Derrimut.Bookings.Contracts;

/// <summary>What a trainer has earned, as the module that pays them knows it (for the dashboard's glance).</summary>
/// <param name="From">First day of the range (gym-local).</param>
/// <param name="To">Last day of the range (gym-local).</param>
/// <param name="Sessions">Completed sessions recorded as payable work in the range.</param>
/// <param name="RateCents">The trainer's rate per session (cents), or null when they are not paid per session.</param>
/// <param name="AmountCents">What those sessions earn at that rate (cents, before tax).</param>
public sealed record TrainerEarningsGlance(DateOnly From, DateOnly To, int Sessions, long? RateCents, long AmountCents);

/// <summary>
/// A seam Bookings declares and the pay module above it fills (dependencies point down: Payroll references Bookings,
/// never the reverse). Optional: without a registration the dashboard shows no earnings figure.
/// </summary>
public interface ITrainerEarningsGlance
{
    /// <summary>What the trainer (by person id) earned from sessions completed between two gym-local dates, inclusive.</summary>
    Task<TrainerEarningsGlance> BetweenAsync(Guid trainerPersonId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same for several trainers at once, keyed by person id (a trainer with nothing recorded is present with zero
    /// sessions): the trainers report asks for the whole team in two queries instead of two per trainer.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, TrainerEarningsGlance>> BetweenAsync(IReadOnlyCollection<Guid> trainerPersonIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>The trainer's day: <c>GET /api/trainer/dashboard</c> and <c>/trainer</c>.</summary>
/// <param name="TrainerName">The trainer's display name here.</param>
/// <param name="Today">Today's sessions (pending, confirmed, completed, no-show), in start order.</param>
/// <param name="NextSession">The next confirmed session that has not started, if any.</param>
/// <param name="Week">This week's (Monday to Sunday) earnings, when the pay module can tell.</param>
/// <param name="UpcomingThisWeek">Confirmed sessions still to come this week.</param>
public sealed record TrainerDashboardDto(string TrainerName, IReadOnlyList<BookingDto> Today, BookingDto? NextSession, TrainerEarningsGlance? Week, int UpcomingThisWeek);

/// <summary>A client's AI plan as the roster shows it.</summary>
public sealed record ClientPlanSummaryDto(Guid PlanId, string Name, int TargetCalories, int TrainingDays, DateTimeOffset CreatedAt, string Url);

/// <summary>One client on a trainer's roster: <c>GET /api/trainer/clients</c> and <c>/trainer/clients</c>.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Email">Their email (for the trainer to get in touch).</param>
/// <param name="Completed">Sessions with this trainer completed.</param>
/// <param name="NextSession">Their next confirmed or pending session with this trainer.</param>
/// <param name="Bookings">Their sessions with this trainer, newest first (at most 20).</param>
/// <param name="Notes">The trainer's notes from their sessions, newest first.</param>
/// <param name="Plan">Their current AI plan at this gym, if any.</param>
public sealed record TrainerClientDto(
    Guid MemberId,
    string Name,
    string? Email,
    int Completed,
    BookingDto? NextSession,
    IReadOnlyList<BookingDto> Bookings,
    IReadOnlyList<ClientNoteDto> Notes,
    ClientPlanSummaryDto? Plan);

/// <summary>A note the trainer left on a session.</summary>
public sealed record ClientNoteDto(Guid SessionId, DateTimeOffset Start, string Text);

/// <summary>A member's current AI plan at a glance, for the trainer's client roster.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="MemberId">Its member.</param>
/// <param name="Name">Its title.</param>
/// <param name="TargetCalories">The daily calorie target.</param>
/// <param name="TrainingDays">Training days a week.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="TrainerUrl">Where a trainer reads (and reviews) it.</param>
public sealed record ClientPlanGlance(Guid PlanId, Guid MemberId, string Name, int TargetCalories, int TrainingDays, DateTimeOffset CreatedAt, string TrainerUrl);

/// <summary>
/// A seam Bookings declares and the plans module above it fills (AiPlans sits above Bookings in the module order, so
/// Bookings never references it): the members' current AI plans at this location. Optional: without a registration the
/// roster shows no plans.
/// </summary>
public interface IClientPlans
{
    /// <summary>The active plan of each of <paramref name="memberIds"/> that has one, in the caller's location.</summary>
    Task<IReadOnlyDictionary<Guid, ClientPlanGlance>> ActivePlansAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default);
}
