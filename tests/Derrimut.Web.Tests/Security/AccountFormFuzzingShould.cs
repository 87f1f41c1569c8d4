using System.Text.RegularExpressions;
using Derrimut.Identity.Contracts;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Security;

/// <summary>
/// Issue 12: the account pages' form posts are not in the OpenAPI document, so <see cref="OpenApiFuzzingShould"/> never
/// reaches them. Each form is posted as a browser would (its antiforgery token and Blazor's <c>_handler</c> from the page
/// itself), with one field at a time set to malformed or boundary text, missing, or sent twice, plus an unknown field and
/// no antiforgery token. Whatever the form makes of it, the answer is never a 5xx, and a refused registration adds no login.
/// </summary>
public abstract partial class AccountFormFuzzingShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Gym = "st-albans";

    // Plausible values that are still refused (nobody has this address, the passwords do not match), so that fuzzing
    // one field never signs anyone in, changes a password or creates a login as a side effect.
    private const string Nobody = $"nobody-here@st-albans.{D}";
    private const string Password = "Fuzzing!2026-pass";
    private const string OtherPassword = "Different!2026-pass";

    private static readonly Dictionary<string, AccountForm> Forms = new[]
    {
        new AccountForm("/account/login", "login", new() { ["Input.Email"] = Nobody, ["Input.Password"] = Password, ["Input.RememberMe"] = "false" }),
        new AccountForm("/account/register", "register", new()
        {
            ["Input.DisplayName"] = "Fuzz Person", ["Input.Email"] = Nobody, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = OtherPassword,
        }),
        new AccountForm("/account/forgot-password", "forgot-password", new() { ["Input.Email"] = Nobody }),
        new AccountForm("/account/reset-password?code=bm90LWEtcmVhbC1jb2Rl", "reset-password", new()
        {
            ["Input.Code"] = "bm90LWEtcmVhbC1jb2Rl", ["Input.Email"] = Nobody, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = OtherPassword,
        }),
        new AccountForm("/account/login-2fa", "login-2fa", new() { ["Input.Code"] = "123456", ["Input.RememberMachine"] = "false" }),
        new AccountForm("/account/login-recovery", "login-recovery", new() { ["Input.RecoveryCode"] = "ABCDE-12345" }),
        new AccountForm("/account/resend-confirmation", "resend-confirmation", new() { ["Input.Email"] = Nobody }),
        new AccountForm("/account/step-up", "step-up", new() { ["Input.Secret"] = OtherPassword }),
        new AccountForm("/account/manage/change-password", "change-password", new()
        {
            ["Input.CurrentPassword"] = OtherPassword, ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = OtherPassword,
        }),
        new AccountForm("/account/manage/2fa", "enable-2fa", new() { ["Input.Code"] = "123456" }),
    }.ToDictionary(form => form.Handler);

    private static readonly string[] Malformed =
    [
        "",
        new string('x', 10_000),
        "مرحبا \u202Egnp.exe 🏋️‍♀️ 漢字 \uFEFF",
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE \"AspNetUsers\"; --",
        "nul\0inside",
    ];

    [Theory]
    [InlineData("login")]
    [InlineData("register")]
    [InlineData("forgot-password")]
    [InlineData("reset-password")]
    [InlineData("login-2fa")]
    [InlineData("login-recovery")]
    [InlineData("resend-confirmation")]
    public async Task NeverAnswerAnAnonymousFormPostWithA5xxNorCreateALogin(string handler)
    {
        var logins = await CountLoginsAsync();
        await FuzzAsync(fixture.App.ClientFor(Gym), Forms[handler]);
        (await CountLoginsAsync()).ShouldBe(logins);
    }

    [Theory]
    [InlineData("step-up", "member@st-albans")]
    [InlineData("change-password", "member2@st-albans")]
    [InlineData("enable-2fa", "member3@st-albans")]
    public async Task NeverAnswerASignedInMembersFormPostWithA5xx(string handler, string person)
    {
        var member = await fixture.App.SignedInAsync($"{person}.{D}", Gym);
        await FuzzAsync(member, Forms[handler]);
    }

    [Theory]
    [InlineData("login")]
    [InlineData("register")]
    [InlineData("forgot-password")]
    public async Task PostEachFormAsTheBrowserDoes(string handler)
    {
        // The fuzzing is not vacuous: the plain post passes antiforgery and reaches the form's own handling.
        var browser = fixture.App.ClientFor(Gym);
        var form = Forms[handler];
        var response = await PostAsync(browser, form, [.. await HiddenFieldsAsync(browser, form), .. form.Fields]);
        response.StatusCode.ShouldNotBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        ((int)response.StatusCode).ShouldBeLessThan(500);
    }

    private async Task FuzzAsync(HttpClient browser, AccountForm form)
    {
        var hidden = await HiddenFieldsAsync(browser, form);
        var posts = new List<(string What, List<KeyValuePair<string, string>> Body)>
        {
            ("as the browser posts it", [.. hidden, .. form.Fields]),
            ("with an unknown extra field", [.. hidden, .. form.Fields, new("Input.IsAdmin", "true")]),
            ("without the antiforgery token", [.. hidden.Where(field => field.Key == "_handler"), .. form.Fields]),
            ("with the handler sent twice", [.. hidden, new("_handler", "login"), .. form.Fields]),
        };
        foreach (var name in form.Fields.Keys)
        {
            var others = form.Fields.Where(field => field.Key != name).ToList();
            posts.Add(($"without {name}", [.. hidden, .. others]));
            posts.Add(($"with {name} twice", [.. hidden, .. form.Fields, new(name, Malformed[3])]));
            foreach (var value in Malformed)
            {
                posts.Add(($"with {name} = '{(value.Length > 40 ? $"{value.Length} characters" : value.Replace("\0", "\\0", StringComparison.Ordinal))}'",
                    [.. hidden, .. others, new(name, value)]));
            }
        }

        var failures = new List<string>();
        foreach (var (what, body) in posts)
        {
            var response = await PostAsync(browser, form, body);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{form.Page} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, AccountForm form, List<KeyValuePair<string, string>> body) =>
        browser.PostAsync(form.Page, new FormUrlEncodedContent(body), TestContext.Current.CancellationToken);

    /// <summary>
    /// The hidden inputs of the form the page renders for this handler. Where the page does not render it for this
    /// visitor (no pending two-factor sign-in, a step-up first), the antiforgery token of another account page is posted,
    /// as a forged or stale post would be: the form's handling must still answer without a 5xx.
    /// </summary>
    private static async Task<List<KeyValuePair<string, string>>> HiddenFieldsAsync(HttpClient browser, AccountForm form)
    {
        foreach (var page in new[] { form.Page, "/account/login", "/account/step-up", "/account/forgot-password" })
        {
            var html = await (await browser.GetAsync(page, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var forms = html.Split("<form", StringSplitOptions.None).Skip(1).Select(part => part.Split("</form>")[0]).ToList();
            var own = forms.FirstOrDefault(part => part.Contains($"value=\"{form.Handler}\"", StringComparison.Ordinal));
            var fields = HiddenField().Matches(own ?? string.Join("", forms))
                .Select(match => new KeyValuePair<string, string>(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value)))
                .Where(field => own is not null || field.Key == "__RequestVerificationToken")
                .DistinctBy(field => field.Key)
                .ToList();
            if (fields.Any(field => field.Key == "__RequestVerificationToken"))
            {
                return [.. fields.Where(field => field.Key != "_handler"), new("_handler", form.Handler)];
            }
        }

        throw new InvalidOperationException($"No antiforgery token found for {form.Page}.");
    }

    private async Task<int> CountLoginsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DerrimutDbContext>().Set<DerrimutUser>().IgnoreQueryFilters()
            .CountAsync(TestContext.Current.CancellationToken);
    }

    private sealed record AccountForm(string Page, string Handler, Dictionary<string, string> Fields);

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}

public sealed class AccountFormFuzzingOnSqliteShould(SqliteDemoAppFixture fixture) : AccountFormFuzzingShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class AccountFormFuzzingOnPostgreSqlShould(PostgresDemoAppFixture fixture) : AccountFormFuzzingShould(fixture), IClassFixture<PostgresDemoAppFixture>;
