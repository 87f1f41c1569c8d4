using System.Text.Json;
using Derrimut.Billing.Accounts;
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

    [Fact]
    public async Task AuditAKeyChangeInOneRowNamingThePersonAndNeverTheSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me", ct);
        var werribee = await TenantIdAsync("werribee");
        var marker = Guid.NewGuid().ToString("N")[..12];
        var secretKey = $"sk_test_{marker}SECRET{marker[..4]}Q7Z9";
        var webhookSecret = $"whsec_{marker}HOOK{marker[..6]}";
        var publishableKey = $"pk_test_{marker}";
        var before = await LocationEntriesAsync(werribee);

        var saved = await admin.PutAsJsonAsync("/api/billing/stripe-account", new { secretKey, publishableKey, webhookSecret }, ct);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(ct));
        var after = await LocationEntriesAsync(werribee);
        after.Count.ShouldBe(before.Count + 1);
        var entry = after.ExceptBy(before.Select(e => e.Id), e => e.Id).ShouldHaveSingleItem();
        entry.ActorId.ShouldBe(me.GetProperty("id").GetGuid());
        entry.ActorName.ShouldBe($"{me.GetProperty("displayName").GetString()} (admin@werribee.{D})");
        entry.FranchiseId.ShouldNotBe(Guid.Empty);
        entry.Detail.ShouldContain("secret key set, ends …Q7Z9", Case.Insensitive);
        entry.Detail.ShouldContain("webhook secret set");
        entry.Detail.ShouldContain($"publishable key (none) → {publishableKey}");
        entry.Detail.ShouldContain("members now pay into this gym's own account");
        var row = JsonSerializer.Serialize(entry);
        row.ShouldNotContain(secretKey[..^4]);
        row.ShouldNotContain(webhookSecret);
        row.ShouldNotContain(webhookSecret[^8..]);

        // The page's list and its API show the same entry, newest first; a replaced secret key names its new last four.
        var changes = await admin.GetFromJsonAsync<JsonElement>("/api/billing/stripe-account/changes", ct);
        changes[0].GetProperty("detail").GetString().ShouldBe(entry.Detail);
        changes[0].GetProperty("actorName").GetString().ShouldBe(entry.ActorName);
        (await admin.PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = $"sk_test_{marker}OTHERAB12" }, ct)).EnsureSuccessStatusCode();
        var replaced = await admin.GetFromJsonAsync<JsonElement>("/api/billing/stripe-account/changes", ct);
        replaced[0].GetProperty("detail").GetString().ShouldBe("Secret key replaced, ends …AB12.");
        replaced.ToString().ShouldNotContain(marker + "OTHER");

        // Back to the platform's account for the other tests; the removal is history too.
        (await admin.PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "", publishableKey = "", webhookSecret = "" }, ct)).EnsureSuccessStatusCode();
        var removed = (await LocationEntriesAsync(werribee)).OrderByDescending(e => e.At).First();
        removed.Action.ShouldBe("keys-removed");
        removed.Detail.ShouldContain("secret key removed", Case.Insensitive);
        removed.Detail.ShouldContain("webhook secret removed");
    }

    [Fact]
    public async Task WriteNoAuditRowForARefusedChange()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        var werribee = await TenantIdAsync("werribee");
        var before = (await LocationEntriesAsync(werribee)).Count;

        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "not-a-stripe-key" }, ct), "secretKey");
        // Refused after the row was changed in memory: a secret key without its webhook secret.
        await ProblemAssert.NamesFieldAsync(
            await admin.PutAsJsonAsync("/api/billing/stripe-account", new { secretKey = "sk_test_0123456789abcdefWXYZ", publishableKey = "pk_test_0123456789abc" }, ct),
            "webhookSecret");

        (await LocationEntriesAsync(werribee)).Count.ShouldBe(before);
        (await admin.GetFromJsonAsync<JsonElement>("/api/billing/stripe-account", ct)).GetProperty("source").GetString().ShouldBe("platform");
    }

    [Fact]
    public async Task AuditAFranchisesKeysInTheFranchisesOwnHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        var franchise = await fixture.App.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        var group = await TenantIdAsync("derrimut-group");
        var publishableKey = $"pk_test_{Guid.NewGuid():N}";
        var before = await FranchiseEntriesAsync(group);

        var saved = await franchise.PutAsJsonAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"), new { publishableKey }, ct);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(ct));
        var entry = (await FranchiseEntriesAsync(group)).ExceptBy(before.Select(e => e.Id), e => e.Id).ShouldHaveSingleItem();
        entry.ActorName.ShouldEndWith($" (franchise-admin@{D})");
        entry.Detail.ShouldBe($"Publishable key (none) → {publishableKey}.");
        var atFranchise = await franchise.GetFromJsonAsync<JsonElement>(SignedInClients.At("derrimut-group", "/api/billing/stripe-account/changes"), ct);
        atFranchise[0].GetProperty("detail").GetString().ShouldBe(entry.Detail);
        // A location's history is its own: the franchise's change is not in it.
        var locationAdmin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var atLocation = await locationAdmin.GetFromJsonAsync<JsonElement>("/api/billing/stripe-account/changes", ct);
        atLocation.ToString().ShouldNotContain(publishableKey);
        (await franchise.PutAsJsonAsync(SignedInClients.At("derrimut-group", "/api/billing/stripe-account"), new { publishableKey = "" }, ct)).EnsureSuccessStatusCode();
    }

    private Task<List<LocationStripeAccountAuditEntry>> LocationEntriesAsync(Guid locationId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsPlatformAsync((sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<LocationStripeAccountAuditEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.TenantId == locationId).ToListAsync(ct));

    private Task<List<FranchiseStripeAccountAuditEntry>> FranchiseEntriesAsync(Guid franchiseId) =>
        fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsPlatformAsync((sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<FranchiseStripeAccountAuditEntry>().IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.FranchiseId == franchiseId).ToListAsync(ct));

    private async Task<Guid> TenantIdAsync(string identifier) =>
        (await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(identifier, TestContext.Current.CancellationToken)).ShouldNotBeNull().Id;
}

public sealed class PaymentSettingsOnSqliteShould(SqliteDemoAppFixture fixture) : PaymentSettingsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PaymentSettingsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PaymentSettingsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
