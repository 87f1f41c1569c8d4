using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;

namespace Derrimut.Bookings.Seeding;

/// <summary>
/// Development demo classes at st-albans and werribee: five class types, a week-by-week timetable led by the demo
/// trainer (made through the same writer the admin page uses, so the shared calendar refuses any clash with the
/// trainer's PT sessions — a clashing class is simply left out), bookings by the demo members through the booking
/// handler (one small class full with a waitlist, another full with no one waiting), two doors, member cards and recent
/// check-ins. Idempotent: a gym with class
/// types is left alone.
/// </summary>
internal sealed class ClassesSeeder : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    /// <summary>After Memberships (40, the demo members' memberships) and the PT sessions' seed (45, the demo trainer).</summary>
    public int Order => 50;

    private static readonly (string Name, string Description, int Minutes, int Capacity, string Room, ClassLevel Level)[] Types =
    [
        ("Vinyasa yoga", "Flowing yoga linking breath and movement. Mats provided.", 60, 20, "Studio 1", ClassLevel.AllLevels),
        ("Zumba", "Latin-inspired dance cardio. No experience needed.", 45, 25, "Studio 2", ClassLevel.Beginner),
        ("HIIT", "Short, sharp intervals on the functional floor.", 30, 16, "Functional zone", ClassLevel.Intermediate),
        ("Spin", "Indoor cycling to the beat; bring a towel and water.", 45, 20, "Spin room", ClassLevel.AllLevels),
        ("Strength", "Barbell and dumbbell strength in a small group.", 45, 12, "Free weights", ClassLevel.Intermediate),
        ("Reformer intro", "A one-on-one introduction to the reformer.", 30, 1, "Studio 1", ClassLevel.Beginner),
    ];

    private static readonly (DayOfWeek Day, int Hour, int Minute, string Type)[] Week =
    [
        (DayOfWeek.Monday, 6, 0, "HIIT"), (DayOfWeek.Monday, 18, 30, "Zumba"),
        (DayOfWeek.Tuesday, 7, 0, "Vinyasa yoga"), (DayOfWeek.Tuesday, 18, 0, "Spin"),
        (DayOfWeek.Wednesday, 6, 0, "Strength"), (DayOfWeek.Wednesday, 19, 0, "Vinyasa yoga"),
        (DayOfWeek.Thursday, 18, 0, "HIIT"), (DayOfWeek.Thursday, 19, 0, "Zumba"),
        (DayOfWeek.Friday, 6, 30, "Spin"),
        (DayOfWeek.Saturday, 8, 0, "Zumba"), (DayOfWeek.Saturday, 9, 30, "Vinyasa yoga"),
        (DayOfWeek.Sunday, 9, 0, "Strength"),
    ];

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!tenant.IsLocation || !context.IncludeDemoData || tenant.Identifier is not ("st-albans" or "werribee"))
        {
            return;
        }

        var services = context.Services;
        var db = services.GetRequiredService<DerrimutDbContext>();
        if (await db.Set<ClassType>().AnyAsync(cancellationToken))
        {
            return;
        }

        var people = services.GetRequiredService<ILocationPeople>();
        var trainerPerson = await people.FindByEmailAsync($"trainer@{tenant.Identifier}.{Domain}", cancellationToken);
        if (trainerPerson is null)
        {
            return;
        }

        var trainer = await db.Set<Trainer>().FirstOrDefaultAsync(t => t.PersonId == trainerPerson.UserId, cancellationToken);
        if (trainer is null)
        {
            trainer = new Trainer { PersonId = trainerPerson.UserId, DisplayName = trainerPerson.DisplayName };
            db.Add(trainer);
            await db.SaveChangesAsync(cancellationToken);
        }

        var typesHandler = services.GetRequiredService<ClassTypesHandler>();
        var types = new Dictionary<string, ClassTypeDto>(StringComparer.Ordinal);
        foreach (var t in Types)
        {
            types[t.Name] = await typesHandler.CreateAsync(new CreateClassTypeRequest(t.Name, t.Description, t.Minutes, t.Capacity, t.Room, t.Level), cancellationToken);
        }

        var writer = services.GetRequiredService<ClassTimetableWriter>();
        var clock = services.GetRequiredService<IGymClock>();
        var from = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (day, hour, minute, type) in Week)
        {
            await SkippingClashesAsync(db, () => writer.CreateScheduleAsync(
                new CreateClassScheduleRequest(types[type].Id, trainer.Id, day.ToString(), $"{hour:00}:{minute:00}", from, null), cancellationToken));
        }

        // A one-on-one class tomorrow at noon: one booked, one waiting.
        ClassOccurrenceDto? reformer = null;
        await SkippingClashesAsync(db, async () => reformer = await writer.CreateOneOffAsync(new CreateOneOffClassRequest(
            types["Reformer intro"].Id, trainer.Id, clock.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "12:00", null), cancellationToken));

        var goers = new List<Guid>();
        foreach (var email in new[] { $"member@{tenant.Identifier}.{Domain}", $"multi@{Domain}" })
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } person)
            {
                goers.Add(person.UserId);
            }
        }

        // Another one-on-one class the day after, booked by the gym's own member only: full, nobody waiting yet (the
        // Chromium journey joins its waitlist and sees the promotion when the booked member cancels).
        ClassOccurrenceDto? fullNoWaitlist = null;
        await SkippingClashesAsync(db, async () => fullNoWaitlist = await writer.CreateOneOffAsync(new CreateOneOffClassRequest(
            types["Reformer intro"].Id, trainer.Id, clock.Today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "12:30", null), cancellationToken));

        var booking = services.GetRequiredService<ClassBookingHandler>();
        if (fullNoWaitlist is not null && await people.FindByEmailAsync($"member@{tenant.Identifier}.{Domain}", cancellationToken) is { } own)
        {
            try
            {
                await booking.BookAsync(own.UserId, fullNoWaitlist.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is ForbiddenException or ConflictException)
            {
                db.ChangeTracker.Clear();
            }
        }

        var soon = await db.Set<ClassOccurrence>().AsNoTracking()
            .Where(o => o.StartsAt > clock.UtcNow.AddHours(3) && o.StartsAt < clock.UtcNow.AddDays(6))
            .OrderBy(o => o.StartsAt).Select(o => o.Id).Take(4).ToListAsync(cancellationToken);
        // The reformer intro is tomorrow, so it can be among the next classes too: book each class once.
        // The full class the Chromium journey waitlists on stays as set up above (booked by the gym's own member only),
        // even on days when it is among the next four (a Saturday morning: the weekend has few classes).
        List<Guid> targets = [.. (reformer is null ? soon : new[] { reformer.Id }.Concat(soon)).Distinct().Where(id => id != fullNoWaitlist?.Id)];
        foreach (var occurrenceId in targets)
        {
            foreach (var goer in goers)
            {
                try
                {
                    await booking.BookAsync(goer, occurrenceId, cancellationToken);
                }
                catch (Exception ex) when (ex is ForbiddenException or ConflictException)
                {
                    // Not entitled here, or another class at that time: as a member would be told.
                    db.ChangeTracker.Clear();
                }
            }
        }

        db.Add(new Door { Name = "Front door (24/7)" });
        db.Add(new Door { Name = "Studio door (staffed hours)", OpensAt = new TimeOnly(6, 0), ClosesAt = new TimeOnly(21, 0) });
        var entitlements = services.GetRequiredService<Derrimut.Memberships.Contracts.IMembershipEntitlements>();
        foreach (var goer in goers)
        {
            // Only members entitled here have visits; a multi-club visitor's carry their home gym, as the desk and the
            // doors record them. (Gyms are seeded in parallel: a visitor whose home gym is not seeded yet has none.)
            var entitlement = await entitlements.GetAsync(goer, tenant.Id, clock.UtcNow, cancellationToken);
            if (!entitlement.IsEntitled)
            {
                continue;
            }

            // A member card for each (numbers as this gym's reader sends them), so the desk and doors take cards too.
            db.Add(new MemberCard { PersonId = goer, CardNumber = $"{tenant.Identifier[..2].ToUpperInvariant()}{100001 + goers.IndexOf(goer)}" });
            var home = entitlement.HomeLocationId ?? tenant.Id;
            for (var daysAgo = 1; daysAgo <= 5; daysAgo++)
            {
                var at = clock.StartOf(clock.Today.AddDays(-daysAgo)).AddHours(daysAgo % 2 == 0 ? 6.2 : 17.6).ToUniversalTime();
                db.Add(new CheckIn { PersonId = goer, HomeLocationId = home, At = at, Place = "Front door (24/7)" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SkippingClashesAsync(DerrimutDbContext db, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (ConflictException)
        {
            // The trainer has a PT session then: the class is left off the demo timetable.
            db.ChangeTracker.Clear();
        }
    }
}
