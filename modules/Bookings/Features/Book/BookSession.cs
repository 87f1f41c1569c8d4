using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Book;

/// <summary>Body of <c>POST /api/bookings</c>. <c>memberId</c> is for front desk booking on a member's behalf.</summary>
internal sealed record BookSessionRequest(Guid? TrainerId, string? SessionType, DateTimeOffset? Start, Guid? MemberId = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(TrainerId is null || TrainerId == Guid.Empty, "trainerId", "Choose a trainer.");
        errors.Required(SessionType, "sessionType", 40);
        errors.AddIf(Start is null, "start", "Choose a start time.");
        errors.AddIf(MemberId == Guid.Empty, "memberId", "The member id is not valid.");
    }
}

/// <summary>
/// Books a session. The slot must be one the trainer's availability offers; the database then decides who gets it
/// (decision 0027): the session and its calendar blocks are saved in one transaction, and a concurrent booking of
/// overlapping time fails its insert (409). An included session (the member's plan has PT sessions this month
/// left) is confirmed at once; otherwise the slot is held as pending and the member pays through Billing's
/// payment checkout, which confirms it (<c>CheckoutCompleted</c>) or releases it (expired or declined).
/// </summary>
internal sealed class BookSessionHandler(
    BookingReads reads,
    TrainerCalendar calendar,
    ICurrentTenant tenant,
    IMembershipEntitlements entitlements,
    IPaymentGateway gateway,
    IPeopleReadModel people,
    BookingNotices notices,
    ISiteAddresses sites)
{
    /// <summary>How long a new hold is left to the request that made it to open its checkout (see the retry path).</summary>
    internal static readonly TimeSpan CheckoutStillOpening = TimeSpan.FromSeconds(30);

    private DerrimutDbContext Db => reads.Db;

    /// <param name="bookerId">Who books: the member, or front desk.</param>
    /// <param name="memberId">The member the session is for.</param>
    /// <param name="request">What is booked.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BookingCreatedDto> HandleAsync(Guid bookerId, Guid memberId, BookSessionRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var now = reads.Clock.UtcNow;
        var trainer = await reads.ListedTrainerAsync(request.TrainerId!.Value, cancellationToken);
        var code = request.SessionType!.Trim();
        var offer = (await reads.OffersAsync([trainer.Id], cancellationToken))[trainer.Id].FirstOrDefault(o => o.Code == code)
            ?? throw new ValidationException("sessionType", "This trainer does not offer that session type.");
        var start = request.Start!.Value.ToUniversalTime();
        var end = start + TimeSpan.FromMinutes(offer.Minutes);
        if (start <= now)
        {
            throw new ValidationException("start", "That time has passed; choose a later one.");
        }

        var search = await reads.SlotSearchAsync(trainer.Id, start, start + TimeSpan.FromMinutes(1), [offer], cancellationToken);
        var slot = SlotFinder.Candidates(search).FirstOrDefault(s => s.Start == start)
            ?? throw new ValidationException("start", "The trainer is not available then; choose one of their slots.");
        if (slot.Start < search.EarliestStart)
        {
            throw new ValidationException("start", "Sessions must be booked further ahead; choose a later slot.");
        }

        await ReleaseLapsedHoldsAsync(trainer.Id, memberId, start, end, now, cancellationToken);
        if (await OwnBookingAsync(memberId, trainer.Id, start, offer.Code, cancellationToken) is { } own)
        {
            // The same member booking the same session again: a double click, or a retry after an answer that never
            // arrived (the node died, or the database went away after the booking had committed). They get their
            // booking back, not "that slot has just been taken" about their own hold; a hold whose checkout never
            // opened gets its checkout now (the gateway call carries the booking's own idempotency key).
            if (own.Status == BookingStatus.Pending && own.CheckoutSessionId is null)
            {
                // A young hold without a checkout is most likely still being made by the first request, which is
                // asking the gateway right now: a second checkout call would race it, so this one waits its turn.
                if (own.CreatedAt > now - CheckoutStillOpening)
                {
                    throw new StillInProgressException("Your booking of this session is still being made; look at your bookings in a moment.", "start",
                        (int)Math.Ceiling((own.CreatedAt + CheckoutStillOpening - now).TotalSeconds));
                }

                await StartCheckoutAsync(own, trainer, cancellationToken);
            }

            return await AnswerAsync(own, trainer, own.Status == BookingStatus.Confirmed ? "booked" : "held", cancellationToken);
        }

        if (!SlotFinder.IsFree(slot, search with { BusyBlocks = await BusyAsync(trainer.Id, start, end, search.Buffer, cancellationToken) }))
        {
            throw new ConflictException("That slot has just been taken; choose another.", "start");
        }

        var session = new PtSession
        {
            MemberId = memberId,
            TrainerId = trainer.Id,
            SessionTypeCode = offer.Code,
            SessionTypeName = offer.Name,
            SessionTypeId = await Db.Set<SessionType>().Where(t => t.Code == offer.Code).Select(t => t.Id).FirstAsync(cancellationToken),
            StartsAt = start,
            EndsAt = end,
            Minutes = offer.Minutes,
            PriceCents = offer.PriceCents,
            BookedById = bookerId == memberId ? null : bookerId,
        };
        var allowance = await IncludedPlaceAsync(memberId, start, now, cancellationToken);
        if (allowance is { } place)
        {
            session.Status = BookingStatus.Confirmed;
            session.PaymentStatus = BookingPaymentStatus.IncludedWithMembership;
            session.PriceCents = 0;
            (session.AllowanceMonth, session.AllowanceSlot) = place;
        }

        Db.Add(session);
        Db.Add(Change(session, bookerId, "booked", allowance is null ? "Pending payment." : "Included with the membership."));
        calendar.Hold(trainer.Id, memberId, start, end, CommitmentKinds.PtSession, session.Id);
        try
        {
            await calendar.SaveAsync("start", cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains(nameof(PtSession.AllowanceSlot), StringComparison.OrdinalIgnoreCase) == true
                                          || (ex.InnerException as Npgsql.PostgresException)?.ConstraintName?.Contains(nameof(PtSession.AllowanceSlot), StringComparison.OrdinalIgnoreCase) == true)
        {
            Db.ChangeTracker.Clear();
            throw new ConflictException("Another booking just used that included session; book again.", "start");
        }

        BookingsMetrics.Add(BookingsMetrics.PtSessions, tenant.Tenant!.Id);

        if (allowance is null)
        {
            await StartCheckoutAsync(session, trainer, cancellationToken);
        }

        return await AnswerAsync(session, trainer, allowance is null ? "held" : "booked", cancellationToken);
    }

    /// <summary>Tells the trainer's and member's open pages, and answers with the booking and where to pay for it.</summary>
    private async Task<BookingCreatedDto> AnswerAsync(PtSession session, Trainer trainer, string change, CancellationToken cancellationToken)
    {
        await notices.ChangedAsync(session, change, cancellationToken);
        var policy = await reads.PolicyAsync(cancellationToken);
        var memberName = await people.People.Where(p => p.UserId == session.MemberId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new BookingCreatedDto(reads.ToDto(session, trainer.DisplayName, memberName, policy), session.CheckoutUrl);
    }

    /// <summary>The member's own live booking of exactly this session (trainer, start and type), if they already hold it.</summary>
    private Task<PtSession?> OwnBookingAsync(Guid memberId, Guid trainerId, DateTimeOffset start, string sessionType, CancellationToken cancellationToken) =>
        Db.Set<PtSession>().FirstOrDefaultAsync(
            s => s.MemberId == memberId && s.TrainerId == trainerId && s.StartsAt == start && s.SessionTypeCode == sessionType
                 && (s.Status == BookingStatus.Pending || s.Status == BookingStatus.Confirmed),
            cancellationToken);

    private async Task StartCheckoutAsync(PtSession session, Trainer trainer, CancellationToken cancellationToken)
    {
        var email = await people.People.Where(p => p.UserId == session.MemberId).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
        var local = reads.Clock.ToLocal(session.StartsAt);
        StartedCheckout started;
        try
        {
            started = await gateway.CreatePaymentCheckoutAsync(new PaymentCheckoutRequest(
                    tenant.Tenant!.Id, session.MemberId, CheckoutPurposes.TrainerBooking, session.Id.ToString(),
                    $"{session.SessionTypeName} with {trainer.DisplayName}, {local.ToString("ddd d MMM h:mm tt", GymCulture.Australian)}",
                    session.PriceCents,
                    IdempotencyKey: $"trainer-booking:{session.Id:N}",
                    // The gateway's return links come from configuration, never from the request (decision 0039).
                    SuccessUrl: sites.ForCurrentSite($"/member/bookings?paid={session.Id:N}").ToString(),
                    CancelUrl: sites.ForCurrentSite($"/member/bookings?cancelled={session.Id:N}").ToString(),
                    CustomerEmail: string.IsNullOrEmpty(email) ? null : email),
                cancellationToken);
        }
        catch (Exception ex) when (ex is PaymentGatewayException or OperationCanceledException)
        {
            // Nothing was sold: free the slot at once rather than hold it for a checkout that does not exist.
            await ReleaseUnpaidHoldAsync(Db, calendar, session, reads.Clock.UtcNow, "payment-not-started", "The payment could not be started.", CancellationToken.None);
            await Db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        session.CheckoutSessionId = started.CheckoutId;
        session.CheckoutUrl = started.Url;
        session.CheckoutExpiresAt = started.ExpiresAt;
        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The numbered place of the month's included sessions this booking takes, or null when it must be paid: the member
    /// must be entitled here (active, not frozen, past due or cancelled; the entitlement contract decides) and their
    /// plan must include PT sessions with one left in the session's gym-local month.
    /// </summary>
    private async Task<(string Month, int Slot)?> IncludedPlaceAsync(Guid memberId, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entitlement = await entitlements.GetAsync(memberId, tenant.Tenant!.Id, now, cancellationToken);
        if (!entitlement.IsEntitled || entitlement.Inclusions.PtSessionsPerMonth <= 0)
        {
            return null;
        }

        var month = reads.Clock.ToLocal(start).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var taken = await Db.Set<PtSession>().Where(s => s.MemberId == memberId && s.AllowanceMonth == month && s.AllowanceSlot != null)
            .Select(s => s.AllowanceSlot!.Value).ToListAsync(cancellationToken);
        var free = Enumerable.Range(1, entitlement.Inclusions.PtSessionsPerMonth).Where(n => !taken.Contains(n)).Select(n => (int?)n).FirstOrDefault();
        return free is { } n2 ? (month, n2) : null;
    }

    /// <summary>
    /// Pending sessions whose checkout has lapsed (the gateway's expiry event may still be on its way) no longer hold
    /// their time: release those that overlap, so the slot is bookable again.
    /// </summary>
    private async Task ReleaseLapsedHoldsAsync(Guid trainerId, Guid memberId, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lapsed = await Db.Set<PtSession>()
            .Where(s => (s.TrainerId == trainerId || s.MemberId == memberId) && s.Status == BookingStatus.Pending
                        && s.CheckoutExpiresAt != null && s.CheckoutExpiresAt <= now && s.StartsAt < end && s.EndsAt > start)
            .ToListAsync(cancellationToken);
        if (lapsed.Count == 0)
        {
            return;
        }

        foreach (var session in lapsed)
        {
            await ReleaseUnpaidHoldAsync(Db, calendar, session, now, "checkout-expired", "The checkout expired without payment.", cancellationToken);
        }

        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else (the expiry event, another booking) released them first.
            Db.ChangeTracker.Clear();
        }
    }

    private async Task<IReadOnlySet<DateTimeOffset>> BusyAsync(Guid trainerId, DateTimeOffset start, DateTimeOffset end, TimeSpan buffer, CancellationToken cancellationToken)
    {
        var from = start - buffer - CalendarBlocks.Size;
        var to = end + buffer;
        var blocks = await Db.Set<CalendarBlock>().AsNoTracking().Where(b => b.TrainerId == trainerId && b.StartsAt >= from && b.StartsAt < to)
            .Select(b => b.StartsAt).ToListAsync(cancellationToken);
        return blocks.Select(CalendarBlocks.Floor).ToHashSet();
    }

    internal static PtSessionChange Change(PtSession session, Guid? actor, string action, string? detail) =>
        new() { SessionId = session.Id, ActorId = actor, Action = action, Detail = detail, At = DateTimeOffset.UtcNow };

    /// <summary>
    /// Cancels a pending hold that will not be paid (its checkout expired, failed or never opened), gives its time back
    /// to the trainer's calendar and logs why; the caller saves, under the row's version check, so a payment landing at
    /// the same moment wins. One rule for the booking itself, the gateway's expiry event and the lapsed-holds job.
    /// </summary>
    internal static async Task ReleaseUnpaidHoldAsync(
        DerrimutDbContext db, TrainerCalendar calendar, PtSession session, DateTimeOffset at, string action, string reason, CancellationToken cancellationToken)
    {
        session.Status = BookingStatus.Cancelled;
        session.PaymentStatus = BookingPaymentStatus.Unpaid;
        session.CancelledAt = at;
        session.CancellationReason = reason;
        await calendar.ReleaseAsync(session.Id, cancellationToken);
        db.Add(Change(session, null, action, reason));
    }
}

/// <summary><c>POST /api/bookings</c> (a member books for themselves) and <c>POST /api/bookings/for-member</c> (front desk).</summary>
internal static class BookSessionEndpoint
{
    public static void MapBookSession(this RouteGroupBuilder writes)
    {
        writes.MapPost("/", (BookSessionRequest request, ClaimsPrincipal me, BookSessionHandler handler, CancellationToken ct) =>
            {
                var member = me.RequireUserId();
                return BookingProblems.CreatedOrProblemAsync(() => handler.HandleAsync(member, member, request with { MemberId = null }, ct));
            })
            .RequireAuthorization(BookingsPermissions.ManageOwnBookings)
            .WithName("BookSession");
        writes.MapPost("/for-member", async (BookSessionRequest request, ClaimsPrincipal me, BookSessionHandler handler, ILocationPeople people, CancellationToken ct) =>
            {
                if (request.MemberId is not { } memberId || memberId == Guid.Empty)
                {
                    throw new ValidationException("memberId", "Choose the member to book for.");
                }

                // Only a person of this gym; anyone else is unknown here.
                _ = await people.FindAsync(memberId, ct) ?? throw new ValidationException("memberId", "No such member at this gym.");
                return await BookingProblems.CreatedOrProblemAsync(() => handler.HandleAsync(me.RequireUserId(), memberId, request, ct));
            })
            .RequireAuthorization(BookingsPermissions.ManageBookings)
            .WithName("BookSessionForMember");
    }
}

/// <summary>Gateway failures as problems the member can act on.</summary>
internal static class BookingProblems
{
    public static async Task<IResult> CreatedOrProblemAsync(Func<Task<BookingCreatedDto>> call)
    {
        try
        {
            var created = await call();
            return TypedResults.Created($"/api/bookings/{created.Booking.Id}", created);
        }
        catch (PaymentGatewayException ex)
        {
            return Problem(ex);
        }
    }

    public static async Task<IResult> OkOrProblemAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (PaymentGatewayException ex)
        {
            return Problem(ex);
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(PaymentGatewayException ex)
    {
        var (status, title) = ex.Failure switch
        {
            PaymentGatewayFailure.Declined => (StatusCodes.Status402PaymentRequired, "The payment was declined."),
            PaymentGatewayFailure.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Payments are unavailable right now."),
            _ => (StatusCodes.Status502BadGateway, "The payment provider refused the request."),
        };
        return TypedResults.Problem(title: title, statusCode: status, type: Derrimut.BuildingBlocks.Http.ProblemTypes.ServerError,
            detail: "Nothing was booked. Please try again shortly, or ask at the front desk.");
    }
}
