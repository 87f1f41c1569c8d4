using System.Text.Json;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;

namespace Derrimut.Bookings.Tests;

/// <summary>
/// The trainer's client roster (<c>/api/trainer/clients</c>, the <c>/trainer/clients</c> page's handler) shows a
/// client's current AI plan through the <see cref="Derrimut.Bookings.Contracts.IClientPlans"/> seam the AiPlans module
/// fills, in the real app: the plan the member generated at this gym, never one made at another gym, and never to a
/// trainer of another location.
/// </summary>
public abstract class TrainerRosterPlansShould(BookingsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShowAClientsGeneratedPlanOnTheTrainersRosterAndOnlyAtThatGym()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var memberId = await fixture.CreatePersonAsync(fixture.A1, email);
        var member = await fixture.App.SignedInAsync(email, fixture.A1.Identifier);
        await SessionAsync(fixture.A1, trainer, memberId, DateTimeOffset.UtcNow.AddDays(-3));

        var generated = await member.PostAsJsonAsync("/api/plans", PlanAnswers(), Ct);

        generated.StatusCode.ShouldBe(HttpStatusCode.Created, await generated.Content.ReadAsStringAsync(Ct));
        var plan = await generated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var planId = plan.GetProperty("id").GetGuid();
        var trainerClient = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var roster = await trainerClient.GetFromJsonAsync<JsonElement>("/api/trainer/clients", Ct);
        var client = roster.EnumerateArray().Single(c => c.GetProperty("memberId").GetGuid() == memberId);
        var shown = client.GetProperty("plan");
        shown.GetProperty("planId").GetGuid().ShouldBe(planId);
        shown.GetProperty("name").GetString().ShouldBe(plan.GetProperty("name").GetString());
        shown.GetProperty("trainingDays").GetInt32().ShouldBe(3);
        shown.GetProperty("url").GetString().ShouldBe($"/trainer/plans/{planId}");

        // The same person also trains at A2 with A2's trainer: that roster lists them, without the plan made at A1.
        await fixture.CreatePersonAsync(fixture.A2, email);
        var otherTrainer = await fixture.TrainerAsync(fixture.A2);
        await SessionAsync(fixture.A2, otherTrainer, memberId, DateTimeOffset.UtcNow.AddDays(-2));
        var otherClient = await fixture.App.SignedInAsync(otherTrainer.Email, fixture.A2.Identifier);
        var otherRoster = await otherClient.GetFromJsonAsync<JsonElement>("/api/trainer/clients", Ct);
        otherRoster.EnumerateArray().Single(c => c.GetProperty("memberId").GetGuid() == memberId).GetProperty("plan").ValueKind.ShouldBe(JsonValueKind.Null);
        otherRoster.ToString().ShouldNotContain(planId.ToString());

        // Nor can A2's trainer read A1's roster or the plan itself.
        (await otherClient.GetAsync(SignedInClients.At(fixture.A1.Identifier, "/api/trainer/clients"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherClient.GetAsync($"/api/plans/{planId}", Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    private static object PlanAnswers() => new
    {
        age = 34, sex = "male", heightCm = 180, weightKg = 82.0, injuries = Array.Empty<string>(),
        workoutWeekdays = new[] { "Monday", "Wednesday", "Friday" }, goal = "general fitness", level = "beginner",
        activityLevel = "light", dietaryRestrictions = Array.Empty<string>(), allergies = Array.Empty<string>(),
    };

    private Task<Guid> SessionAsync(TestTenant gym, TestTrainer trainer, Guid memberId, DateTimeOffset start) => fixture.AtAsync(gym, async (sp, ct) =>
    {
        // A session last week, arranged as the booking would have left it (past sessions cannot be booked through the API).
        var db = sp.GetRequiredService<DerrimutDbContext>();
        var type = await db.Set<SessionType>().FirstAsync(t => t.Code == "personal_training", ct);
        start = CalendarBlocks.Floor(start);
        var session = new PtSession
        {
            MemberId = memberId, TrainerId = trainer.Id, SessionTypeId = type.Id, SessionTypeCode = type.Code, SessionTypeName = type.Name,
            StartsAt = start, EndsAt = start.AddHours(1), Minutes = 60, Status = Derrimut.Bookings.Contracts.BookingStatus.Completed,
            PaymentStatus = Derrimut.Bookings.Contracts.BookingPaymentStatus.Paid, PriceCents = 8_500,
        };
        db.Add(session);
        sp.GetRequiredService<TrainerCalendar>().Hold(trainer.Id, memberId, session.StartsAt, session.EndsAt, CommitmentKinds.PtSession, session.Id);
        await db.SaveChangesAsync(ct);
        return session.Id;
    });
}

public sealed class TrainerRosterPlansOnSqliteShould(SqliteBookingsFixture fixture) : TrainerRosterPlansShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class TrainerRosterPlansOnPostgreSqlShould(PostgresBookingsFixture fixture) : TrainerRosterPlansShould(fixture), IClassFixture<PostgresBookingsFixture>;
