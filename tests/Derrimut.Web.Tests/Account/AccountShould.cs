using System.Text.Json;

namespace Derrimut.Web.Tests.Account;

/// <summary>
/// The account pages as a browser without JavaScript uses them: plain form posts with the antiforgery token from the
/// page, redirects, emails from the pickup folder, and the real sign-in cookie afterwards.
/// </summary>
public abstract class AccountShould(AccountFixture fixture)
{
    private const string D = AccountFixture.Domain;
    private const string Password = "correct horse 42";

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    private static Dictionary<string, string> Registration(string email, string password = Password, string? confirm = null, string name = "Jordan Lee") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private static Dictionary<string, string> Credentials(string email, string password, bool rememberMe = false) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.RememberMe"] = rememberMe ? "true" : "false",
    };

    /// <summary>Registers at <paramref name="location"/> and follows the emailed confirmation link.</summary>
    private async Task<string> RegisteredAndConfirmedAsync(string location = "st-albans", string? email = null)
    {
        email ??= NewEmail("member");
        var browser = fixture.BrowserAt(location);
        var registered = await browser.SubmitAsync("/account/register", "register", Registration(email));
        registered.Location!.AbsolutePath.ShouldBe("/account/register-confirmation");
        var link = fixture.Mail.LinkIn(fixture.Mail.Latest(email, "Confirm your email"), "/account/confirm-email");
        (await browser.GetAsync(link)).Text.ShouldContain("Email confirmed");
        return email;
    }

    private static Task<Page> SignInAsync(Browser browser, string email, string password, string? returnUrl = null) =>
        browser.SubmitAsync(returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            "login", Credentials(email, password));

    private static async Task<JsonElement> MeAsync(Browser browser, string location)
    {
        var response = await browser.Client.GetAsync(SignedInClients.At(location, "/api/me"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task RegisterAtALocationConfirmTheEmailAndSignInAsAMemberThere()
    {
        var email = NewEmail("join");
        var browser = fixture.BrowserAt("st-albans");

        var registered = await browser.SubmitAsync("/account/register", "register", Registration(email));
        var inbox = await browser.FollowAsync(registered);
        inbox.Text.ShouldContain($"We sent an email to {email}");

        var message = fixture.Mail.Latest(email, "Confirm your email for Derrimut 24:7 Gym St Albans");
        var link = new Uri(fixture.Mail.LinkIn(message, "/account/confirm-email"));
        link.Host.ShouldBe($"st-albans.{D}", "the link leads back to the gym the person joined");
        (await browser.GetAsync(link.ToString())).Text.ShouldContain("Email confirmed");

        var signedIn = await SignInAsync(browser, email, Password);
        signedIn.Location!.AbsolutePath.ShouldBe("/");
        var me = await MeAsync(browser, "st-albans");
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("displayName").GetString().ShouldBe("Jordan Lee");
        me.GetProperty("emailConfirmed").GetBoolean().ShouldBeTrue();
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
        me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("identifier").GetString()).ShouldBe(["st-albans"]);
        (await browser.Client.GetAsync(SignedInClients.At("werribee", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RefuseToSignInBeforeTheEmailIsConfirmedWithoutTellingStrangers()
    {
        var email = NewEmail("unconfirmed");
        var browser = fixture.BrowserAt("st-albans");
        await browser.SubmitAsync("/account/register", "register", Registration(email));

        var wrongPassword = await SignInAsync(browser, email, "not the password 1");
        wrongPassword.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrongPassword.Text.ShouldContain("That email and password don't match");
        wrongPassword.Text.ShouldNotContain("confirm your email");

        var rightPassword = await SignInAsync(browser, email, Password);
        rightPassword.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        rightPassword.Text.ShouldContain("Please confirm your email address first");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LockTheLoginForFifteenMinutesAfterFiveWrongPasswords()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await SignInAsync(browser, email, $"wrong password {attempt}")).Text.ShouldContain("don't match");
        }

        var fifth = await SignInAsync(browser, email, "wrong password 5");
        fifth.Location!.AbsolutePath.ShouldBe("/account/lockout");

        var rightButLocked = await SignInAsync(browser, email, Password);
        rightButLocked.Location!.AbsolutePath.ShouldBe("/account/lockout");
        (await browser.FollowAsync(rightButLocked)).Text.ShouldContain("locked for 15 minutes");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ResetAForgottenPasswordThroughTheEmailedLinkWhichAlsoConfirmsTheEmail()
    {
        var email = NewEmail("forgot");
        var browser = fixture.BrowserAt("st-albans");
        await browser.SubmitAsync("/account/register", "register", Registration(email));

        var asked = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        (await browser.FollowAsync(asked)).Text.ShouldContain("a link to choose a new password is on its way");
        var link = fixture.Mail.LinkIn(fixture.Mail.Latest(email, "Reset your Derrimut password"), "/account/reset-password");

        const string newPassword = "a brand new one 7";
        var reset = await browser.SubmitAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        (await browser.FollowAsync(reset)).Text.ShouldContain("Your password has been changed");

        (await SignInAsync(browser, email, Password)).Text.ShouldContain("don't match");
        (await SignInAsync(browser, email, newPassword)).Location!.AbsolutePath.ShouldBe("/");
        (await MeAsync(browser, "st-albans")).GetProperty("emailConfirmed").GetBoolean().ShouldBeTrue();

        // The link worked once.
        var again = await browser.SubmitAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = "yet another one 8",
            ["Input.ConfirmPassword"] = "yet another one 8",
        });
        again.Text.ShouldContain("This link has expired or has already been used");
    }

    [Fact]
    public async Task AnswerForgotPasswordTheSameWayForAnUnknownAddress()
    {
        var email = NewEmail("nobody");
        var browser = fixture.BrowserAt("st-albans");
        var asked = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        asked.Location!.AbsolutePath.ShouldBe("/account/forgot-password-confirmation");
        fixture.Mail.CountTo(email).ShouldBe(0);
    }

    [Fact]
    public async Task LetAnInvitedPersonSetTheirPasswordFromTheInvitation()
    {
        var email = NewEmail("invited");
        var admin = await fixture.SignedInClientAsync($"admin@werribee.{D}", "werribee");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = "Ivy Invited", roles = new[] { "trainer" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var link = fixture.Mail.LinkIn(fixture.Mail.Latest(email, "You're invited"), "/account/reset-password");
        link.ShouldContain("invited=1");

        var browser = fixture.BrowserAt("werribee");
        var page = await browser.GetAsync(link);
        page.Text.ShouldContain("Set your password");
        var set = await page.SubmitAsync(browser, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        (await browser.FollowAsync(set)).Text.ShouldContain("Your password is set");

        (await SignInAsync(browser, email, Password)).Location!.AbsolutePath.ShouldBe("/");
        (await MeAsync(browser, "werribee")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["trainer"]);
    }

    [Fact]
    public async Task InviteSomeoneWithALoginByASignInLinkAndTellTheGymNothingAboutThem()
    {
        // Someone registered at st-albans under a name of their own; werribee's admin invites the same address.
        var email = await RegisteredAndConfirmedAsync("st-albans");
        var admin = await fixture.SignedInClientAsync($"admin@werribee.{D}", "werribee");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = "Typed By Werribee", roles = new[] { "member" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());

        // The answer is what a brand-new address gets: the typed name, not confirmed, invited — nothing from st-albans.
        var answer = await invited.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("displayName").GetString().ShouldBe("Typed By Werribee");
        answer.GetProperty("emailConfirmed").GetBoolean().ShouldBeFalse();
        answer.GetProperty("status").ToString().ShouldBe((await FreshInviteAsync(admin)).GetProperty("status").ToString());

        // No password-reset code to an existing login: a sign-in link, and werribee is among their gyms.
        var message = fixture.Mail.Latest(email, "You're invited");
        (message.TextBody ?? "").ShouldNotContain("reset-password");
        (message.TextBody ?? "").ShouldNotContain("code=");
        fixture.Mail.LinkIn(message, "/account/login").ShouldStartWith($"http://werribee.{D}/account/login");
        var browser = fixture.BrowserAt("werribee");
        (await SignInAsync(browser, email, Password)).Location!.AbsolutePath.ShouldBe("/");
        (await MeAsync(browser, "werribee")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
        var gyms = await browser.Client.GetFromJsonAsync<JsonElement>(SignedInClients.At("werribee", "/api/me/gyms"));
        gyms.ToString().ShouldContain("werribee");
    }

    private static async Task<JsonElement> FreshInviteAsync(HttpClient admin)
    {
        var fresh = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = NewEmail("fresh"), displayName = "Fresh", roles = new[] { "member" } });
        fresh.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await fresh.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task BuildEmailLinksFromConfigurationNeverFromTheRequestsHost()
    {
        // A caller controls the Host header (and so its port): a link built from it could send the invited person's
        // password-setting code to a server of the caller's choosing.
        var email = NewEmail("hosted");
        var admin = await fixture.SignedInClientAsync($"admin@werribee.{D}", "werribee");
        using var invite = new HttpRequestMessage(HttpMethod.Post, "/api/identity/users/invite")
        {
            Content = JsonContent.Create(new { email, displayName = "Hal Hosted", roles = new[] { "trainer" } }),
        };
        invite.Headers.Host = $"werribee.{D}:6666";
        var invited = await admin.SendAsync(invite);
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        fixture.Mail.LinkIn(fixture.Mail.Latest(email, "You're invited"), "/account/reset-password")
            .ShouldStartWith($"http://werribee.{D}/account/reset-password?");

        var browser = fixture.BrowserAt("st-albans");
        var member = NewEmail("forgetful");
        await browser.SubmitAsync("/account/register", "register", Registration(member));
        browser.Client.DefaultRequestHeaders.Host = $"st-albans.{D}:6666";
        var asked = await browser.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = member });
        asked.Location!.AbsolutePath.ShouldBe("/account/forgot-password-confirmation");
        fixture.Mail.LinkIn(fixture.Mail.Latest(member, "Reset your Derrimut password"), "/account/reset-password")
            .ShouldStartWith($"http://st-albans.{D}/account/reset-password?");
    }

    [Fact]
    public async Task ChangeThePasswordOfTheSignedInPerson()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);

        var wrongCurrent = await browser.SubmitAsync("/account/manage/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password 1",
            ["Input.NewPassword"] = "changed password 9",
            ["Input.ConfirmPassword"] = "changed password 9",
        });
        wrongCurrent.FieldErrors("current-password").ShouldBe(["Your current password is not right."]);

        var changed = await browser.SubmitAsync("/account/manage/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "changed password 9",
            ["Input.ConfirmPassword"] = "changed password 9",
        });
        changed.Text.ShouldContain("Your password has been changed.");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session survives its own password change");

        var other = fixture.BrowserAt("st-albans");
        (await SignInAsync(other, email, Password)).Text.ShouldContain("don't match");
        (await SignInAsync(other, email, "changed password 9")).Location!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task AskForAnAuthenticatorCodeAtSignInOnceTwoFactorIsOn()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);
        var (_, key) = await EnableTwoFactorAsync(browser);

        var signOut = await browser.GetAsync("/account/manage/2fa");
        (await signOut.SubmitAsync(browser, "account/logout", new Dictionary<string, string>())).Location!.AbsolutePath.ShouldBe("/");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var password = await SignInAsync(browser, email, Password, returnUrl: "/member");
        password.Location!.AbsolutePath.ShouldBe("/account/login-2fa");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the password alone does not sign in");

        var codePage = password.Location!.PathAndQuery;
        var wrong = await browser.SubmitAsync(codePage, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = WrongCode(key) });
        wrong.FieldErrors("code").ShouldHaveSingleItem().ShouldContain("That code is not right");

        var right = await browser.SubmitAsync(codePage, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        right.Location!.AbsolutePath.ShouldBe("/member");
        (await MeAsync(browser, "st-albans")).GetProperty("twoFactorEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task RememberATrustedDeviceAcrossEveryLocationsSubdomain()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);
        var (_, key) = await EnableTwoFactorAsync(browser);
        var signOut = await browser.GetAsync("/account/manage/2fa");
        await signOut.SubmitAsync(browser, "account/logout", new Dictionary<string, string>());

        var password = await SignInAsync(browser, email, Password, returnUrl: "/member");
        var trusted = await browser.SubmitAsync(password.Location!.PathAndQuery, "login-2fa", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
            ["Input.RememberMachine"] = "true",
        });

        trusted.Location!.AbsolutePath.ShouldBe("/member");
        var rememberCookie = trusted.Response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("Identity.TwoFactorRememberMe=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        rememberCookie.ShouldContain($"domain={D}", Case.Insensitive);
    }

    [Fact]
    public async Task AcceptEachRecoveryCodeOnlyOnce()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);
        var (enabled, _) = await EnableTwoFactorAsync(browser);
        var codes = RecoveryCodes(enabled);
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);

        foreach (var attempt in new[] { "first", "second" })
        {
            var fresh = fixture.BrowserAt("st-albans");
            (await SignInAsync(fresh, email, Password)).Location!.AbsolutePath.ShouldBe("/account/login-2fa");
            var recovery = await fresh.SubmitAsync("/account/login-recovery", "login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
            if (attempt == "first")
            {
                recovery.Location!.AbsolutePath.ShouldBe("/");
                (await fresh.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            else
            {
                recovery.FieldErrors("recovery-code").ShouldHaveSingleItem().ShouldContain("has been used already");
                (await fresh.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
        }

        (await browser.GetAsync("/account/manage/2fa")).Text.ShouldContain("You have 9 unused recovery codes");
    }

    [Fact]
    public async Task TurnTwoFactorOffAndIssueNewRecoveryCodes()
    {
        var email = await RegisteredAndConfirmedAsync();
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);
        var first = RecoveryCodes((await EnableTwoFactorAsync(browser)).Page);

        var regenerated = await browser.SubmitAsync("/account/manage/2fa", "recovery-codes", new Dictionary<string, string>());
        var second = RecoveryCodes(regenerated);
        second.Count.ShouldBe(10);
        second.ShouldNotContain(first[0]);

        var disabled = await browser.SubmitAsync("/account/manage/2fa", "disable-2fa", new Dictionary<string, string>());
        disabled.Text.ShouldContain("Two-factor sign-in is off.");
        var fresh = fixture.BrowserAt("st-albans");
        (await SignInAsync(fresh, email, Password)).Location!.AbsolutePath.ShouldBe("/");
    }

    [Theory]
    [InlineData("password", "short1", "Passwords must be at least 10 characters.")]
    [InlineData("password", "no digits in here", "Passwords must have at least one digit ('0'-'9').")]
    [InlineData("email", "not-an-email", "Enter an email address like name@example.com.")]
    [InlineData("email", "someone@localhost", "Enter an email address like name@example.com.")]
    [InlineData("confirm-password", "mismatch", "The two passwords are not the same.")]
    [InlineData("display-name", "", "Tell us your name.")]
    public async Task NameTheFieldWhenSignUpInputIsInvalid(string field, string value, string message)
    {
        var email = NewEmail("invalid");
        var fields = field switch
        {
            "password" => Registration(email, value),
            "email" => Registration(value),
            "confirm-password" => Registration(email, Password, confirm: "something else 1"),
            _ => Registration(email, name: value),
        };
        var page = await fixture.BrowserAt("st-albans").SubmitAsync("/account/register", "register", fields);

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.FieldErrors(field).ShouldContain(message);
        page.Html.ShouldContain($"id=\"{field}\"");
        page.Html.ShouldContain($"<label for=\"{field}\"");
        page.Text.ShouldContain("problem");
        fixture.Mail.CountTo(email).ShouldBe(0);
    }

    [Fact]
    public async Task AnswerSignUpWithAnExistingAddressLikeAnyOtherAndTellTheOwnerByEmail()
    {
        var email = await RegisteredAndConfirmedAsync();
        var again = await fixture.BrowserAt("st-albans").SubmitAsync("/account/register", "register", Registration(email, name: "Someone Else"));
        again.Location!.AbsolutePath.ShouldBe("/account/register-confirmation");
        (fixture.Mail.Latest(email, "You already have a Derrimut login").TextBody ?? "").ShouldContain("Join this gym");
    }

    [Fact]
    public async Task LetASignedInPersonJoinAnotherLocationWithTheSameLogin()
    {
        var email = await RegisteredAndConfirmedAsync("st-albans");
        var browser = fixture.BrowserAt("st-albans");
        await SignInAsync(browser, email, Password);
        (await browser.Client.GetAsync(SignedInClients.At("werribee", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var joined = await browser.SubmitAsync(SignedInClients.At("werribee", "/account/register").ToString(), "join", new Dictionary<string, string>());
        joined.Location!.AbsolutePath.ShouldBe("/member");

        (await MeAsync(browser, "werribee")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
        (await browser.GetAsync(SignedInClients.At("werribee", "/account/register").ToString())).Text.ShouldContain("You are already a member");
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http://werribee.derrimut.localhost/member")]
    public async Task IgnoreAReturnUrlThatLeavesTheSite(string returnUrl)
    {
        var browser = fixture.BrowserAt("st-albans");
        var signedIn = await SignInAsync(browser, $"member2@st-albans.{D}", AccountFixture.DemoPassword, returnUrl);
        signedIn.Location!.ShouldBe(new Uri($"http://st-albans.{D}/"));
    }

    [Fact]
    public async Task ReturnToTheLocalPageThatAskedForSignIn()
    {
        var browser = fixture.BrowserAt("st-albans");
        var challenged = await browser.GetAsync("/member");
        challenged.Location!.PathAndQuery.ShouldBe("/account/login?ReturnUrl=%2Fmember");

        var signedIn = await SignInAsync(browser, $"member3@st-albans.{D}", AccountFixture.DemoPassword, "/member");
        signedIn.Location!.AbsolutePath.ShouldBe("/member");
        var area = await browser.FollowAsync(signedIn);
        area.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        area.Text.ShouldContain("Welcome to Derrimut 24:7 Gym St Albans");
        area.Text.ShouldContain("Aisha Rahman");
    }

    [Fact]
    public async Task RefuseFormPostsWithoutTheAntiforgeryToken()
    {
        var browser = fixture.BrowserAt("st-albans");
        await browser.GetAsync("/account/login");
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = $"member2@st-albans.{D}",
            ["Input.Password"] = AccountFixture.DemoPassword,
        });
        (await browser.Client.PostAsync("/account/login", login)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Signing out is a POST with a token too, so another site cannot sign people out with a hidden form.
        await SignInAsync(browser, $"member2@st-albans.{D}", AccountFixture.DemoPassword);
        using var logout = new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" });
        var refused = await browser.Client.PostAsync("/account/logout", logout);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A problem that names the token's field, whichever binder built the endpoint (decision 0083), never a 500.
        (await refused.Content.ReadAsStringAsync()).ShouldContain("__RequestVerificationToken");
        (await browser.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInThroughThisPageWhenAnAppAsksForAuthorization()
    {
        const string redirect = "http://127.0.0.1:53123/callback";
        var browser = fixture.BrowserAt("st-albans");
        var authorize = "/connect/authorize?client_id=derrimut-app&response_type=code&scope=openid%20offline_access" +
            $"&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=abc";

        var challenged = await browser.GetAsync(authorize);
        challenged.Location!.AbsolutePath.ShouldBe("/account/login");
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenged.Location.Query)["ReturnUrl"].ToString();
        returnUrl.ShouldStartWith("/connect/authorize?");

        var signedIn = await SignInAsync(browser, $"member3@st-albans.{D}", AccountFixture.DemoPassword, returnUrl);
        signedIn.Location!.PathAndQuery.ShouldBe(returnUrl);
        var code = await browser.GetAsync(signedIn.Location.ToString());
        code.Location!.GetLeftPart(UriPartial.Path).ShouldBe(redirect);
        code.Location.Query.ShouldContain("code=");
    }

    [Fact]
    public async Task LimitAccountFormPostsPerClientAddress()
    {
        await using var strict = fixture.WithSignInLimit(3);
        var browser = fixture.BrowserAt("st-albans", strict);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await SignInAsync(browser, NewEmail("flood"), "whatever 123")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await SignInAsync(browser, NewEmail("flood"), "whatever 123");
        limited.Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Text.ShouldContain("Too many attempts");
        (await browser.GetAsync("/account/login")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "reading pages is never limited");
    }

    private static string WrongCode(string key)
    {
        // Any code the server would accept now lies within ±2 steps of now; pick one outside that window.
        var valid = Enumerable.Range(-2, 5).Select(step => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static List<string> RecoveryCodes(Page page) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page.Html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value)];

    /// <summary>Turns 2FA on the way a person does: reads the key shown next to the QR code and types the app's code.</summary>
    private static async Task<(Page Page, string Key)> EnableTwoFactorAsync(Browser browser)
    {
        var setup = await browser.GetAsync("/account/manage/2fa");
        setup.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(setup.Html).ShouldContain("src=\"data:image/svg+xml;base64,", customMessage: "the QR code is an inline SVG");
        var key = setup.Attribute("data-authenticator-key") ?? throw new ShouldAssertException("The page shows no authenticator key.");
        var enabled = await setup.SubmitAsync(browser, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        enabled.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        enabled.Text.ShouldContain("Save these codes now");
        return (enabled, key);
    }
}

public sealed class AccountOnSqliteShould(SqliteAccountFixture fixture) : AccountShould(fixture), IClassFixture<SqliteAccountFixture>;

public sealed class AccountOnPostgreSqlShould(PostgresAccountFixture fixture) : AccountShould(fixture), IClassFixture<PostgresAccountFixture>;
