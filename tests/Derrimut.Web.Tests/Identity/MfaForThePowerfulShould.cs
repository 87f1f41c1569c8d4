using System.Text.Json;
using Derrimut.Identity.Contracts;
using Derrimut.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// MFA for the powerful and step-up (decision 0059), with <c>Identity:RequireTwoFactorForPowerfulRoles</c> on as in
/// every deployment but the Development demo: admins and superadmins use people-management, payroll and billing powers
/// only with two-factor sign-in on (guided to set it up); Stripe keys, bank details, turning 2FA off and new recovery
/// codes need the password or a code re-entered within five minutes. Members are unaffected. Each test uses its own
/// person, so the order the tests run in does not matter.
/// </summary>
public abstract class MfaForThePowerfulShould(MfaFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefuseAnAdminWithoutTwoFactorPayrollBillingAndPeopleUntilTheyTurnItOn()
    {
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        string[] powerful = ["/api/payroll/employees", "/api/billing/stripe-account", "/api/identity/users"];
        foreach (var path in powerful)
        {
            var refused = await ProblemAssert.IsAsync(await admin.GetAsync(path, Ct), HttpStatusCode.Forbidden, "two-factor-required");
            refused.GetProperty("setUpAt").GetString().ShouldBe("/account/manage/2fa", path);
            refused.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Two-factor sign-in is required");
        }

        // A page the role needs 2FA for leads to the guided setup, and back.
        var page = await admin.GetAsync("/admin/people", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldBe("/account/manage/2fa?required=1&returnUrl=%2Fadmin%2Fpeople");
        (await admin.GetAsync("/api/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "what needs no power still works");
        // The person's app token (code + PKCE) is judged by the same rule.
        var appToken = (await App.AuthorizationCodeAsync($"admin@st-albans.{D}", "st-albans")).GetProperty("access_token").GetString()!;
        await ProblemAssert.IsAsync(await App.BearerClient("st-albans", appToken).GetAsync("/api/payroll/employees", Ct), HttpStatusCode.Forbidden, "two-factor-required");

        var browser = new Browser(admin);
        var setup = await browser.GetAsync("/account/manage/2fa?required=1&returnUrl=%2Fadmin%2Fpeople");
        setup.Text.ShouldContain("two-factor sign-in must be on before you can use it");
        var key = setup.Attribute("data-authenticator-key").ShouldNotBeNull();
        var enabled = await setup.SubmitAsync(browser, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        enabled.Text.ShouldContain("Save these codes now");
        enabled.Html.ShouldContain("href=\"/admin/people\"", customMessage: "the way back to where they were going");

        foreach (var path in powerful)
        {
            var allowed = await admin.GetAsync(path, Ct);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await allowed.Content.ReadAsStringAsync(Ct)}");
        }

        var newToken = (await App.AuthorizationCodeAsync($"admin@st-albans.{D}", "st-albans")).GetProperty("access_token").GetString()!;
        (await App.BearerClient("st-albans", newToken).GetAsync("/api/payroll/employees", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An integration client is not a person: its client-credentials token uses its permissions without any 2FA.
        var created = await admin.PostAsJsonAsync("/api/identity/clients", new { name = "Payroll export", permissions = new[] { "manage:payroll", "manage:billing" } }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var client = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = await App.ClientFor("st-albans").ClientCredentialsAsync(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;
        var integration = App.BearerClient("st-albans", access);
        (await integration.GetAsync("/api/payroll/employees", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await integration.GetAsync("/api/billing/stripe-account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefuseASuperadminWithoutTwoFactorEverythingTheyMayDoAsOne()
    {
        var email = $"superadmin@{D}";
        var platform = await App.SignedInAsync(email, "admin");
        await ProblemAssert.IsAsync(await platform.GetAsync("/api/platform/users", Ct), HttpStatusCode.Forbidden, "two-factor-required");
        var atAGym = await App.SignedInAsync(email, "werribee");
        await ProblemAssert.IsAsync(await atAGym.GetAsync("/api/payroll/employees", Ct), HttpStatusCode.Forbidden, "two-factor-required");

        await TurnOnTwoFactorAsync(email);

        // Turning 2FA on renewed the stamp (the other sessions end, decision 0049): sign in again, with 2FA on now.
        platform = await App.SignedInAsync(email, "admin");
        (await platform.GetAsync("/api/platform/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        atAGym = await App.SignedInAsync(email, "werribee");
        (await atAGym.GetAsync("/api/payroll/employees", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LeaveMembersAlone()
    {
        var member = await App.SignedInAsync($"member@werribee.{D}", "werribee");
        (await member.GetAsync("/api/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync("/api/me/profile", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await member.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        me.GetRawText().ShouldNotContain("two-factor");
    }

    [Fact]
    public async Task GuideAnAdminToSetUpTwoFactorWhenTheySignInWithoutIt()
    {
        var browser = new Browser(App.ClientFor("werribee"));
        var signedIn = await browser.SubmitAsync("/account/login?ReturnUrl=%2Fadmin", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = $"admin@werribee.{D}",
            ["Input.Password"] = "Derrimut!2026",
            ["Input.RememberMe"] = "false",
        });
        signedIn.IsRedirect.ShouldBeTrue(signedIn.Text);
        signedIn.Location!.PathAndQuery.ShouldBe("/account/manage/2fa?required=1&returnUrl=%2Fadmin");
        var member = new Browser(App.ClientFor("werribee"));
        var memberSignedIn = await member.SubmitAsync("/account/login?ReturnUrl=%2Fmember", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = $"member2@werribee.{D}",
            ["Input.Password"] = "Derrimut!2026",
            ["Input.RememberMe"] = "false",
        });
        memberSignedIn.Location!.PathAndQuery.ShouldBe("/member", "a member is not asked");
    }

    [Fact]
    public async Task AskForThePasswordOrACodeBeforeTheStripeKeysChangeAndWriteNothingUntilThen()
    {
        var email = $"admin@sunshine-west.{D}";
        var key = await TurnOnTwoFactorAsync(email);
        var admin = await App.SignedInAsync(email, "sunshine-west");
        var keys = new { secretKey = "sk_test_51Stepup0000000000000", publishableKey = "pk_test_51Stepup0000000000000", webhookSecret = "whsec_stepup000000000000" };

        var refused = await ProblemAssert.IsAsync(await admin.PutAsJsonAsync("/api/billing/stripe-account", keys, Ct), HttpStatusCode.Forbidden, "step-up-required");
        refused.GetProperty("stepUpAt").GetString().ShouldBe("/account/step-up");
        refused.GetProperty("stepUpEndpoint").GetString().ShouldBe("/api/account/step-up");
        (await admin.GetFromJsonAsync<JsonElement>("/api/billing/stripe-account", Ct)).GetProperty("own").ValueKind.ShouldBe(JsonValueKind.Null, "nothing written");

        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/account/step-up", new { password = "not-the-password-1" }, Ct), "password");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/account/step-up", new { }, Ct), "password");
        (await admin.PostAsJsonAsync("/api/account/step-up", new { code = Totp.Code(key, DateTimeOffset.UtcNow) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var saved = await admin.PutAsJsonAsync("/api/billing/stripe-account", keys, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AskForThePasswordOrACodeBeforeBankDetailsChange()
    {
        var email = $"admin@coburg.{D}";
        await TurnOnTwoFactorAsync(email);
        var admin = await App.SignedInAsync(email, "coburg");
        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/employees", Ct);
        var someone = employees.EnumerateArray().First().GetProperty("userId").GetGuid();
        var before = await admin.GetStringAsync("/api/payroll/employees", Ct);

        await ProblemAssert.IsAsync(await admin.PutAsJsonAsync($"/api/payroll/employees/{someone}/settings", PaySettings("062-001", "55512345"), Ct),
            HttpStatusCode.Forbidden, "step-up-required");
        (await admin.GetStringAsync("/api/payroll/employees", Ct)).ShouldBe(before, "nothing written");
        await ProblemAssert.IsAsync(await admin.PutAsJsonAsync("/api/payroll/employer", Employer("063-000", "99887766"), Ct),
            HttpStatusCode.Forbidden, "step-up-required");

        (await admin.PostAsJsonAsync("/api/account/step-up", new { password = "Derrimut!2026" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var saved = await admin.PutAsJsonAsync($"/api/payroll/employees/{someone}/settings", PaySettings("062-001", "55512345"), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        (await admin.GetStringAsync("/api/payroll/employees", Ct)).ShouldContain("345");
    }

    [Fact]
    public async Task RefuseAStepUpOlderThanFiveMinutes()
    {
        var email = $"admin@derrimut.{D}";
        await TurnOnTwoFactorAsync(email);
        var admin = await App.SignedInAsync(email, "derrimut");
        var keys = new { publishableKey = "pk_test_51Stale00000000000000" };
        (await admin.PostAsJsonAsync("/api/account/step-up", new { password = "Derrimut!2026" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await ProblemAssert.IsAsync(await admin.PutAsJsonAsync("/api/billing/stripe-account", keys, Ct), HttpStatusCode.Forbidden, "step-up-required");
        (await admin.PostAsJsonAsync("/api/account/step-up", new { password = "Derrimut!2026" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        (await admin.PutAsJsonAsync("/api/billing/stripe-account", keys, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "four minutes is still recent");
    }

    [Fact]
    public async Task AskForThePasswordOrACodeBeforeTwoFactorIsTurnedOffOrTheRecoveryCodesReplaced()
    {
        var browser = new Browser(await App.SignedInAsync($"multi@{D}", "st-albans"));
        var setup = await browser.GetAsync("/account/manage/2fa");
        var key = setup.Attribute("data-authenticator-key").ShouldNotBeNull();
        var enabled = await setup.SubmitAsync(browser, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var first = RecoveryCodes(enabled);
        first.Count.ShouldBe(10);

        var notAsked = await browser.SubmitAsync("/account/manage/2fa", "recovery-codes", new Dictionary<string, string>());
        RecoveryCodes(notAsked).ShouldBeEmpty("no new codes without the password or a code");
        notAsked.FieldErrors("regenerate-secret").ShouldNotBeEmpty();
        var wrong = await browser.SubmitAsync("/account/manage/2fa", "recovery-codes", new Dictionary<string, string> { ["RegenerateSecret"] = "wrong-password-1" });
        RecoveryCodes(wrong).ShouldBeEmpty();
        var replaced = await browser.SubmitAsync("/account/manage/2fa", "recovery-codes", new Dictionary<string, string> { ["RegenerateSecret"] = "Derrimut!2026" });
        RecoveryCodes(replaced).Count.ShouldBe(10);

        var kept = await browser.SubmitAsync("/account/manage/2fa", "disable-2fa", new Dictionary<string, string> { ["DisableSecret"] = "" });
        kept.FieldErrors("disable-secret").ShouldNotBeEmpty();
        (await IsTwoFactorOnAsync($"multi@{D}")).ShouldBeTrue("still on without the password or a code");
        var off = await browser.SubmitAsync("/account/manage/2fa", "disable-2fa", new Dictionary<string, string> { ["DisableSecret"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        off.Text.ShouldContain("Two-factor sign-in is off.");
        (await IsTwoFactorOnAsync($"multi@{D}")).ShouldBeFalse();
    }

    private static List<string> RecoveryCodes(Page page) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page.Html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value)];

    private static object PaySettings(string bsb, string account) => new
    {
        employmentType = "casual",
        payBasis = "hourly",
        hourlyRate = 30.00m,
        payFrequency = "weekly",
        tfnProvided = true,
        claimsTaxFreeThreshold = true,
        residency = "resident",
        medicareLevyExemption = "none",
        superFundName = "Aware Super",
        superFundUsi = "FSS0100AU",
        superMemberNumber = "9001234",
        bsb,
        accountNumber = account,
        accountName = "Step Up",
    };

    private static object Employer(string bsb, string account) => new
    {
        financialInstitution = "CBA",
        apcaUserId = "123456",
        userName = "DERRIMUT COBURG",
        remitterName = "DERRIMUT GYM",
        bsb,
        accountNumber = account,
    };

    /// <summary>Turns 2FA on as the setup page does, with a key the test knows; returns that key.</summary>
    private async Task<string> TurnOnTwoFactorAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
        var person = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No {email}.");
        await users.ResetAuthenticatorKeyAsync(person);
        var key = await users.GetAuthenticatorKeyAsync(person) ?? throw new InvalidOperationException("No key.");
        (await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(key, DateTimeOffset.UtcNow))).ShouldBeTrue();
        (await users.SetTwoFactorEnabledAsync(person, true)).Succeeded.ShouldBeTrue();
        return key;
    }

    private async Task<bool> IsTwoFactorOnAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email)).ShouldNotBeNull());
    }
}

/// <summary>The demo app with the rule on (as in every deployment but the Development demo) and a clock the tests move.</summary>
public abstract class MfaFixture : ProviderFixture
{
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database,
            settings: new Dictionary<string, string> { ["Identity:RequireTwoFactorForPowerfulRoles"] = "true" },
            services: s => s.AddSingleton<TimeProvider>(Clock)));
        await _app.StartAsync(demoData: true);
    }
}

public sealed class SqliteMfaFixture : MfaFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresMfaFixture : MfaFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class MfaForThePowerfulOnSqliteShould(SqliteMfaFixture fixture) : MfaForThePowerfulShould(fixture), IClassFixture<SqliteMfaFixture>;

public sealed class MfaForThePowerfulOnPostgreSqlShould(PostgresMfaFixture fixture) : MfaForThePowerfulShould(fixture), IClassFixture<PostgresMfaFixture>;
