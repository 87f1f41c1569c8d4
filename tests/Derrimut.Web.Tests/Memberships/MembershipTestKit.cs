using System.Text.Json;
using Derrimut.Billing.Contracts;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Seeding;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>Arranges members and plans, and drives the module's billing handlers the way Billing's webhook does.</summary>
internal static class MembershipTestKit
{
    public static async Task EnsurePlansAsync(DerrimutWebFactory app, Guid tenantId) =>
        await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            MembershipsSeeder.EnsureStandardPlansAsync(sp.GetRequiredService<DerrimutDbContext>(), ct));

    /// <summary>Creates a confirmed person who holds <paramref name="role"/> at the location.</summary>
    public static async Task<Guid> CreatePersonAsync(DerrimutWebFactory app, Guid tenantId, string email, string role = IdentityRoles.Member)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
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

        await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) => sp.GetRequiredService<ILocationAccessGrants>().JoinAsync(id, role, ct));
        return id;
    }

    /// <summary>A member of <paramref name="gym"/> who joined on a 12-month plan and paid on the simulated checkout.</summary>
    public static async Task<Membership> ActiveMemberAsync(DerrimutWebFactory app, TestTenant gym)
    {
        await EnsurePlansAsync(app, gym.Id);
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var userId = await CreatePersonAsync(app, gym.Id, email);
        var client = await app.SignedInAsync(email, gym.Identifier);
        var checkout = await client.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "12-month-minimum" });
        checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync());
        var started = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        var delivered = await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<SimulatedBilling>().PayAsync(gym.Id, started.GetProperty("checkoutUrl").GetString()!.Split('/')[^1], ct));
        delivered.ShouldNotBeEmpty();
        var membership = (await MembershipOfAsync(app, gym.Id, userId))!;
        membership.Status.ShouldBe(Derrimut.Memberships.Contracts.MembershipStatus.Active);
        return membership;
    }

    /// <summary>Runs every registered handler of the event in the tenant's scope and one transaction, as the webhook does.</summary>
    public static Task DeliverAsync<TEvent>(DerrimutWebFactory app, TEvent billingEvent)
        where TEvent : IBillingEvent =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(billingEvent.TenantId, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var handlers = sp.GetServices<IIntegrationEventHandler<TEvent>>().ToList();
            handlers.ShouldNotBeEmpty();
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(billingEvent, ct);
            }

            await transaction.CommitAsync(ct);
        });

    public static Task<Membership?> MembershipOfAsync(DerrimutWebFactory app, Guid tenantId, Guid userId) =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<Membership>().AsNoTracking()
                .Where(m => m.UserId == userId).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct));

    public static Task<List<T>> AllAsync<T>(DerrimutWebFactory app, Guid tenantId)
        where T : class =>
        app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenantId, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<T>().AsNoTracking().ToListAsync(ct));

    public static SubscriptionSnapshot Snapshot(string subscriptionId, SubscriptionStatus status, DateTimeOffset periodStart, bool paused = false) =>
        new(subscriptionId, "cus_test", status, periodStart, periodStart.AddDays(14), CancelAtPeriodEnd: false, CancelAt: null, CanceledAt: null,
            EndedAt: status == SubscriptionStatus.Canceled ? periodStart : null, CollectionPaused: paused, CollectionResumesAt: paused ? periodStart.AddDays(28) : null);

    public static SubscriptionChanged Changed(Guid tenantId, Guid userId, string subscriptionId, SubscriptionChange change, SubscriptionStatus status, DateTimeOffset at) =>
        new($"evt_{Guid.NewGuid():N}", at, tenantId, userId, CheckoutPurposes.Membership, "no-lock-in", change, Snapshot(subscriptionId, status, at), null);
}
