using System.Text.Json;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// Credentials changes end old sessions: a password reset, a 2FA change or a deactivation revokes the person's tokens
/// (refresh and access) and ends their other signed-in browsers; a sign-in also ends at its absolute lifetime.
/// </summary>
public abstract class SessionsShould(SessionsFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    private DerrimutWebFactory App => fixture.App;

    [Fact]
    public void ReadSignInCookiesThroughTheRememberedTicketFormat() =>
        // Decision 0078: every test here signs in and out through it, so the rules above hold with the memory on.
        App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.ShouldBeOfType<RememberedTicketDataFormat>();

    [Fact]
    public async Task EndEveryCookieAndTokenOfThePersonWhenTheirPasswordIsReset()
    {
        var email = $"member2@st-albans.{D}";
        var tokens = await App.AuthorizationCodeAsync(email, "st-albans");
        var bearer = App.BearerClient("st-albans", tokens.GetProperty("access_token").GetString()!);
        var browser = await App.SignedInAsync(email, "st-albans");
        (await bearer.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WithPersonAsync(email, async (users, person) =>
            (await users.ResetPasswordAsync(person, await users.GeneratePasswordResetTokenAsync(person), "Another-Str0ng-Passphrase")).Succeeded.ShouldBeTrue());

        (await bearer.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the access token was revoked with the rest");
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the other browser is signed out");
        var refresh = await App.RefreshAsync("st-albans", tokens.GetProperty("refresh_token").GetString()!);
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task EndTheSessionsOfAPersonWhoTurnsTwoFactorOff()
    {
        var email = $"member3@st-albans.{D}";
        await WithPersonAsync(email, async (users, person) => (await users.SetTwoFactorEnabledAsync(person, true)).Succeeded.ShouldBeTrue());
        var tokens = await App.AuthorizationCodeAsync(email, "st-albans");
        var browser = await App.SignedInAsync(email, "st-albans");

        await WithPersonAsync(email, async (users, person) => (await users.SetTwoFactorEnabledAsync(person, false)).Succeeded.ShouldBeTrue());

        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.RefreshAsync("st-albans", tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EndTheSessionsOfAPersonTheGymDeactivates()
    {
        var email = $"trainer@st-albans.{D}";
        var tokens = await App.AuthorizationCodeAsync(email, "st-albans");
        var browser = await App.SignedInAsync(email, "st-albans");
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var trainerId = await WithPersonAsync(email, (_, person) => Task.FromResult(person.Id));

        var deactivated = await admin.PostAsync($"/api/identity/users/{trainerId}/deactivate", null);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivated.Content.ReadAsStringAsync());

        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.BearerClient("st-albans", tokens.GetProperty("access_token").GetString()!).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.RefreshAsync("st-albans", tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the admin's own session is untouched");
    }

    [Fact]
    public async Task KeepThePersonsSessionsWhenNothingAboutTheirCredentialsChanged()
    {
        var email = $"member@werribee.{D}";
        var tokens = await App.AuthorizationCodeAsync(email, "werribee");
        var browser = await App.SignedInAsync(email, "werribee");

        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.RefreshAsync("werribee", tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<T> WithPersonAsync<T>(string email, Func<UserManager<DerrimutUser>, DerrimutUser, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
        var person = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No {email}.");
        return await work(users, person);
    }

    private Task<bool> WithPersonAsync(string email, Func<UserManager<DerrimutUser>, DerrimutUser, Task> work) =>
        WithPersonAsync<bool>(email, async (users, person) =>
        {
            await work(users, person);
            return true;
        });
}

/// <summary>The demo app with cookies re-checked on every request, so a test sees a change at once.</summary>
public abstract class SessionsFixture : ProviderFixture
{
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Identity:Sessions:RecheckInterval"] = "00:00:00" }));
        await _app.StartAsync(demoData: true);
    }
}

public sealed class SqliteSessionsFixture : SessionsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSessionsFixture : SessionsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class SessionsOnSqliteShould(SqliteSessionsFixture fixture) : SessionsShould(fixture), IClassFixture<SqliteSessionsFixture>;

public sealed class SessionsOnPostgreSqlShould(PostgresSessionsFixture fixture) : SessionsShould(fixture), IClassFixture<PostgresSessionsFixture>;

/// <summary>A sign-in ends at its absolute lifetime however busy the person keeps it.</summary>
public sealed class SessionLifetimeShould
{
    [Fact]
    public async Task EndASignInAtItsAbsoluteLifetimeEvenWhileItIsInUse()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync(demoData: true);
        var browser = await app.SignedInAsync($"member@st-albans.{DemoAppFixture.Domain}", "st-albans");

        // Used every ten days, the 14-day sliding cookie is renewed each time and would never expire by itself...
        for (var day = 0; day < 3; day++)
        {
            (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, $"day {day * 10}");
            clock.Advance(TimeSpan.FromDays(10));
        }

        // ...but 30 days after the password was typed, the sign-in is over.
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void JudgeASessionByWhenThePasswordWasTypedNotByItsLastRenewal()
    {
        var now = DateTimeOffset.UtcNow;
        var renewedJustNow = new AuthenticationProperties { IssuedUtc = now };
        renewedJustNow.Items[Sessions.StartedProperty] = now.AddDays(-31).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        Sessions.HasOutlived(renewedJustNow, TimeSpan.FromDays(30), now).ShouldBeTrue();
        Sessions.HasOutlived(new AuthenticationProperties { IssuedUtc = now.AddDays(-2) }, TimeSpan.FromDays(30), now).ShouldBeFalse();
        Sessions.HasOutlived(new AuthenticationProperties(), TimeSpan.FromDays(30), now).ShouldBeTrue();
    }
}
