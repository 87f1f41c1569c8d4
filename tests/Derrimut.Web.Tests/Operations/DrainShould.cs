using System.Text.Json;
using Derrimut.Web.Tests.Billing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// Readiness and graceful shutdown (decision 0064): readiness turns 503 the moment the node is told to stop, and a
/// Stripe webhook already in flight when the stop begins is finished, answered 200 and stored before the node goes.
/// The second test runs the app on real Kestrel (a loopback port): only a real server drains its connections.
/// </summary>
public sealed class DrainShould
{
    [Fact]
    public async Task ReportNotReadyAsSoonAsTheNodeStartsStoppingWhileStayingLive()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Hosting:DrainDelay"] = "00:00:05" });
        await app.StartAsync();
        var client = app.ClientFor(null);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // What SIGTERM does: the host starts stopping, and the drain delay keeps it answering for a while.
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("checks").GetProperty("draining").GetProperty("status").GetString().ShouldBe("Unhealthy");
        report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FinishAndStoreAWebhookThatWasInFlightWhenTheStopBegan()
    {
        var gate = new WebhookGate();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database,
            settings: new Dictionary<string, string> { ["Hosting:DrainDelay"] = "00:00:01", ["Hosting:ShutdownTimeout"] = "00:00:30" },
            services: s => s.AddSingleton<IStartupFilter>(gate));
        app.UseKestrel(0);
        app.StartServer();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var franchise = await TenantBuilder.CreateFranchiseAsync(Platform(http), "derrimut-gyms");
        var stAlbans = await TenantBuilder.CreateLocationAsync(Platform(http), "st-albans", franchise.Id);
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, stAlbans.Id, Guid.NewGuid());

        var webhook = SendAsync(http, "st-albans", SignedEvents.PostAsync, body);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        // What SIGTERM does; the program's own RunAsync then stops (and disposes) the host.
        lifetime.StopApplication();

        // Inside the drain delay the listener is still open and says "take me out".
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        probe.Headers.Host = DerrimutWebFactory.RootDomain;
        (await http.SendAsync(probe, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Past the delay the server has stopped listening and waits for the webhook still held at the gate.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        stopped.Task.IsCompleted.ShouldBeFalse("the host must wait for the in-flight webhook");
        gate.Release.SetResult();

        var response = await webhook;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("result").GetString().ShouldBe("processed");
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        // The stopped node's services are gone with it: a fresh node on the same database reads the inbox.
        await using var next = new DerrimutWebFactory(database);
        var stored = await next.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(stAlbans.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<Derrimut.Billing.Data.WebhookInboxEvent>().AsNoTracking()
                .Where(e => e.StripeEventId == id).Select(e => e.State).ToListAsync(ct));
        stored.ShouldBe([Derrimut.Billing.Data.WebhookEventState.Processed]);
    }

    private static Redirected Platform(HttpClient http) => new Redirected(http, "admin." + DerrimutWebFactory.RootDomain, DerrimutWebFactory.PlatformKey);

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string label, Func<HttpClient, string, string?, Task<HttpResponseMessage>> post, string body) =>
        post(new Redirected(http, $"{label}.{DerrimutWebFactory.RootDomain}", null), body, SignedEvents.Sign(body));

    /// <summary>A client for the Kestrel address that names the gym's host in the Host header.</summary>
    private sealed class Redirected : HttpClient
    {
        public Redirected(HttpClient inner, string host, string? platformKey)
            : base(new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = inner.BaseAddress;
            Timeout = inner.Timeout;
            DefaultRequestHeaders.Host = host;
            if (platformKey is not null)
            {
                DefaultRequestHeaders.Add("X-Platform-Key", platformKey);
            }
        }
    }

    /// <summary>Holds Stripe deliveries at the door of the pipeline until the test lets them in.</summary>
    private sealed class WebhookGate : IStartupFilter
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate inner) =>
            {
                if (context.Request.Path.StartsWithSegments("/webhooks/stripe"))
                {
                    Entered.TrySetResult();
                    await Release.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }

                await inner(context);
            });
            next(app);
        };
    }
}
