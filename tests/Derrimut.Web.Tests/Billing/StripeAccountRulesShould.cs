using System.Text.Json;

namespace Derrimut.Web.Tests.Billing;

/// <summary>
/// A gym (or a franchise) cannot set a webhook signing secret without its own Stripe secret key: members billed on
/// the franchise's or the platform's account must stay verified by that account's secret (decision 0056).
/// </summary>
public abstract class StripeAccountRulesShould(BillingFixture fixture)
{
    private HttpClient Admin(TestTenant tenant) => fixture.App.ClientFor(tenant.Identifier, platformKey: true);

    private async Task<TestTenant> NewGymAsync() =>
        await TenantBuilder.CreateLocationAsync(fixture.App.PlatformClient(), "sr-" + Guid.NewGuid().ToString("N")[..8], fixture.FranchiseA.Id);

    [Fact]
    public async Task RefuseAGymsWebhookSecretWithoutItsOwnSecretKey()
    {
        var gym = await NewGymAsync();
        var resolver = fixture.App.Services.GetRequiredService<Derrimut.Billing.Gateways.IStripeKeyResolver>();
        var before = (await resolver.ResolveAsync(gym.Id, TestContext.Current.CancellationToken)).WebhookSecret;

        await ProblemAssert.NamesFieldAsync(await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { webhookSecret = "whsec_forged_events_1" }), "webhookSecret");

        // Nothing was written: the gym still verifies with the account its members are billed on.
        (await resolver.ResolveAsync(gym.Id, TestContext.Current.CancellationToken)).WebhookSecret.ShouldBe(before);
        var account = await Admin(gym).GetFromJsonAsync<JsonElement>("/api/billing/stripe-account", TestContext.Current.CancellationToken);
        account.GetProperty("source").GetString().ShouldNotBe("location");
        (!account.TryGetProperty("own", out var own) || own.ValueKind == JsonValueKind.Null).ShouldBeTrue();
    }

    [Fact]
    public async Task AcceptAWebhookSecretTogetherWithTheGymsOwnSecretKey()
    {
        var gym = await NewGymAsync();
        var response = await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_ownaccount_0001", webhookSecret = "whsec_ownaccount_0001" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        // A later change of the secret alone is fine: the key stays.
        (await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { webhookSecret = "whsec_ownaccount_0002" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.App.Services.GetRequiredService<Derrimut.Billing.Gateways.IStripeKeyResolver>().ResolveAsync(gym.Id, TestContext.Current.CancellationToken))
            .WebhookSecret.ShouldBe("whsec_ownaccount_0002");
    }

    [Fact]
    public async Task RefuseRemovingTheSecretKeyWhileKeepingTheWebhookSecret()
    {
        var gym = await NewGymAsync();
        (await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_ownaccount_0003", webhookSecret = "whsec_ownaccount_0003" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ProblemAssert.NamesFieldAsync(await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "" }), "secretKey");

        // Removing both is how a gym goes back to its franchise's account.
        (await Admin(gym).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "", webhookSecret = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin(gym).GetFromJsonAsync<JsonElement>("/api/billing/stripe-account", TestContext.Current.CancellationToken)).GetProperty("source").GetString().ShouldNotBe("location");
    }

    [Fact]
    public async Task RefuseAFranchisesWebhookSecretWithoutItsOwnSecretKey()
    {
        var franchise = await TenantBuilder.CreateFranchiseAsync(fixture.App.PlatformClient(), "sf-" + Guid.NewGuid().ToString("N")[..6]);
        var gym = await TenantBuilder.CreateLocationAsync(fixture.App.PlatformClient(), "sg-" + Guid.NewGuid().ToString("N")[..6], franchise.Id);

        await ProblemAssert.NamesFieldAsync(await Admin(franchise).PutAsJsonAsync("/api/billing/stripe-account", new { webhookSecret = "whsec_franchise_forged" }), "webhookSecret");

        // The franchise's gyms still verify with the platform's account, on which they are billed.
        (await fixture.App.Services.GetRequiredService<Derrimut.Billing.Gateways.IStripeKeyResolver>().ResolveAsync(gym.Id, TestContext.Current.CancellationToken))
            .WebhookSecret.ShouldBe(SignedEvents.DevelopmentSecret);
        (await Admin(franchise).PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_franchise_own1", webhookSecret = "whsec_franchise_own1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SqliteStripeAccountRulesShould(SqliteBillingFixture fixture) : StripeAccountRulesShould(fixture), IClassFixture<SqliteBillingFixture>;

public sealed class PostgresStripeAccountRulesShould(PostgresBillingFixture fixture) : StripeAccountRulesShould(fixture), IClassFixture<PostgresBillingFixture>;
