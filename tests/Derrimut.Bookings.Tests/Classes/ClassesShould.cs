using System.Text.Json;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Contracts;
using static Derrimut.Bookings.Tests.Classes.ClassTestKit;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>The timetable, booking, the waitlist and its promotions, through HTTP on a real database (decision 0031).</summary>
public abstract class ClassesShould(BookingsFixture fixture)
{
    private static readonly TimeSpan InTwoDays = TimeSpan.FromDays(2);

    private async Task<HttpClient> SignedInAsync(string email, TestTenant gym) => await fixture.App.SignedInAsync(email, gym.Identifier);

    private async Task<(Guid Id, HttpClient Client)> BookerAsync(TestTenant gym, string plan = "12-month-minimum", MembershipStatus? status = MembershipStatus.Active)
    {
        var (id, email) = await MemberAsync(fixture, gym, plan, status);
        return (id, await SignedInAsync(email, gym));
    }

    private static async Task<ClassBookingResult> BookAsync(HttpClient client, Guid occurrenceId)
    {
        var response = await client.PostAsync($"/api/classes/{occurrenceId}/bookings", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClassBookingResult>())!;
    }

    [Fact]
    public async Task ListClassesToAnyoneWithSpotsLeftAndTheWaitlist()
    {
        var gym = fixture.A1;
        var yoga = await ClassAsync(fixture, gym, capacity: 1, InTwoDays);
        await BookAsync((await BookerAsync(gym)).Client, yoga.Id);
        await BookAsync((await BookerAsync(gym)).Client, yoga.Id);

        var day = yoga.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var listed = await fixture.App.ClientFor(gym.Identifier).GetFromJsonAsync<JsonElement>($"/api/classes?from={day}&to={day}");

        var row = listed.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == yoga.Id);
        row.GetProperty("spotsLeft").GetInt32().ShouldBe(0);
        row.GetProperty("waitlistCount").GetInt32().ShouldBe(1);
        row.GetProperty("capacity").GetInt32().ShouldBe(1);
        row.GetProperty("instructor").GetString().ShouldBe("Tess Trainer");
        row.GetProperty("start").GetDateTimeOffset().ShouldBe(yoga.Start);
        row.GetProperty("end").GetDateTimeOffset().ShouldBe(yoga.Start.AddHours(1));
        row.GetProperty("name").GetString().ShouldBe(yoga.Name);
    }

    [Fact]
    public async Task NameTheFieldOfABadRange()
    {
        var client = fixture.App.ClientFor(fixture.A1.Identifier);
        await ProblemAssert.NamesFieldAsync(await client.GetAsync("/api/classes?from=tomorrow"), "from");
        await ProblemAssert.NamesFieldAsync(await client.GetAsync("/api/classes?from=2026-12-10&to=2026-12-01"), "to");
        await ProblemAssert.NamesFieldAsync(await client.GetAsync("/api/classes?from=2026-12-01&to=2027-03-01"), "to");
    }

    [Fact]
    public async Task BookUntilFullThenWaitlistInArrivalOrder()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 2, InTwoDays);
        var results = new List<ClassBookingResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await BookAsync((await BookerAsync(fixture.A1)).Client, spin.Id));
        }

        results.Select(r => r.Status).ShouldBe([ClassBookingStatus.Booked, ClassBookingStatus.Booked, ClassBookingStatus.Waitlisted, ClassBookingStatus.Waitlisted]);
        results.Select(r => r.WaitlistPosition).ShouldBe([null, null, 1, 2]);
    }

    [Fact]
    public async Task AnswerTheWireInTheApisWords()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 1, InTwoDays);
        var (_, client) = await BookerAsync(fixture.A1);
        var response = await client.PostAsync($"/api/classes/{spin.Id}/bookings", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("booked");
        var second = await (await (await BookerAsync(fixture.A1)).Client.PostAsync($"/api/classes/{spin.Id}/bookings", null)).Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("status").GetString().ShouldBe("waitlisted");
        second.GetProperty("waitlistPosition").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ListClassesBesidePtSessionsInTheMembersBookings()
    {
        var yoga = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays);
        var full = await ClassAsync(fixture, fixture.A1, capacity: 1, InTwoDays + TimeSpan.FromHours(3));
        await BookAsync((await BookerAsync(fixture.A1)).Client, full.Id);
        var (_, member) = await BookerAsync(fixture.A1);
        await BookAsync(member, yoga.Id);
        await BookAsync(member, full.Id);

        var mine = await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine");

        mine.GetProperty("upcoming").GetArrayLength().ShouldBe(0, "no PT sessions were booked");
        var classes = mine.GetProperty("classes").EnumerateArray().ToList();
        classes.Select(c => c.GetProperty("class").GetProperty("id").GetGuid()).ShouldBe([yoga.Id, full.Id]);
        classes.Select(c => c.GetProperty("status").GetString()).ShouldBe(["booked", "waitlisted"]);
        classes[1].GetProperty("waitlistPosition").GetInt32().ShouldBe(1);

        // Another member's classes never show.
        var (_, other) = await BookerAsync(fixture.A1);
        (await other.GetFromJsonAsync<JsonElement>("/api/bookings/mine")).GetProperty("classes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task RefuseASecondBookingOfTheSameClass()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays);
        var (_, client) = await BookerAsync(fixture.A1);
        await BookAsync(client, spin.Id);

        await ProblemAssert.IsAsync(await client.PostAsync($"/api/classes/{spin.Id}/bookings", null), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task RefuseMembersWhoseMembershipDoesNotEntitleThemToClasses()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays);

        foreach (var status in new MembershipStatus?[] { MembershipStatus.PastDue, MembershipStatus.Cancelled, MembershipStatus.Pending, null })
        {
            var (_, client) = await BookerAsync(fixture.A1, status: status);
            var response = await client.PostAsync($"/api/classes/{spin.Id}/bookings", null);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, status?.ToString() ?? "no membership");
        }

        // The cheapest plan is the gym floor only.
        var (_, floorOnly) = await BookerAsync(fixture.A1, plan: "18-month-minimum");
        var refused = await floorOnly.PostAsync($"/api/classes/{spin.Id}/bookings", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("does not include group classes");
    }

    [Fact]
    public async Task RefuseBookingBeforeItOpensAndAfterTheStart()
    {
        var far = await ClassAsync(fixture, fixture.A1, capacity: 5, TimeSpan.FromDays(10));
        var (_, client) = await BookerAsync(fixture.A1);

        await ProblemAssert.IsAsync(await client.PostAsync($"/api/classes/{far.Id}/bookings", null), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task PromoteTheFirstWaitingMemberWhenABookedOneCancelsAndEmailThem()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 1, InTwoDays);
        var (_, first) = await BookerAsync(fixture.A1);
        var (secondId, second) = await BookerAsync(fixture.A1);
        var (_, third) = await BookerAsync(fixture.A1);
        await BookAsync(first, spin.Id);
        await BookAsync(second, spin.Id);
        await BookAsync(third, spin.Id);

        var cancel = await first.PostAsync($"/api/classes/{spin.Id}/bookings/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());

        var mine = (await second.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.Single(b => b.Class.Id == spin.Id);
        mine.Status.ShouldBe(ClassBookingStatus.Booked);
        var thirds = (await third.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.Single(b => b.Class.Id == spin.Id);
        thirds.Status.ShouldBe(ClassBookingStatus.Waitlisted);
        thirds.WaitlistPosition.ShouldBe(1);
        var occurrence = await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<ClassOccurrence>().AsNoTracking().SingleAsync(o => o.Id == spin.Id, ct));
        occurrence.BookedCount.ShouldBe(1);
        Directory.GetFiles(fixture.App.MailPickup, "*.eml").Select(File.ReadAllText).ShouldContain(m => m.Contains("You're in", StringComparison.Ordinal));
        secondId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task PromoteNoOneInsideTheCutOff()
    {
        // The default cut-off is two hours before the start.
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 1, TimeSpan.FromMinutes(75));
        var (_, first) = await BookerAsync(fixture.A1);
        var (_, second) = await BookerAsync(fixture.A1);
        await BookAsync(first, spin.Id);
        await BookAsync(second, spin.Id);

        (await first.PostAsync($"/api/classes/{spin.Id}/bookings/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await second.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.Single(b => b.Class.Id == spin.Id).Status.ShouldBe(ClassBookingStatus.Waitlisted);
        (await fixture.App.ClientFor(fixture.A1.Identifier).GetFromJsonAsync<List<ClassOccurrenceDto>>("/api/classes"))!.Single(c => c.Id == spin.Id).SpotsLeft.ShouldBe(1);
    }

    [Fact]
    public async Task PassOverAWaitingMemberWhoHasAnotherClassAtThatTime()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 1, InTwoDays);
        var yoga = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays + TimeSpan.FromMinutes(30));
        var (_, booked) = await BookerAsync(fixture.A1);
        var (_, busy) = await BookerAsync(fixture.A1);
        var (_, free) = await BookerAsync(fixture.A1);
        await BookAsync(booked, spin.Id);
        await BookAsync(busy, spin.Id);
        await BookAsync(free, spin.Id);
        // While waiting for spin, the first waiting member got into the overlapping yoga class (arranged directly:
        // booking itself refuses a class overlapping one the member holds or waits for).
        await fixture.AtAsync(fixture.A1, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var busyId = (await db.Set<ClassBooking>().AsNoTracking().Where(b => b.OccurrenceId == spin.Id && b.WaitlistNumber == 1).SingleAsync(ct)).MemberId;
            db.Add(new ClassBooking { OccurrenceId = yoga.Id, MemberId = busyId, LiveMemberId = busyId, Status = ClassBookingStatus.Booked, RequestedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
        });

        await booked.PostAsync($"/api/classes/{spin.Id}/bookings/cancel", null);

        (await busy.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.Single(b => b.Class.Id == spin.Id).Status.ShouldBe(ClassBookingStatus.Waitlisted);
        (await free.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.Single(b => b.Class.Id == spin.Id).Status.ShouldBe(ClassBookingStatus.Booked);
    }

    [Fact]
    public async Task RefuseAClassThatOverlapsTheInstructorsOtherClassOrPtSession()
    {
        var trainer = await TrainerAsync(fixture, fixture.A1);
        var first = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays, trainer);

        var clash = await Should.ThrowAsync<ConflictException>(() => ClassAsync(fixture, fixture.A1, 5, InTwoDays + TimeSpan.FromMinutes(30), trainer));
        clash.Field.ShouldBe("trainerId");

        // A PT session of the trainer's (held by issue 13's sessions in the same calendar) refuses a class too.
        var session = first.Start.AddHours(3);
        await fixture.AtAsync(fixture.A1, async (sp, ct) =>
        {
            var calendar = sp.GetRequiredService<TrainerCalendar>();
            calendar.Hold(trainer, Guid.NewGuid(), session, session.AddHours(1), CommitmentKinds.PtSession, Guid.NewGuid());
            await calendar.SaveAsync("start", ct);
        });
        await Should.ThrowAsync<ConflictException>(() => ClassAsync(fixture, fixture.A1, 5, InTwoDays + TimeSpan.FromHours(3), trainer));
    }

    [Fact]
    public async Task KeepAWeeklyClassAtItsWallClockTimeAcrossTheEndOfDaylightSaving()
    {
        var type = await ClassTypeAsync(fixture, fixture.A1, 10);
        var trainer = await TrainerAsync(fixture, fixture.A1);
        // Melbourne leaves daylight saving on Sunday 4 April 2027: Mondays 29 March (UTC+11) and 5 April (UTC+10).
        var made = await fixture.AtAsync(fixture.A1, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var schedule = new ClassSchedule
            {
                ClassTypeId = type.Id, TrainerId = trainer, DayOfWeek = DayOfWeek.Monday, StartTime = new TimeOnly(18, 0),
                StartsOn = new DateOnly(2027, 3, 28), EndsOn = new DateOnly(2027, 4, 6),
            };
            db.Add(schedule);
            var occurrences = sp.GetRequiredService<ClassTimetableWriter>().Extend(schedule, await db.Set<ClassType>().SingleAsync(t => t.Id == type.Id, ct), new DateOnly(2027, 4, 30));
            await sp.GetRequiredService<TrainerCalendar>().SaveAsync("trainerId", ct);
            return occurrences;
        });

        made.Select(o => o.LocalDate).ShouldBe([new DateOnly(2027, 3, 29), new DateOnly(2027, 4, 5)]);
        made[0].StartsAt.ShouldBe(new DateTimeOffset(2027, 3, 29, 18, 0, 0, TimeSpan.FromHours(11)));
        made[1].StartsAt.ShouldBe(new DateTimeOffset(2027, 4, 5, 18, 0, 0, TimeSpan.FromHours(10)));
    }

    [Fact]
    public async Task ScheduleAWeeklyClassThroughTheApiWithDatedClassesAhead()
    {
        var (_, adminEmail) = await MemberAsync(fixture, fixture.A1, status: null, role: Derrimut.Identity.Contracts.IdentityRoles.Admin);
        var admin = await SignedInAsync(adminEmail, fixture.A1);
        var trainer = await TrainerAsync(fixture, fixture.A1);
        var typeResponse = await admin.PostAsJsonAsync("/api/classes/types", new { name = $"Zumba {Guid.NewGuid():N}"[..12], durationMinutes = 45, capacity = 25, room = "Studio 2", level = "beginner" });
        typeResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await typeResponse.Content.ReadAsStringAsync());
        var type = (await typeResponse.Content.ReadFromJsonAsync<ClassTypeDto>())!;
        var today = await fixture.AtAsync(fixture.A1, (sp, _) => Task.FromResult(sp.GetRequiredService<IGymClock>().Today));

        var response = await admin.PostAsJsonAsync("/api/classes/schedules", new
        {
            classTypeId = type.Id, trainerId = trainer, dayOfWeek = "wednesday", startTime = "05:45", startsOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var occurrences = created.GetProperty("occurrences").EnumerateArray().ToList();
        occurrences.Count.ShouldBeInRange(3, 5);
        occurrences.ShouldAllBe(o => o.GetProperty("start").GetDateTimeOffset().DayOfWeek == DayOfWeek.Wednesday && o.GetProperty("start").GetDateTimeOffset().Hour == 5);

        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/classes/schedules", new { classTypeId = type.Id, trainerId = trainer, dayOfWeek = "someday", startTime = "05:45", startsOn = "2026-12-01" }), "dayOfWeek");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/classes/types", new { name = "", durationMinutes = 45, capacity = 25 }), "name");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/classes/types", new { name = "Odd", durationMinutes = 50, capacity = 25 }), "durationMinutes");
        // A member may not edit the timetable.
        var (_, member) = await BookerAsync(fixture.A1);
        (await member.PostAsJsonAsync("/api/classes/types", new { name = "Mine", durationMinutes = 45, capacity = 25 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KeepEachGymsClassesToItself()
    {
        var spin = await ClassAsync(fixture, fixture.A1, capacity: 5, InTwoDays);
        var (_, atB1) = await BookerAsync(fixture.B1);

        (await atB1.PostAsync($"/api/classes/{spin.Id}/bookings", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.App.ClientFor(fixture.B1.Identifier).GetFromJsonAsync<List<ClassOccurrenceDto>>("/api/classes"))!.ShouldNotContain(c => c.Id == spin.Id);
    }

    [Fact]
    public async Task LetAMultiClubMemberBookAtAnotherGymOfTheFranchiseButNotASingleClubOne()
    {
        var spin = await ClassAsync(fixture, fixture.A2, capacity: 5, InTwoDays);
        var (multiId, multiEmail) = await MemberAsync(fixture, fixture.A1, "12-month-upfront");
        var (_, singleEmail) = await MemberAsync(fixture, fixture.A1, "12-month-minimum");
        // Both hold a member role at A2 (to sign in there) but no membership of A2's own.
        var (multi, single) = (await JoinAsync(fixture.A2, multiId, multiEmail), await JoinAsync(fixture.A2, null, singleEmail));

        (await multi.PostAsync($"/api/classes/{spin.Id}/bookings", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await single.PostAsync($"/api/classes/{spin.Id}/bookings", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Home gym only");
    }

    [Fact]
    public async Task RecordALateCancelAsAStrikeAndSuspendBookingWhereTheGymCountsThem()
    {
        var gym = fixture.A2;
        var (_, adminEmail) = await MemberAsync(fixture, gym, status: null, role: Derrimut.Identity.Contracts.IdentityRoles.Admin);
        var admin = await SignedInAsync(adminEmail, gym);
        (await admin.GetFromJsonAsync<JsonElement>("/api/classes/policy")).GetProperty("strikesEnabled").GetBoolean().ShouldBeFalse("off by default");
        var saved = await admin.PutAsJsonAsync("/api/classes/policy", new
        {
            bookingOpensDaysAhead = 7, promotionCutoffMinutes = 120, lateCancelWindowMinutes = 24 * 60, noShowGraceMinutes = 10,
            strikesEnabled = true, strikeLimit = 1, strikeWindowDays = 30, suspensionDays = 7,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/classes/policy", new { bookingOpensDaysAhead = 0, strikeLimit = 1, strikeWindowDays = 1, suspensionDays = 1 }), "bookingOpensDaysAhead");

        var soon = await ClassAsync(fixture, gym, capacity: 5, TimeSpan.FromHours(5));
        var later = await ClassAsync(fixture, gym, capacity: 5, InTwoDays);
        var (_, member) = await BookerAsync(gym);
        await BookAsync(member, soon.Id);
        (await member.PostAsync($"/api/classes/{soon.Id}/bookings/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var strikes = (await member.GetFromJsonAsync<List<ClassStrikeDto>>("/api/classes/mine/strikes"))!;
        strikes.ShouldHaveSingleItem().Kind.ShouldBe(ClassStrikeKind.LateCancel);
        strikes[0].Detail.ShouldContain(soon.Name);
        var refused = await member.PostAsync($"/api/classes/{later.Id}/bookings", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("suspended");

        // Back to the default, so the gym's other tests book as usual.
        (await admin.PutAsJsonAsync("/api/classes/policy", new
        {
            bookingOpensDaysAhead = 7, promotionCutoffMinutes = 120, lateCancelWindowMinutes = 120, noShowGraceMinutes = 10,
            strikesEnabled = false, strikeLimit = 3, strikeWindowDays = 30, suspensionDays = 7,
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> JoinAsync(TestTenant gym, Guid? id, string email)
    {
        var personId = id ?? await fixture.AtAsync(gym, async (sp, ct) =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Derrimut.Identity.Contracts.DerrimutUser>>().FindByEmailAsync(email))!.Id);
        await fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<Derrimut.Identity.Contracts.ILocationAccessGrants>().JoinAsync(personId, Derrimut.Identity.Contracts.IdentityRoles.Member, ct));
        return await SignedInAsync(email, gym);
    }
}

public sealed class ClassesOnSqliteShould(SqliteBookingsFixture fixture) : ClassesShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class ClassesOnPostgreSqlShould(PostgresBookingsFixture fixture) : ClassesShould(fixture), IClassFixture<PostgresBookingsFixture>;
