using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.Book;
using Derrimut.BuildingBlocks.Events;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;

namespace Derrimut.Bookings.Seeding;

/// <summary>
/// Every location: the original's six session types (admins edit them). Development demo data at st-albans and
/// werribee, relative to today: the demo trainer's profile, offers and weekly hours, a week either side of today of
/// sessions in every status (completed ones reach Payroll through the completion event, like a trainer's click), and
/// an upcoming paid session for <c>member@st-albans</c>.
/// </summary>
internal sealed class BookingsSeeder : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    /// <summary>After Memberships (40) and Payroll (30: the demo trainer's pay settings exist when completions arrive).</summary>
    public int Order => 45;

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!tenant.IsLocation)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        await EnsureSessionTypesAsync(db, cancellationToken);
        if (context.IncludeDemoData && tenant.Identifier is "st-albans" or "werribee")
        {
            await SeedDemoAsync(tenant, context.Services, db, cancellationToken);
        }
    }

    /// <summary>The six session types, for a location that has none yet (new locations get them on first use too).</summary>
    internal static async Task EnsureSessionTypesAsync(DerrimutDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<SessionType>().Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, name, minutes, price) in SessionType.Defaults.Where(d => !existing.Contains(d.Code)))
        {
            db.Add(new SessionType { Code = code, Name = name, DefaultMinutes = minutes, DefaultPriceCents = price });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedDemoAsync(TenantInfo tenant, IServiceProvider services, DerrimutDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<Trainer>().AnyAsync(cancellationToken))
        {
            return; // already seeded
        }

        var people = services.GetRequiredService<ILocationPeople>();
        var trainerPerson = await people.FindByEmailAsync($"trainer@{tenant.Identifier}.{Domain}", cancellationToken);
        if (trainerPerson is null)
        {
            return;
        }

        var stAlbans = tenant.Identifier == "st-albans";
        var trainer = new Trainer
        {
            PersonId = trainerPerson.UserId,
            DisplayName = trainerPerson.DisplayName,
            Bio = stAlbans
                ? "Ten years coaching strength and conditioning in Melbourne's west. I like clear goals, simple programs and steady progress."
                : "Former state-level rower; I coach beginners into confident lifters and help runners stay injury-free.",
            Specialties = stAlbans ? "Strength; fat loss; beginners" : "Rowing fitness; injury prevention; yoga",
            Qualifications = "Certificate IV in Fitness; AUSactive registered professional; first aid and CPR",
            CalendarFeedSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(),
        };
        db.Add(trainer);
        var types = await db.Set<SessionType>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        string[] offered = stAlbans ? ["personal_training", "strength", "cardio"] : ["personal_training", "yoga", "crossfit"];
        foreach (var code in offered)
        {
            db.Add(new TrainerOffer { TrainerId = trainer.Id, SessionTypeId = types[code].Id, Minutes = types[code].DefaultMinutes, PriceCents = types[code].DefaultPriceCents });
        }

        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            db.Add(new WeeklyHours { TrainerId = trainer.Id, Day = day, Starts = new TimeOnly(6, 0), Ends = new TimeOnly(12, 0) });
            db.Add(new WeeklyHours { TrainerId = trainer.Id, Day = day, Starts = new TimeOnly(15, 0), Ends = new TimeOnly(20, 0) });
        }

        db.Add(new WeeklyHours { TrainerId = trainer.Id, Day = DayOfWeek.Saturday, Starts = new TimeOnly(8, 0), Ends = new TimeOnly(12, 0) });
        await db.SaveChangesAsync(cancellationToken);

        // A week either side of today, in every status.
        var clock = services.GetRequiredService<IGymClock>();
        var today = clock.Today;
        var members = new List<Guid>();
        foreach (var email in new[] { $"member@{tenant.Identifier}.{Domain}", $"member2@{tenant.Identifier}.{Domain}", $"member3@{tenant.Identifier}.{Domain}" })
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } person)
            {
                members.Add(person.UserId);
            }
        }

        if (members.Count == 0)
        {
            return;
        }

        var calendar = services.GetRequiredService<TrainerCalendar>();
        var pt = types[offered[0]];
        var completed = new List<PtSession>();
        PtSession Add(int dayOffset, int hour, int member, BookingStatus status, BookingPaymentStatus payment)
        {
            var date = today.AddDays(dayOffset);
            var start = LocalTimes.ToInstant(date.ToDateTime(new TimeOnly(hour, 0)), clock.Zone).ToUniversalTime();
            var session = new PtSession
            {
                MemberId = members[member % members.Count],
                TrainerId = trainer.Id,
                SessionTypeId = pt.Id,
                SessionTypeCode = pt.Code,
                SessionTypeName = pt.Name,
                StartsAt = start,
                EndsAt = start.AddMinutes(pt.DefaultMinutes),
                Minutes = pt.DefaultMinutes,
                Status = status,
                PaymentStatus = payment,
                PriceCents = payment == BookingPaymentStatus.IncludedWithMembership ? 0 : pt.DefaultPriceCents,
                PaymentIntentId = payment is BookingPaymentStatus.Paid or BookingPaymentStatus.Refunded ? $"pi_demo_{Guid.NewGuid():N}" : null,
            };
            if (status is BookingStatus.Cancelled)
            {
                session.CancelledAt = start.AddDays(-2);
                session.CancellationReason = "Demo: cancelled by the member.";
            }
            else
            {
                calendar.Hold(trainer.Id, session.MemberId, session.StartsAt, session.EndsAt, CommitmentKinds.PtSession, session.Id);
            }

            if (status == BookingStatus.Completed)
            {
                session.CompletedAt = session.EndsAt;
                completed.Add(session);
            }

            db.Add(session);
            db.Add(BookSessionHandler.Change(session, null, "seeded", $"Demo {status.ToString().ToLowerInvariant()}."));
            return session;
        }

        Add(-6, 7, 1, BookingStatus.Completed, BookingPaymentStatus.Paid);
        Add(-5, 16, 2, BookingStatus.Completed, BookingPaymentStatus.IncludedWithMembership);
        Add(-4, 8, 1, BookingStatus.NoShow, BookingPaymentStatus.Paid);
        Add(-3, 17, 2, BookingStatus.Cancelled, BookingPaymentStatus.Refunded);
        Add(-2, 9, 0, BookingStatus.Completed, BookingPaymentStatus.Paid);
        Add(-1, 18, 1, BookingStatus.Completed, BookingPaymentStatus.Paid);
        // Yesterday's session the trainer has not marked yet: what /trainer/sessions is for (and the E2E journey marks it).
        Add(-1, 13, 2, BookingStatus.Confirmed, BookingPaymentStatus.Paid);
        Add(2, 17, 1, BookingStatus.Confirmed, BookingPaymentStatus.IncludedWithMembership);
        Add(3, 7, 2, BookingStatus.Confirmed, BookingPaymentStatus.Paid);
        var late = Add(4, 16, 2, BookingStatus.Cancelled, BookingPaymentStatus.Paid);
        late.LateCancellation = true;
        var pending = Add(5, 10, 1, BookingStatus.Pending, BookingPaymentStatus.Pending);
        pending.CheckoutExpiresAt = clock.UtcNow.AddHours(23);
        // The one upcoming session of member@: tomorrow (or the next weekday) at 9:00, paid.
        var next = 1;
        while (today.AddDays(next).DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Saturday)
        {
            next++;
        }

        Add(next, 9, 0, BookingStatus.Confirmed, BookingPaymentStatus.Paid);
        await calendar.SaveAsync("start", cancellationToken);

        var events = services.GetRequiredService<IIntegrationEventPublisher>();
        foreach (var session in completed)
        {
            var local = clock.ToLocal(session.StartsAt);
            await events.PublishAsync(new TrainerSessionCompleted(tenant.Id, session.Id, trainer.PersonId, session.MemberId, session.StartsAt, session.Minutes,
                DateOnly.FromDateTime(local.DateTime), $"{session.SessionTypeName}, {session.Minutes} min, {local.ToString("ddd d MMM h:mm tt", GymCulture.Australian)}",
                session.PriceCents), cancellationToken);
        }
    }
}
