using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Billing;

/// <summary>
/// The payments page's API: the webhook URL from configuration, the events to enable, a connection test that
/// reports rather than fails, and the webhook inbox filtered by state, type and date with retry of everything failed.
/// </summary>
public abstract class PaymentSettingsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task BuildTheWebhookUrlFromTheRootDomainAndTheGymNotFromTheRequest()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        using var request = new HttpRequestMessage(HttpMethod.Get, SignedInClients.At("st-albans", "/api/billing/stripe-account"));

        var account = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        account.GetProperty("webhookUrl").GetString().ShouldBe($"http://st-albans.{D}/webhooks/stripe");
        account.GetProperty("eventsToEnable").EnumerateArray().Select(e => e.GetString()).ShouldContain("invoice.paid");
        account.GetProperty("source").GetString().ShouldBe("platform");
        var franchise = await fixture.App.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        var atFranchise = await franchise.GetFromJsonAsync<JsonElement>(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"));
        atFranchise.GetProperty("webhookUrl").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ReportAMissingKeyFromTheConnectionTestInsteadOfFailing()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var response = await admin.PostAsync("/api/billing/stripe-account/test", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        result.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.PostAsync("/api/billing/stripe-account/test", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FilterTheInboxByTypeAndDateAndRetryEverythingFailed()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");

        var invoices = await admin.GetFromJsonAsync<JsonElement>("/api/billing/webhook-events?type=invoice.&pageSize=200");
        invoices.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0, "the demo memberships were paid through simulated invoices");
        invoices.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("type").GetString()!.StartsWith("invoice.", StringComparison.Ordinal));
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        (await admin.GetFromJsonAsync<JsonElement>($"/api/billing/webhook-events?from={future}")).GetProperty("total").GetInt32().ShouldBe(0);
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-400).ToString("O"));
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"/api/billing/webhook-events?from={future}&to={past}"), "to");

        var retried = await admin.PostAsync("/api/billing/webhook-events/retry-all", null);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stillFailing").GetInt32().ShouldBe(0);
    }
}

public sealed class PaymentSettingsOnSqliteShould(SqliteDemoAppFixture fixture) : PaymentSettingsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PaymentSettingsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PaymentSettingsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
