using System.Text.Json;
using System.Text.RegularExpressions;
using Derrimut.Billing.Contracts;
using Derrimut.Billing.Data;

namespace Derrimut.Web.Tests.Billing;

/// <summary>
/// The simulated gateway end to end inside the app: the server-rendered checkout page, Pay and Decline delivering
/// Stripe-shaped events signed with the gym's secret through the webhook inbox to the handlers, the redirect back, and
/// the Development billing day (renewals, declines). The full join flow through Memberships and Chromium is the
/// integrator's, once both branches are merged.
/// </summary>
public abstract partial class SimulatedCheckoutShould(BillingFixture fixture)
{
    private static readonly CheckoutPlan Fortnightly = new("no-lock-in", "No lock-in", 2490, BillingInterval.Fortnightly, JoiningFeeCents: 4900);

    [Fact]
    public async Task ShowThePlanAndTheAmountWithGstOnAPageThatWorksWithoutJavaScript()
    {
        var gym = await NewGymAsync();
        var started = await StartCheckoutAsync(gym, Guid.NewGuid());

        var page = await fixture.App.ClientFor(gym.Identifier).GetAsync(started.Url);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("No lock-in");
        html.ShouldContain(Aud.Format(7390));
        html.ShouldContain("Includes GST");
        html.ShouldContain(Aud.Format(Gst.ComponentOf(7390)));
        html.ShouldContain("<form method=\"post\"");
        html.ShouldContain("value=\"pay\"");
        html.ShouldContain("value=\"decline\"");
    }

    [Fact]
    public async Task PayDeliverSignedEventsThroughTheWebhookInboxAndReturnToTheSuccessUrl()
    {
        var gym = await NewGymAsync();
        var member = Guid.NewGuid();
        var started = await StartCheckoutAsync(gym, member);

        var client = fixture.App.ClientFor(gym.Identifier);
        var form = await FormAsync(client, started.Url, "pay");

        var response = await client.PostAsync(started.Url, new FormUrlEncodedContent(form));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"http://{gym.Identifier}.{DerrimutWebFactory.RootDomain}/welcome?session_id={started.CheckoutId}");
        var inbox = await InboxAsync(gym);
        inbox.Select(e => (e.Type, e.State)).ShouldBe(
        [
            ("checkout.session.completed", WebhookEventState.Processed),
            ("customer.subscription.created", WebhookEventState.Processed),
            ("invoice.paid", WebhookEventState.Processed),
        ], ignoreOrder: true);
        var completed = fixture.Effects.Seen.OfType<CheckoutCompleted>().Single(e => e.UserId == member);
        completed.TenantId.ShouldBe(gym.Id);
        completed.PlanCode.ShouldBe("no-lock-in");
        completed.AmountTotalCents.ShouldBe(7390);
        completed.PaymentStatus.ShouldBe(CheckoutPaymentStatus.Paid);
        fixture.Effects.Seen.OfType<PaymentSucceeded>().Single(e => e.UserId == member).GstCents.ShouldBe(Gst.ComponentOf(7390));

        // A second press of Pay (the same form posted again) is refused, and nothing more is delivered.
        (await client.PostAsync(started.Url, new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await InboxAsync(gym)).Count.ShouldBe(3);
        (await client.GetStringAsync(started.Url)).ShouldContain("has been paid");
    }

    [Fact]
    public async Task DeclineReportAFailedPaymentAndReturnToTheCancelUrl()
    {
        var gym = await NewGymAsync();
        var member = Guid.NewGuid();
        var started = await StartCheckoutAsync(gym, member);

        var response = await SubmitAsync(gym, started.Url, "decline");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"http://{gym.Identifier}.{DerrimutWebFactory.RootDomain}/plans");
        (await InboxAsync(gym)).ShouldHaveSingleItem().Type.ShouldBe("checkout.session.expired");
        fixture.Effects.Seen.OfType<PaymentFailed>().Single(e => e.UserId == member).Stage.ShouldBe(PaymentFailureStage.CheckoutExpired);
    }

    [Fact]
    public async Task RunBillingDayRenewingOrDecliningEveryLiveSubscription()
    {
        var gym = await NewGymAsync();
        var member = Guid.NewGuid();
        var started = await StartCheckoutAsync(gym, member);
        (await SubmitAsync(gym, started.Url, "pay")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var admin = fixture.App.ClientFor(gym.Identifier, platformKey: true);

        var declined = await admin.PostAsJsonAsync("/api/billing/simulated/billing-day", new { paymentsSucceed = false });

        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync());
        var types = (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldBe(["invoice.payment_failed", "customer.subscription.updated"]);
        fixture.Effects.Seen.OfType<SubscriptionChanged>().Last(e => e.UserId == member).Subscription.Status.ShouldBe(SubscriptionStatus.PastDue);

        var paid = await admin.PostAsJsonAsync("/api/billing/simulated/billing-day", new { paymentsSucceed = true });

        paid.StatusCode.ShouldBe(HttpStatusCode.OK);
        fixture.Effects.Seen.OfType<SubscriptionChanged>().Last(e => e.UserId == member).Subscription.Status.ShouldBe(SubscriptionStatus.Active);
        (await InboxAsync(gym)).ShouldAllBe(e => e.State == WebhookEventState.Processed);
        (await InboxAsync(gym)).Count.ShouldBe(7);

        // The simulated subscription lives in the Billing schema, not in process memory: it survives a restart.
        var stored = await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<SimulatedBillingRecord>().AsNoTracking().CountAsync(r => r.Kind == "subscription", ct));
        stored.ShouldBe(1);
    }

    [Fact]
    public async Task NotShowOneGymsCheckoutOnAnotherGymsSite()
    {
        var gym = await NewGymAsync();
        var started = await StartCheckoutAsync(gym, Guid.NewGuid());

        (await fixture.App.ClientFor(fixture.B1.Identifier).GetAsync(started.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KeepBillingDayFromPeopleWithoutTheBillingPermission() =>
        (await fixture.App.ClientFor(fixture.A1.Identifier).PostAsJsonAsync("/api/billing/simulated/billing-day", new { paymentsSucceed = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    private async Task<TestTenant> NewGymAsync() =>
        await TenantBuilder.CreateLocationAsync(fixture.App.PlatformClient(), "sc-" + Guid.NewGuid().ToString("N")[..8], fixture.FranchiseA.Id);

    private Task<StartedCheckout> StartCheckoutAsync(TestTenant gym, Guid member)
    {
        var site = $"http://{gym.Identifier}.{DerrimutWebFactory.RootDomain}";
        return fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<IPaymentGateway>().CreateSubscriptionCheckoutAsync(
                new SubscriptionCheckoutRequest(gym.Id, member, Fortnightly, CheckoutPurposes.Membership, $"checkout:{member:N}",
                    site + "/welcome?session_id={CHECKOUT_SESSION_ID}", site + "/plans"), ct));
    }

    private async Task<HttpResponseMessage> SubmitAsync(TestTenant gym, string url, string choice)
    {
        var client = fixture.App.ClientFor(gym.Identifier);
        return await client.PostAsync(url, new FormUrlEncodedContent(await FormAsync(client, url, choice)));
    }

    /// <summary>The checkout form's fields as the browser would post them (the antiforgery token and the button pressed).</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string choice)
    {
        var html = await client.GetStringAsync(url);
        var token = AntiforgeryField().Match(html);
        token.Success.ShouldBeTrue(html);
        return new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["choice"] = choice,
        };
    }

    private Task<List<WebhookInboxEvent>> InboxAsync(TestTenant gym) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<WebhookInboxEvent>().AsNoTracking().ToListAsync(ct));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteSimulatedCheckoutShould(SqliteBillingFixture fixture) : SimulatedCheckoutShould(fixture), IClassFixture<SqliteBillingFixture>;

public sealed class PostgresSimulatedCheckoutShould(PostgresBillingFixture fixture) : SimulatedCheckoutShould(fixture), IClassFixture<PostgresBillingFixture>;
