using System.Diagnostics;
using System.Text.Json;
using Derrimut.BuildingBlocks.Telemetry;
using Derrimut.Web.Telemetry;
using Derrimut.Web.Tests.Billing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry (decision 0063) seen through an in-memory exporter: the request span carries the gym, its database
/// spans are its children and carry it too, a webhook counts on Billing's meter, and without an endpoint nothing is
/// registered. Other test apps in this process emit on the same sources, so every assertion is narrowed to this
/// test's own gym and trace.
/// </summary>
public sealed class TelemetryShould
{
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();

    /// <summary>With Redis when it is here, so its instrumentation runs too (the catalogue's L2 reads).</summary>
    private DerrimutWebFactory Observed(TestDatabase database) => new(database, redis: TestServices.Redis,
        settings: new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" },
        services: s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
        });

    [Fact]
    public async Task PutTheGymOnARequestsServerSpanAndOnItsDatabaseSpans()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Observed(database);
        await app.StartAsync();
        var stAlbans = await StAlbansAsync(app);

        var response = await app.ClientFor("st-albans").GetAsync("/api/organizations/current");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var server = await EventuallyAsync(() => Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server
            && Equals(s.GetTagItem("url.path"), "/api/organizations/current") && Equals(s.GetTagItem(DerrimutTelemetry.TenantAttribute), stAlbans.Id.ToString())));
        var children = Snapshot().Where(s => s.TraceId == server.TraceId && s.SpanId != server.SpanId).ToList();
        var database_ = children.Where(s => s.Kind == ActivityKind.Client && s.Tags.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal))).ToList();
        database_.ShouldNotBeEmpty("the request read the gym's data, so the trace has database spans");
        database_.ShouldAllBe(s => Equals(s.GetTagItem(DerrimutTelemetry.TenantAttribute), stAlbans.Id.ToString()));
    }

    [Fact]
    public async Task CountAWebhookTheInboxProcessedOnBillingsMeterForThatGym()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Observed(database);
        await app.StartAsync();
        var stAlbans = await StAlbansAsync(app);
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, stAlbans.Id, Guid.NewGuid());

        var response = await SignedEvents.PostAsync(app.ClientFor("st-albans"), body, SignedEvents.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
        result.ShouldBe("processed");
        app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        var points = _metrics.Snapshot().Where(m => m.Name == "derrimut.billing.webhook.events").SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, DerrimutTelemetry.TenantAttribute) == stAlbans.Id.ToString()).ToList();
        points.ShouldHaveSingleItem();
        Tag(points[0], "outcome").ShouldBe("processed");
        points[0].GetSumLong().ShouldBe(1);
    }

    [Fact]
    public async Task GaugeTheDemoGymsMembershipsByState()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Observed(database);
        await app.StartAsync(demoData: true);
        var stAlbans = (await app.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync("st-albans", TestContext.Current.CancellationToken))!.Id;
        var active = await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(stAlbans, (sp, ct) =>
            sp.GetRequiredService<Derrimut.Memberships.Contracts.IMembershipReadModel>().Memberships
                .LongCountAsync(m => m.Status == Derrimut.Memberships.Contracts.MembershipStatus.Active, ct));

        app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();

        active.ShouldBeGreaterThan(0);
        var points = _metrics.Snapshot().Where(m => m.Name == "derrimut.memberships").SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, DerrimutTelemetry.TenantAttribute) == stAlbans.ToString() && Tag(p, "state") == "active").ToList();
        points.ShouldHaveSingleItem().GetGaugeLastValueLong().ShouldBe(active);
    }

    [Fact]
    public async Task RegisterNoExporterAndNoListenerWithoutAnEndpoint()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database);

        app.Services.GetRequiredService<TelemetryExport>().ShouldBe(new TelemetryExport(false, null));
        app.Services.GetService<TracerProvider>().ShouldBeNull();
        app.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task ExportOverOtlpOnlyWhereAnEndpointIsConfigured()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var collecting = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" });
        await using var exporting = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });

        collecting.Services.GetRequiredService<TelemetryExport>().ShouldBe(new TelemetryExport(true, null));
        collecting.Services.GetService<TracerProvider>().ShouldNotBeNull();
        exporting.Services.GetRequiredService<TelemetryExport>().ShouldBe(new TelemetryExport(true, new Uri("http://127.0.0.1:4317")));
        exporting.Services.GetService<TracerProvider>().ShouldNotBeNull();
    }

    private static async Task<TestTenant> StAlbansAsync(DerrimutWebFactory app)
    {
        var platform = app.PlatformClient();
        var franchise = await TenantBuilder.CreateFranchiseAsync(platform, "derrimut-gyms");
        return await TenantBuilder.CreateLocationAsync(platform, "st-albans", franchise.Id);
    }

    private List<Activity> Snapshot() => _spans.Snapshot();

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>The server span ends just after the response is written; wait for it briefly.</summary>
    private static async Task<Activity> EventuallyAsync(Func<Activity?> find)
    {
        for (var i = 0; i < 50; i++)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException("No server span for the request was exported.");
    }
}

/// <summary>The exporters add from their own threads while the test reads.</summary>
internal sealed class LockedList<T> : System.Collections.ObjectModel.Collection<T>
{
    private readonly Lock _lock = new();

    public List<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
