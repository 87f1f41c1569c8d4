using System.Text.Json;

namespace Derrimut.Web.Tests.Billing;

/// <summary>
/// <c>POST /webhooks/stripe</c>: signature, age and shape checks with nothing recorded on refusal; the inbox keyed by
/// event id making duplicates (sequential and concurrent) no-ops; failures answered 5xx with the error recorded, then
/// parked after N attempts and retried by an admin.
/// </summary>
public abstract class StripeWebhookShould(BillingFixture fixture)
{
    private readonly Guid _member = Guid.NewGuid();

    private HttpClient Gym(TestTenant tenant) => fixture.App.ClientFor(tenant.Identifier);

    private HttpClient Admin(TestTenant tenant) => fixture.App.ClientFor(tenant.Identifier, platformKey: true);

    [Fact]
    public async Task ProcessASignedEventAndRecordItInTheInbox()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);

        var response = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString().ShouldBe("processed");
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1);
        var record = (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
        record.State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Processed);
        record.Type.ShouldBe("customer.subscription.updated");
        record.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ApplyTheSameEventOnceWhenDeliveredFiveTimesInARow()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        var results = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            results.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString()!);
        }

        results.ShouldBe(["processed", "duplicate", "duplicate", "duplicate", "duplicate"]);
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1);
        fixture.Effects.Invocations[id].ShouldBe(1);
        (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ApplyTheSameEventOnceWhenDeliveredTenTimesConcurrently()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        var signature = SignedEvents.Sign(body);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SignedEvents.PostAsync(Gym(fixture.A1), body, signature)));

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1);
        fixture.Effects.Invocations[id].ShouldBe(1);
        (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem().State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Processed);
    }

    public static TheoryData<string> Refusals() => ["tampered", "stale", "future", "missing-header", "garbage-header", "wrong-secret", "other-gym-secret"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RefuseADeliveryThatIsNotGenuineAndFreshRecordingNothing(string refusal)
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.B1.Id, _member);
        var now = DateTimeOffset.UtcNow;
        if (refusal == "other-gym-secret")
        {
            // B1 has a secret of its own; a delivery signed for another gym (here: the platform default) is refused.
            await SetWebhookSecretAsync(fixture.B1, "whsec_b1_" + Guid.NewGuid().ToString("N"));
        }

        var (sentBody, signature) = refusal switch
        {
            "tampered" => (body.Replace("\"active\"", "\"canceled\"", StringComparison.Ordinal), SignedEvents.Sign(body)),
            "stale" => (body, SignedEvents.Sign(body, at: now.AddSeconds(-301))),
            "future" => (body, SignedEvents.Sign(body, at: now.AddSeconds(301))),
            "missing-header" => (body, null),
            "garbage-header" => (body, "v1=abc,nonsense"),
            "wrong-secret" => (body, SignedEvents.Sign(body, "whsec_not_this_gyms")),
            _ => (body, SignedEvents.Sign(body)),
        };

        var response = await SignedEvents.PostAsync(Gym(fixture.B1), sentBody, signature);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-webhook");
        (await fixture.InboxOfAsync(fixture.B1, id)).ShouldBeEmpty();
        (await fixture.EffectsOfAsync(fixture.B1, id)).ShouldBe(0);
    }

    [Fact]
    public async Task AcceptOnlyTheGymsOwnSecretOnceItHasOne()
    {
        var secret = "whsec_a2own_" + Guid.NewGuid().ToString("N");
        var gym = await NewGymAsync();
        await SetWebhookSecretAsync(gym, secret);
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, gym.Id, _member);

        await ProblemAssert.IsAsync(await SignedEvents.PostAsync(Gym(gym), body, SignedEvents.Sign(body)), HttpStatusCode.BadRequest, "invalid-webhook");
        var accepted = await SignedEvents.PostAsync(Gym(gym), body, SignedEvents.Sign(body, secret));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await fixture.EffectsOfAsync(gym, id)).ShouldBe(1);
    }

    [Fact]
    public async Task VerifyTheNextDeliveryWithTheSecretJustSetThoughTheOldOneWasKept()
    {
        // Decision 0069 keeps a gym's keys for a few seconds; a change saved here must still apply at once.
        var gym = await NewGymAsync();
        var first = SignedEvents.NewEventId();
        var firstBody = SignedEvents.SubscriptionUpdated(first, gym.Id, _member);
        (await SignedEvents.PostAsync(Gym(gym), firstBody, SignedEvents.Sign(firstBody))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var own = "whsec_rotated1_" + Guid.NewGuid().ToString("N");
        await SetWebhookSecretAsync(gym, own);
        var second = SignedEvents.NewEventId();
        var secondBody = SignedEvents.SubscriptionUpdated(second, gym.Id, _member);
        await ProblemAssert.IsAsync(await SignedEvents.PostAsync(Gym(gym), secondBody, SignedEvents.Sign(secondBody)), HttpStatusCode.BadRequest, "invalid-webhook");
        (await SignedEvents.PostAsync(Gym(gym), secondBody, SignedEvents.Sign(secondBody, own))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rolled = "whsec_rotated2_" + Guid.NewGuid().ToString("N");
        await SetWebhookSecretAsync(gym, rolled);
        var third = SignedEvents.NewEventId();
        var thirdBody = SignedEvents.SubscriptionUpdated(third, gym.Id, _member);
        await ProblemAssert.IsAsync(await SignedEvents.PostAsync(Gym(gym), thirdBody, SignedEvents.Sign(thirdBody, own)), HttpStatusCode.BadRequest, "invalid-webhook");
        (await SignedEvents.PostAsync(Gym(gym), thirdBody, SignedEvents.Sign(thirdBody, rolled))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.InboxOfAsync(gym, third)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RefuseMalformedJsonEvenWhenSigned()
    {
        const string body = "{\"id\": \"evt_broken\", \"object\": \"event\", ";

        var response = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "malformed-request");
        (await fixture.InboxOfAsync(fixture.A1, "evt_broken")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AcknowledgeAnUnknownEventTypeAndRecordItAsIgnored()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member, type: "customer.subscription.trial_will_end");

        var response = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString().ShouldBe("ignored");
        var record = (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
        record.State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Ignored);
        record.IgnoredReason.ShouldNotBeNullOrEmpty();
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(0);
    }

    [Fact]
    public async Task AnswerA5xxWhenAHandlerFailsShowTheErrorAndSucceedOnTheNextDelivery()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        fixture.Effects.FailFor[id] = true;

        var failed = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        await ProblemAssert.IsAsync(failed, HttpStatusCode.InternalServerError, "server-error");
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(0); // the handler's write was rolled back
        var listed = await Admin(fixture.A1).GetFromJsonAsync<JsonElement>("/api/billing/webhook-events?state=failed&pageSize=200");
        var item = listed.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("stripeEventId").GetString() == id);
        item.GetProperty("state").GetString().ShouldBe("failed");
        item.GetProperty("attempts").GetInt32().ShouldBe(1);
        item.GetProperty("lastError").GetString()!.ShouldContain("Test handler told to fail");

        fixture.Effects.FailFor.TryRemove(id, out _);
        var retried = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1);
        var record = (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
        record.State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Processed);
        record.Attempts.ShouldBe(2);
        record.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task RerunAnEventAtOnceWhenAConcurrentChangeWonTheRecordsItTouches()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        fixture.Effects.ConflictsFor[id] = 2;

        var response = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        fixture.Effects.Invocations[id].ShouldBe(3);
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1, "the two lost runs were rolled back");
        var record = (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
        record.State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Processed);
        record.Attempts.ShouldBe(1, "a conflict re-run is not a failed delivery");
    }

    [Fact]
    public async Task FailLikeAnyOtherErrorWhenConflictsKeepRecurring()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        fixture.Effects.ConflictsFor[id] = 100;

        var failed = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));

        await ProblemAssert.IsAsync(failed, HttpStatusCode.InternalServerError, "server-error");
        fixture.Effects.Invocations[id].ShouldBe(4, "the first run and three re-runs");
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(0);
        var record = (await fixture.InboxOfAsync(fixture.A1, id)).ShouldHaveSingleItem();
        record.State.ShouldBe(Derrimut.Billing.Data.WebhookEventState.Failed);
        record.LastError.ShouldNotBeNull().ShouldContain("concurrency");
        fixture.Effects.ConflictsFor.TryRemove(id, out _);
    }

    [Fact]
    public async Task ParkAnEventAfterTheConfiguredAttemptsAndLetAnAdminRetryIt()
    {
        var id = SignedEvents.NewEventId();
        var body = SignedEvents.SubscriptionUpdated(id, fixture.A1.Id, _member);
        fixture.Effects.FailFor[id] = true;
        for (var i = 0; i < BillingFixture.MaxAttempts; i++)
        {
            (await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body))).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }

        // Parked: later deliveries are acknowledged so Stripe stops, and nothing runs.
        var later = await SignedEvents.PostAsync(Gym(fixture.A1), body, SignedEvents.Sign(body));
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString().ShouldBe("parked");
        fixture.Effects.Invocations[id].ShouldBe(BillingFixture.MaxAttempts);
        var parked = await Admin(fixture.A1).GetFromJsonAsync<JsonElement>("/api/billing/webhook-events?state=parked&pageSize=200");
        var item = parked.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("stripeEventId").GetString() == id);
        item.GetProperty("state").GetString().ShouldBe("parked");
        item.GetProperty("lastError").GetString()!.ShouldContain("Test handler told to fail");
        var inboxId = item.GetProperty("id").GetGuid();

        // Another gym's admin can neither see nor retry it.
        var elsewhere = await Admin(fixture.B1).GetFromJsonAsync<JsonElement>("/api/billing/webhook-events?pageSize=200");
        elsewhere.GetProperty("items").EnumerateArray().ShouldNotContain(e => e.GetProperty("stripeEventId").GetString() == id);
        await ProblemAssert.IsAsync(await Admin(fixture.B1).PostAsync($"/api/billing/webhook-events/{inboxId}/retry", null), HttpStatusCode.NotFound, "not-found");

        fixture.Effects.FailFor.TryRemove(id, out _);
        var retried = await Admin(fixture.A1).PostAsync($"/api/billing/webhook-events/{inboxId}/retry", null);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("processed");
        (await fixture.EffectsOfAsync(fixture.A1, id)).ShouldBe(1);
        await ProblemAssert.IsAsync(await Admin(fixture.A1).PostAsync($"/api/billing/webhook-events/{inboxId}/retry", null), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task NameTheFieldOfABadInboxFilter() =>
        await ProblemAssert.NamesFieldAsync(await Admin(fixture.A1).GetAsync("/api/billing/webhook-events?state=lost"), "state");

    [Fact]
    public async Task KeepTheInboxFromMembersAndAnonymousCallers()
    {
        (await Gym(fixture.A1).GetAsync("/api/billing/webhook-events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.App.PlatformClient().GetAsync("/api/billing/webhook-events")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StoreStripeKeysEncryptedAndNeverReturnThem()
    {
        var gym = await NewGymAsync();
        var response = await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account",
            new { secretKey = "sk_test_51Abcdefghijklmnop1234", publishableKey = "pk_test_51Abcdefghijklmnop", webhookSecret = "whsec_gymsecret9876" });

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotContain("sk_test_51Abcdefghijklmnop1234");
        text.ShouldNotContain("whsec_gymsecret9876");
        var account = JsonDocument.Parse(text).RootElement;
        account.GetProperty("source").GetString().ShouldBe("location");
        account.GetProperty("own").GetProperty("secretKeyEndsWith").GetString().ShouldBe("1234");
        account.GetProperty("own").GetProperty("webhookSecretEndsWith").GetString().ShouldBe("9876");
        var stored = await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<Derrimut.Billing.Data.LocationStripeAccount>().AsNoTracking().SingleAsync(ct));
        stored.ProtectedSecretKey.ShouldNotBeNull().ShouldNotContain("sk_test_");
        stored.ProtectedWebhookSecret.ShouldNotBeNull().ShouldNotContain("whsec_");
        var keys = await fixture.App.Services.GetRequiredService<Derrimut.Billing.Gateways.IStripeKeyResolver>().ResolveAsync(gym.Id, TestContext.Current.CancellationToken);
        keys.SecretKey.ShouldBe("sk_test_51Abcdefghijklmnop1234");
        keys.WebhookSecret.ShouldBe("whsec_gymsecret9876");

        await ProblemAssert.NamesFieldAsync(await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "pk_live_wrongkind123" }), "secretKey");
    }

    [Fact]
    public async Task FallBackFromTheLocationToItsFranchiseThenThePlatform()
    {
        var franchise = await TenantBuilder.CreateFranchiseAsync(fixture.App.PlatformClient(), "bf-" + Guid.NewGuid().ToString("N")[..6]);
        var gym = await TenantBuilder.CreateLocationAsync(fixture.App.PlatformClient(), "bl-" + Guid.NewGuid().ToString("N")[..6], franchise.Id);
        var resolver = fixture.App.Services.GetRequiredService<Derrimut.Billing.Gateways.IStripeKeyResolver>();
        var ct = TestContext.Current.CancellationToken;

        (await resolver.ResolveAsync(gym.Id, ct)).WebhookSecret.ShouldBe(SignedEvents.DevelopmentSecret);
        (await Admin(franchise).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_franchise_0001", webhookSecret = "whsec_franchise_0001" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resolver.ResolveAsync(gym.Id, ct)).WebhookSecret.ShouldBe("whsec_franchise_0001");
        (await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_location_0002", webhookSecret = "whsec_location_0002" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resolver.ResolveAsync(gym.Id, ct)).WebhookSecret.ShouldBe("whsec_location_0002");
        (await Admin(gym).GetFromJsonAsync<JsonElement>("/api/billing/stripe-account", ct)).GetProperty("source").GetString().ShouldBe("location");
    }

    private async Task<TestTenant> NewGymAsync() =>
        await TenantBuilder.CreateLocationAsync(fixture.App.PlatformClient(), "wh-" + Guid.NewGuid().ToString("N")[..8], fixture.FranchiseA.Id);

    private async Task SetWebhookSecretAsync(TestTenant gym, string secret)
    {
        var response = await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_" + Guid.NewGuid().ToString("N"), webhookSecret = secret });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteStripeWebhookShould(SqliteBillingFixture fixture) : StripeWebhookShould(fixture), IClassFixture<SqliteBillingFixture>;

public sealed class PostgresStripeWebhookShould(PostgresBillingFixture fixture) : StripeWebhookShould(fixture), IClassFixture<PostgresBillingFixture>;
