using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Derrimut.Bookings.Features.Classes;
using Derrimut.Bookings.Jobs;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using static Derrimut.Bookings.Tests.Classes.ClassTestKit;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>The no-show job and the attendance and no-show lists across the gym's classes.</summary>
public abstract class ClassAttendanceShould(BookingsFixture fixture)
{
    /// <summary>A class with two booked members that started half an hour ago (past the default 10-minute grace); the first checked in.</summary>
    private async Task<(ClassOccurrenceDto Class, Guid Attended, Guid Absent)> ClassThatStartedAsync(TestTenant gym)
    {
        var spin = await ClassAsync(fixture, gym, capacity: 5, TimeSpan.FromHours(3));
        var (attended, attendedEmail) = await MemberAsync(fixture, gym);
        var (absent, absentEmail) = await MemberAsync(fixture, gym);
        foreach (var email in new[] { attendedEmail, absentEmail })
        {
            var booked = await (await fixture.App.SignedInAsync(email, gym.Identifier)).PostAsync($"/api/classes/{spin.Id}/bookings", null);
            booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        }

        // Time passes: the class is now under way (booking closes at the start, so it was booked before).
        await fixture.AtAsync(gym, async (sp, ct) =>
        {
            var now = sp.GetRequiredService<IGymClock>().UtcNow;
            await sp.GetRequiredService<DerrimutDbContext>().Set<ClassOccurrence>().Where(o => o.Id == spin.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.StartsAt, now.AddMinutes(-30)).SetProperty(o => o.EndsAt, now.AddMinutes(30)), ct);
            await sp.GetRequiredService<ClassRosters>().MarkAttendanceAsync(attended, now.AddMinutes(-35), ct);
        });
        return (spin, attended, absent);
    }

    private Task<List<ClassBooking>> BookingsAsync(TestTenant gym, Guid occurrenceId) =>
        fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<ClassBooking>().AsNoTracking().Where(b => b.OccurrenceId == occurrenceId).ToListAsync(ct));

    [Fact]
    public async Task MarkBookedMembersNotCheckedInByTheStartPlusGraceAsNoShowsWithoutAnyoneOpeningARoster()
    {
        var gym = fixture.A1;
        var (spin, attended, absent) = await ClassThatStartedAsync(gym);
        // A class still ahead is left alone.
        var later = await ClassAsync(fixture, gym, capacity: 5, TimeSpan.FromHours(4));
        var (_, laterEmail) = await MemberAsync(fixture, gym);
        (await (await fixture.App.SignedInAsync(laterEmail, gym.Identifier)).PostAsync($"/api/classes/{later.Id}/bookings", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var job = ActivatorUtilities.CreateInstance<ClassNoShowsJob>(fixture.App.Services);
        await job.RunOnceAsync(TestContext.Current.CancellationToken);
        await job.RunOnceAsync(TestContext.Current.CancellationToken);

        var bookings = await BookingsAsync(gym, spin.Id);
        bookings.Single(b => b.MemberId == absent).NoShow.ShouldBeTrue();
        bookings.Single(b => b.MemberId == attended).NoShow.ShouldBeFalse();
        (await BookingsAsync(gym, later.Id)).ShouldAllBe(b => !b.NoShow);
    }

    [Fact]
    public async Task ListAttendanceAndNoShowsAcrossClassesForStaffOfThisGymOnly()
    {
        var gym = fixture.A2;
        var (spin, attended, absent) = await ClassThatStartedAsync(gym);
        var (_, staffEmail) = await MemberAsync(fixture, gym, status: null, role: IdentityRoles.Staff);
        var staff = await fixture.App.SignedInAsync(staffEmail, gym.Identifier);

        var all = (await staff.GetFromJsonAsync<List<AttendanceLineDto>>("/api/classes/attendance"))!.Where(l => l.OccurrenceId == spin.Id).ToList();
        all.Single(l => l.MemberId == attended).Attendance.ShouldBe("checked_in");
        all.Single(l => l.MemberId == attended).CheckedInAt.ShouldNotBeNull();
        all.Single(l => l.MemberId == absent).Attendance.ShouldBe("no_show");
        all.ShouldAllBe(l => l.ClassName == spin.Name && l.Instructor == "Tess Trainer");

        var noShows = (await staff.GetFromJsonAsync<List<AttendanceLineDto>>("/api/classes/attendance?noShowsOnly=true"))!;
        noShows.ShouldContain(l => l.MemberId == absent && l.OccurrenceId == spin.Id);
        noShows.ShouldAllBe(l => l.Attendance == "no_show");
        (await BookingsAsync(gym, spin.Id)).Single(b => b.MemberId == absent).NoShow.ShouldBeTrue("reading the list records what it shows");

        await ProblemAssert.NamesFieldAsync(await staff.GetAsync("/api/classes/attendance?from=yesterday"), "from");
        await ProblemAssert.NamesFieldAsync(await staff.GetAsync("/api/classes/attendance?from=2026-12-10&to=2026-12-01"), "to");
        await ProblemAssert.NamesFieldAsync(await staff.GetAsync("/api/classes/attendance?from=2026-10-01&to=2026-12-01"), "to");

        // Another gym's staff see none of it; members see no one's attendance.
        var (_, otherStaffEmail) = await MemberAsync(fixture, fixture.B1, status: null, role: IdentityRoles.Staff);
        (await (await fixture.App.SignedInAsync(otherStaffEmail, fixture.B1.Identifier)).GetFromJsonAsync<List<AttendanceLineDto>>("/api/classes/attendance"))!
            .ShouldNotContain(l => l.OccurrenceId == spin.Id);
        var (_, memberEmail) = await MemberAsync(fixture, gym);
        (await (await fixture.App.SignedInAsync(memberEmail, gym.Identifier)).GetAsync("/api/classes/attendance")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ClassAttendanceOnSqliteShould(SqliteBookingsFixture fixture) : ClassAttendanceShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class ClassAttendanceOnPostgreSqlShould(PostgresBookingsFixture fixture) : ClassAttendanceShould(fixture), IClassFixture<PostgresBookingsFixture>;
