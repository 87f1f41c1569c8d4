using System.Text.Json;
using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Billing.Contracts;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Bookings.Tests;

/// <summary>A trainer made for one test: the trainer's id, their person and sign-in email.</summary>
public sealed record TestTrainer(Guid Id, Guid PersonId, string Email);

/// <summary>Arranges people, trainers and memberships through the real services.</summary>
internal static class BookingsTestKit
{
    /// <summary>Creates a confirmed person who holds <paramref name="role"/> at the location.</summary>
    public static async Task<Guid> CreatePersonAsync(this BookingsFixture fixture, TestTenant gym, string email, string role = IdentityRoles.Member)
    {
        Guid id;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new DerrimutUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
                (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            }

            id = user.Id;
        }

        await fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<ILocationAccessGrants>().JoinAsync(id, role, ct));
        return id;
    }

    /// <summary>A new member of <paramref name="gym"/>, signed in.</summary>
    public static async Task<(Guid Id, HttpClient Client)> MemberAsync(this BookingsFixture fixture, TestTenant gym)
    {
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var id = await fixture.CreatePersonAsync(gym, email);
        return (id, await fixture.App.SignedInAsync(email, gym.Identifier));
    }

    /// <summary>A trainer at <paramref name="gym"/> offering personal training (60 min, $85) and cardio (30 min, $45), available all day every day.</summary>
    public static async Task<TestTrainer> TrainerAsync(this BookingsFixture fixture, TestTenant gym)
    {
        var email = $"t-{Guid.NewGuid():N}@example.com";
        var person = await fixture.CreatePersonAsync(gym, email, IdentityRoles.Trainer);
        var id = await fixture.AtAsync(gym, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var trainer = new Trainer { PersonId = person, DisplayName = "Test Trainer " + email[2..8] };
            db.Add(trainer);
            var types = await db.Set<SessionType>().ToDictionaryAsync(t => t.Code, ct);
            db.Add(new TrainerOffer { TrainerId = trainer.Id, SessionTypeId = types["personal_training"].Id, Minutes = 60, PriceCents = 8_500 });
            db.Add(new TrainerOffer { TrainerId = trainer.Id, SessionTypeId = types["cardio"].Id, Minutes = 30, PriceCents = 4_500 });
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                db.Add(new WeeklyHours { TrainerId = trainer.Id, Day = day, Starts = TimeOnly.MinValue, Ends = TimeOnly.MinValue });
            }

            await db.SaveChangesAsync(ct);
            return trainer.Id;
        });
        return new TestTrainer(id, person, email);
    }

    /// <summary>The trainer's first bookable personal-training slot at least <paramref name="after"/> from now.</summary>
    public static async Task<DateTimeOffset> SlotAsync(HttpClient client, TestTrainer trainer, TimeSpan after)
    {
        var from = DateTimeOffset.UtcNow + after;
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/trainers/{trainer.Id}/slots?sessionType=personal_training&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddDays(2).ToString("O"))}");
        slots.GetArrayLength().ShouldBeGreaterThan(0);
        return slots[0].GetProperty("start").GetDateTimeOffset();
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, TestTrainer trainer, DateTimeOffset start, string sessionType = "personal_training") =>
        client.PostAsJsonAsync("/api/bookings", new { trainerId = trainer.Id, sessionType, start });

    /// <summary>Pays the booking's simulated checkout, as the member's browser would.</summary>
    public static Task PayAsync(this BookingsFixture fixture, TestTenant gym, string checkoutUrl) =>
        fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<ISimulatedPayments>().PayCheckoutAsync(gym.Id, checkoutUrl.Split('/')[^1], ct));

    /// <summary>Runs every registered handler of a Billing event in the tenant's scope and one transaction, as the webhook does.</summary>
    public static Task DeliverAsync<TEvent>(this BookingsFixture fixture, TEvent billingEvent)
        where TEvent : IBillingEvent =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(billingEvent.TenantId, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var handler in sp.GetServices<Derrimut.BuildingBlocks.Events.IIntegrationEventHandler<TEvent>>())
            {
                await handler.HandleAsync(billingEvent, ct);
            }

            await transaction.CommitAsync(ct);
        });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
