using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Seeding;
using Microsoft.AspNetCore.Identity;
using static Derrimut.Bookings.Tests.Classes.ClassTestKit;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>
/// The proof of decision 0031 through HTTP: many members racing for a small class get exactly its capacity, the rest
/// a waitlist numbered in the order the database admitted them, and no 5xx; concurrent cancellations promote exactly
/// as many waiting members, first come first served.
/// </summary>
public abstract class ClassRaceShould(BookingsFixture fixture)
{
    /// <summary>How many members race (1,000 on PostgreSQL; fewer on SQLite, which serialises every write anyway).</summary>
    protected abstract int Racers { get; }

    /// <summary>The spots of the raced class.</summary>
    protected abstract int Spots { get; }

    /// <summary>How many booked members cancel at once in the second race.</summary>
    protected abstract int Cancellers { get; }

    [Fact]
    public async Task AdmitExactlyTheCapacityAndWaitlistTheRestInArrivalOrder()
    {
        var members = await ManyMembersAsync(fixture.A1, Racers);
        var spin = await ClassAsync(fixture, fixture.A1, Spots, TimeSpan.FromDays(2));

        // Two waves: everyone of the second starts after the first has been answered, so arrival order is known.
        var firstWave = members.Take(Racers * 3 / 5).ToList();
        var secondWave = members.Skip(firstWave.Count).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await Task.WhenAll(firstWave.Select(m => m.Client.PostAsync($"/api/classes/{spin.Id}/bookings", null)));
        var second = await Task.WhenAll(secondWave.Select(m => m.Client.PostAsync($"/api/classes/{spin.Id}/bookings", null)));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Racers} booking attempts in two waves: {clock.ElapsedMilliseconds} ms");
        var all = first.Concat(second).ToList();

        all.Count(r => (int)r.StatusCode >= 500).ShouldBe(0);
        all.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var bookings = await BookingsAsync(spin.Id);
        bookings.Count(b => b.Status == ClassBookingStatus.Booked).ShouldBe(Spots);
        var waiting = bookings.Where(b => b.Status == ClassBookingStatus.Waitlisted).ToList();
        waiting.Count.ShouldBe(Racers - Spots);
        waiting.Select(b => b.WaitlistNumber!.Value).Order().ShouldBe(Enumerable.Range(1, Racers - Spots).Select(n => (long)n), "one number each, no gaps, no repeats");
        var secondIds = secondWave.Select(m => m.Id).ToHashSet();
        waiting.Where(b => secondIds.Contains(b.MemberId)).Min(b => b.WaitlistNumber!.Value)
            .ShouldBeGreaterThan(waiting.Where(b => !secondIds.Contains(b.MemberId)).Max(b => b.WaitlistNumber!.Value), "the later wave queues behind the earlier one");
        (await OccurrenceAsync(spin.Id)).BookedCount.ShouldBe(Spots);
    }

    [Fact]
    public async Task PromoteExactlyAsManyWaitingMembersAsCancelInOrder()
    {
        var members = await ManyMembersAsync(fixture.A1, Cancellers * 3);
        var hiit = await ClassAsync(fixture, fixture.A1, Cancellers, TimeSpan.FromDays(3));
        foreach (var member in members)
        {
            (await member.Client.PostAsync($"/api/classes/{hiit.Id}/bookings", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var booked = members.Take(Cancellers).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(booked.Select(m => m.Client.PostAsync($"/api/classes/{hiit.Id}/bookings/cancel", null)));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Cancellers} concurrent cancellations: {clock.ElapsedMilliseconds} ms");

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var bookings = await BookingsAsync(hiit.Id);
        var nowBooked = bookings.Where(b => b.Status == ClassBookingStatus.Booked).ToList();
        nowBooked.Count.ShouldBe(Cancellers);
        nowBooked.Select(b => b.WaitlistNumber!.Value).Order().ShouldBe(Enumerable.Range(1, Cancellers).Select(n => (long)n), "the first waiting, in order");
        bookings.Count(b => b.Status == ClassBookingStatus.Waitlisted).ShouldBe(Cancellers);
        (await OccurrenceAsync(hiit.Id)).BookedCount.ShouldBe(Cancellers);
    }

    private Task<List<ClassBooking>> BookingsAsync(Guid occurrenceId) =>
        fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<ClassBooking>().AsNoTracking().Where(b => b.OccurrenceId == occurrenceId).ToListAsync(ct));

    private Task<ClassOccurrence> OccurrenceAsync(Guid id) =>
        fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<ClassOccurrence>().AsNoTracking().SingleAsync(o => o.Id == id, ct));

    /// <summary>Members with active class memberships, each signed in on their own client.</summary>
    private async Task<List<(Guid Id, HttpClient Client)>> ManyMembersAsync(TestTenant gym, int count)
    {
        var people = new List<(Guid Id, string Email)>();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            for (var i = 0; i < count; i++)
            {
                var email = $"racer-{Guid.NewGuid():N}@example.com";
                var user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Racer {i}", CreatedAt = DateTimeOffset.UtcNow };
                (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
                people.Add((user.Id, email));
            }
        }

        await fixture.AtAsync(gym, async (sp, ct) =>
        {
            var grants = sp.GetRequiredService<ILocationAccessGrants>();
            foreach (var (id, _) in people)
            {
                await grants.JoinAsync(id, IdentityRoles.Member, ct);
            }

            var db = sp.GetRequiredService<DerrimutDbContext>();
            await MembershipsSeeder.EnsureStandardPlansAsync(db, ct);
            var plan = await db.Set<Plan>().SingleAsync(p => p.Code == "12-month-minimum", ct);
            db.AddRange(people.Select(p => new Membership { UserId = p.Id, LiveUserId = p.Id, PlanId = plan.Id, PlanCode = plan.Code, Status = MembershipStatus.Active }));
            await db.SaveChangesAsync(ct);
        });

        var clients = new List<(Guid, HttpClient)>();
        foreach (var (id, email) in people)
        {
            clients.Add((id, await fixture.App.SignedInAsync(email, gym.Identifier)));
        }

        return clients;
    }
}

public sealed class ClassRaceOnSqliteShould(SqliteBookingsFixture fixture) : ClassRaceShould(fixture), IClassFixture<SqliteBookingsFixture>
{
    protected override int Racers => 60;

    protected override int Spots => 5;

    protected override int Cancellers => 10;
}

public sealed class ClassRaceOnPostgreSqlShould(PostgresBookingsFixture fixture) : ClassRaceShould(fixture), IClassFixture<PostgresBookingsFixture>
{
    protected override int Racers => 1000;

    protected override int Spots => 20;

    protected override int Cancellers => 100;
}
