using System.Text.Json;
using Derrimut.Web.Lifecycle;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// Cold start (decision 0066): with <c>Hosting:WarmUp</c> on (the Production default) a starting node answers 503 on
/// <c>/health/ready</c>, naming <c>warm-up</c>, until it has built the data model, opened its first connection and
/// loaded the key ring; liveness answers meanwhile; a warm-up that fails never keeps the node out of rotation. The
/// warm-up is held at its last step (the key ring) by a gate around the Data Protection provider.
/// </summary>
public sealed class WarmUpShould
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ReportNotReadyUntilTheNodeIsWarmWhileStayingLive(DatabaseProvider provider)
    {
        var gate = new KeyRingGate();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Hosting:WarmUp"] = "true" },
            services: gate.Install);
        await app.StartAsync();
        var client = app.ClientFor(null);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var cold = await client.GetAsync("/health/ready");
        cold.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var report = await cold.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("checks").GetProperty("warm-up").GetProperty("status").GetString().ShouldBe("Unhealthy");
        report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        gate.Release.SetResult();
        var warm = await ReadyAsync(client);
        warm.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!.ShouldStartWith("Warm ");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CompileTheTenantLookupsOnAMigratedDatabase(DatabaseProvider provider)
    {
        // A Production node starts on a database the migrator has migrated: the lookups every request starts with are
        // compiled before ready (decision 0089), by asking for a gym no label can name.
        TenantIdentifier.Validate(WarmUp.NoGymsLabel).ShouldNotBeNull();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var migrator = new DerrimutWebFactory(database))
        {
            await migrator.StartAsync();
        }

        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Hosting:WarmUp"] = "true" });
        _ = app.Services;

        var report = await ReadyAsync(app.ClientFor(null));

        report.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!
            .ShouldMatch(@"^Warm .*tenant lookups \d+ ms");
    }

    [Fact]
    public async Task ReportReadyAnywayWhenTheWarmUpFails()
    {
        var gate = new KeyRingGate { Fail = true };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Hosting:WarmUp"] = "true" },
            services: gate.Install);
        await app.StartAsync();

        var report = await ReadyAsync(app.ClientFor(null));

        report.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!.ShouldStartWith("Warm-up failed");
    }

    [Fact]
    public async Task StayOutOfTheWayOutsideProductionUnlessAsked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);
        await app.StartAsync();

        var ready = await app.ClientFor(null).GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!.ShouldStartWith("No warm-up configured");
    }

    [Fact]
    public async Task LeaveTheKeyRingReadAtStartToTheWarmUp()
    {
        // The gate holds the warm-up at its key ring until the tests' host has migrated (it starts first, unlike a node).
        var gate = new KeyRingGate();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Hosting:WarmUp"] = "true" },
            services: gate.Install);
        await app.StartAsync();

        // The framework's own read would build the data model on the main thread before the server listens (decision
        // 0087); its stand-in skips it, and the warm-up reads the ring before readiness says 200.
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        hosted.ShouldNotContain(s => s.GetType().FullName == KeyRingAtStart.FrameworkServiceName);
        var standIn = hosted.OfType<KeyRingAtStart>().ShouldHaveSingleItem();
        standIn.LeftToWarmUp.ShouldBeTrue();
        standIn.ReadByFramework.ShouldBeFalse();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        gate.Release.SetResult();
        var report = await ReadyAsync(app.ClientFor(null));
        report.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!.ShouldStartWith("Warm ");
    }

    [Fact]
    public async Task KeepTheFrameworksKeyRingReadAtStartWithoutTheWarmUp()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);
        await app.StartAsync();

        // One stand-in, so the framework's service was found under its name (a rename in a later ASP.NET Core fails
        // here rather than quietly putting the read back on the main thread), and it ran the framework's read.
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        hosted.ShouldNotContain(s => s.GetType().FullName == KeyRingAtStart.FrameworkServiceName);
        var standIn = hosted.OfType<KeyRingAtStart>().ShouldHaveSingleItem();
        standIn.LeftToWarmUp.ShouldBeFalse();
        standIn.ReadByFramework.ShouldBeTrue();
    }

    /// <summary>Polls readiness until 200 (at most 60 s) and returns its report.</summary>
    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, await response.Content.ReadAsStringAsync());
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Wraps the app's Data Protection provider: the warm-up's own purpose waits at the gate (or fails); every other
    /// purpose (cookies, antiforgery) passes straight through.
    /// </summary>
    private sealed class KeyRingGate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Fail { get; init; }

        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IDataProtectionProvider));
            services.Remove(original);
            services.AddSingleton<IDataProtectionProvider>(sp => new Gated(Create(original, sp), this));
        }

        private static IDataProtectionProvider Create(ServiceDescriptor descriptor, IServiceProvider sp) =>
            (IDataProtectionProvider)(descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

        private sealed class Gated(IDataProtectionProvider inner, KeyRingGate gate) : IDataProtectionProvider
        {
            public IDataProtector CreateProtector(string purpose)
            {
                if (purpose == "Derrimut.WarmUp")
                {
                    gate.Entered.TrySetResult();
                    if (gate.Fail)
                    {
                        throw new InvalidOperationException("The key ring is unreachable (test).");
                    }

                    gate.Release.Task.Wait(TimeSpan.FromSeconds(60));
                }

                return inner.CreateProtector(purpose);
            }
        }
    }
}
