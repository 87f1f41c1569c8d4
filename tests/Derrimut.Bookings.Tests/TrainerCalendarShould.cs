using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Trainers;

namespace Derrimut.Bookings.Tests;

/// <summary>
/// The shared trainer calendar (decision 0027): the database itself refuses a second commitment that overlaps a
/// trainer's or a member's time, on every provider.
/// </summary>
public abstract class TrainerCalendarShould(BookingsFixture fixture)
{
    private static readonly DateTimeOffset Nine = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(11));

    [Fact]
    public async Task RefuseASecondCommitmentThatOverlapsTheTrainersTime()
    {
        var trainer = await AddTrainerAsync(fixture.A1);
        await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine, Nine.AddHours(1));

        var clash = await Should.ThrowAsync<ConflictException>(() => HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine.AddMinutes(45), Nine.AddMinutes(105)));

        clash.Field.ShouldBe("start");
        clash.Message.ShouldContain("trainer");
        (await BlocksOfAsync(fixture.A1, trainer)).ShouldBe(4, "the refused commitment left nothing behind");
    }

    [Fact]
    public async Task RefuseAMembersSecondSessionAtTheSameTimeWithAnotherTrainer()
    {
        var first = await AddTrainerAsync(fixture.A1);
        var second = await AddTrainerAsync(fixture.A1);
        var member = Guid.NewGuid();
        await HoldAsync(fixture.A1, first, member, Nine, Nine.AddMinutes(30));

        var clash = await Should.ThrowAsync<ConflictException>(() => HoldAsync(fixture.A1, second, member, Nine.AddMinutes(15), Nine.AddMinutes(75)));

        clash.Message.ShouldContain("You already have");
        (await BlocksOfAsync(fixture.A1, second)).ShouldBe(0);
    }

    [Fact]
    public async Task AcceptBackToBackCommitmentsAndClassesWithoutAMember()
    {
        var trainer = await AddTrainerAsync(fixture.A1);
        await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine, Nine.AddHours(1));
        await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine.AddHours(1), Nine.AddHours(2));
        await HoldAsync(fixture.A1, trainer, null, Nine.AddHours(2), Nine.AddHours(3), CommitmentKinds.ClassOccurrence);
        await HoldAsync(fixture.A1, trainer, null, Nine.AddHours(3), Nine.AddHours(4), CommitmentKinds.ClassOccurrence);

        (await BlocksOfAsync(fixture.A1, trainer)).ShouldBe(16);
    }

    [Fact]
    public async Task FreeTheTimeWhenACommitmentIsReleased()
    {
        var trainer = await AddTrainerAsync(fixture.A1);
        var session = Guid.NewGuid();
        await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine, Nine.AddHours(1), commitmentId: session);
        await fixture.AtAsync(fixture.A1, async (sp, ct) =>
        {
            var calendar = sp.GetRequiredService<TrainerCalendar>();
            await calendar.ReleaseAsync(session, ct);
            await calendar.SaveAsync("start", ct);
        });

        await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine, Nine.AddHours(1));
        (await BlocksOfAsync(fixture.A1, trainer)).ShouldBe(4);
    }

    [Fact]
    public async Task KeepOneMembersTimeAtEachGymSeparate()
    {
        // A person who is a member at two gyms: each gym's calendar is its own; no gym's write depends on another's rows.
        var member = Guid.NewGuid();
        await HoldAsync(fixture.A1, await AddTrainerAsync(fixture.A1), member, Nine, Nine.AddHours(1));
        var other = await AddTrainerAsync(fixture.B1);

        await HoldAsync(fixture.B1, other, member, Nine, Nine.AddHours(1));

        (await BlocksOfAsync(fixture.B1, other)).ShouldBe(4);
        (await fixture.AtAsync(fixture.B1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<CalendarBlock>().CountAsync(b => b.TrainerId != other, ct))).ShouldBe(0);
    }

    [Fact]
    public async Task TakeACommitmentsBlocksEarliestFirst()
    {
        // EF Core inserts one table's rows in key order; keys that follow the blocks' starts make every writer take a
        // trainer's blocks in the same order, so racers queue on the first block instead of deadlocking.
        var blocks = await fixture.AtAsync(fixture.A1, (sp, _) => Task.FromResult(sp.GetRequiredService<TrainerCalendar>()
            .Hold(Guid.NewGuid(), Guid.NewGuid(), Nine, Nine.AddHours(3), CommitmentKinds.PtSession, Guid.NewGuid())));

        blocks.OrderBy(b => b.Id).Select(b => b.StartsAt).ShouldBe(blocks.Select(b => b.StartsAt).Order());
    }

    [Fact]
    public async Task LetExactlyOneOfManyRacersForLongCommitmentsWinWithoutADeadlock()
    {
        var trainer = await AddTrainerAsync(fixture.A1);
        using var go = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            try
            {
                await HoldAsync(fixture.A1, trainer, Guid.NewGuid(), Nine.AddDays(1), Nine.AddDays(1).AddHours(3));
                return "held";
            }
            catch (ConflictException)
            {
                return "refused";
            }
        })).ToList();
        go.Set();

        var outcomes = await Task.WhenAll(racers);

        outcomes.Count(o => o == "held").ShouldBe(1);
        outcomes.Count(o => o == "refused").ShouldBe(39, "a deadlock or lock timeout would surface as another exception");
        (await BlocksOfAsync(fixture.A1, trainer)).ShouldBe(12);
    }

    private Task<Guid> AddTrainerAsync(TestTenant gym) => fixture.AtAsync(gym, async (sp, ct) =>
    {
        var db = sp.GetRequiredService<DerrimutDbContext>();
        var trainer = new Trainer { PersonId = Guid.NewGuid(), DisplayName = "Test Trainer" };
        db.Add(trainer);
        await db.SaveChangesAsync(ct);
        return trainer.Id;
    });

    private Task HoldAsync(TestTenant gym, Guid trainer, Guid? member, DateTimeOffset start, DateTimeOffset end, string kind = CommitmentKinds.PtSession, Guid? commitmentId = null) =>
        fixture.AtAsync(gym, async (sp, ct) =>
        {
            var calendar = sp.GetRequiredService<TrainerCalendar>();
            calendar.Hold(trainer, member, start, end, kind, commitmentId ?? Guid.NewGuid());
            await calendar.SaveAsync("start", ct);
        });

    private Task<int> BlocksOfAsync(TestTenant gym, Guid trainer) => fixture.AtAsync(gym, (sp, ct) =>
        sp.GetRequiredService<DerrimutDbContext>().Set<CalendarBlock>().CountAsync(b => b.TrainerId == trainer, ct));
}

public sealed class TrainerCalendarOnSqliteShould(SqliteBookingsFixture fixture) : TrainerCalendarShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class TrainerCalendarOnPostgreSqlShould(PostgresBookingsFixture fixture) : TrainerCalendarShould(fixture), IClassFixture<PostgresBookingsFixture>;
