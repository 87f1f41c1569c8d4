using System.Globalization;
using Derrimut.Billing.Contracts;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Features.StartCheckout;
using Derrimut.Web.Tests.Billing;
using Derrimut.Web.Tests.Memberships;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>
/// The real app (scheduler off: the tests run the jobs themselves, deterministically) on a clock the tests move, with
/// Billing's recording handler (to make webhook events fail on demand) and two franchises of two locations each.
/// </summary>
public abstract class JobsAppFixture : ProviderFixture
{
    public const int MaxAttempts = 3;

    private DerrimutWebFactory? _app;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public BillingEffects Effects { get; } = new();

    public DerrimutWebFactory App => Ready(_app!);

    public TestTenant A1 { get => Ready(field); private set; } = null!;

    public TestTenant B1 { get => Ready(field); private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        var settings = new Dictionary<string, string>
        {
            ["Billing:Webhooks:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Billing:Webhooks:Retry:FirstDelay"] = "00:01:00",
            ["Billing:Webhooks:Retry:MaxDelay"] = "00:30:00",
            ["Memberships:RenewalReminders:DaysBefore"] = "3",
        };
        AddSettings(settings);
        _app = Own(new DerrimutWebFactory(database, settings: settings, services: services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton(Effects);
            services.AddScoped<RecordingBillingHandler>();
            services.AddScoped<IIntegrationEventHandler<SubscriptionChanged>>(sp => sp.GetRequiredService<RecordingBillingHandler>());
            AddServices(services);
        }));
        await _app.StartAsync();
        TestTenant franchiseA, a2, franchiseB, b2;
        (franchiseA, A1, a2, franchiseB, B1, b2) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }

    /// <summary>Settings a fixture of its own adds to (or changes in) the shared ones.</summary>
    protected virtual void AddSettings(IDictionary<string, string> settings)
    {
    }

    /// <summary>Services a fixture of its own adds to the app's.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>Runs a job once, now, as a firing would.</summary>
    public Task<LocationJobRun> RunAsync<TJob>()
        where TJob : LocationJob =>
        App.Services.GetRequiredService<TJob>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>A new member of <paramref name="gym"/> who joined on the no-lock-in plan and paid (simulated gateway).</summary>
    public async Task<(Guid UserId, string Email)> ActiveMemberAsync(TestTenant gym)
    {
        await MembershipTestKit.EnsurePlansAsync(App, gym.Id);
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var userId = await MembershipTestKit.CreatePersonAsync(App, gym.Id, email);
        var scopes = App.Services.GetRequiredService<ITenantScopeFactory>();
        var started = await scopes.RunAsync(gym.Id, (sp, ct) => sp.GetRequiredService<StartCheckoutHandler>()
            .HandleAsync(userId, new StartCheckoutRequest("no-lock-in"), ct));
        await scopes.RunAsync(gym.Id, (sp, ct) => sp.GetRequiredService<SimulatedBilling>().PayAsync(gym.Id, started.CheckoutUrl.Split('/')[^1], ct));
        (await MembershipAsync(gym, userId)).Status.ShouldBe(MembershipStatus.Active);
        return (userId, email);
    }

    internal async Task<Membership> MembershipAsync(TestTenant gym, Guid userId) =>
        (await MembershipTestKit.MembershipOfAsync(App, gym.Id, userId)).ShouldNotBeNull();

    /// <summary>Changes a membership row directly, to arrange a state the gateway would take weeks to reach.</summary>
    internal Task ArrangeAsync(TestTenant gym, Guid userId, Action<Membership> change) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var membership = await db.Set<Membership>().Where(m => m.UserId == userId).SingleAsync(ct);
            change(membership);
            await db.SaveChangesAsync(ct);
        });

    internal Task<List<MembershipAuditEntry>> AuditAsync(TestTenant gym, Guid membershipId) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<MembershipAuditEntry>().AsNoTracking().Where(e => e.MembershipId == membershipId).ToListAsync(ct));

    /// <summary>The emails sent to one address so far.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string email) => !Directory.Exists(App.MailPickup)
        ? []
        : [.. Directory.GetFiles(App.MailPickup, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))];
}

public sealed class SqliteJobsAppFixture : JobsAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresJobsAppFixture : JobsAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
