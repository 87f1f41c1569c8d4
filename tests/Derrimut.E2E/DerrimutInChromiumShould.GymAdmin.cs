namespace Derrimut.E2E;

/// <summary>
/// A gym admin runs the gym from its admin pages: changes Monday's staffed hours and a plan's price, sets the voice
/// assistant's secret and sends its test call, and the public site shows the hours and the price (axe on each page visited). Sunshine West, so the other journeys' St Albans stays as seeded.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task LetAnAdminChangeTheGymsHoursAndAPlansPriceAndShowBothOnThePublicSite()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        var site = Server.Site("sunshine-west");

        await page.GotoAsync(site + "/admin/gym");
        await SignInAsync(page, $"admin@sunshine-west.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gym profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-gym-profile")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-gym");
        await page.Locator("#opens-monday").FillAsync("05:15");
        await page.Locator("#closes-monday").FillAsync("21:45");
        await page.GetByTestId("save-gym-profile").ClickAsync();
        await Expect(page.GetByText("Saved. The public site shows the new details now.")).ToBeVisibleAsync();

        await page.GotoAsync(site + "/admin/plans");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Membership plans", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-plan")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-plans");
        await page.Locator("tr[data-plan='no-lock-in']").GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit no-lock-in" })).ToBeVisibleAsync();
        await page.Locator("#plan-price").FillAsync("36.95");
        await page.Locator("#plan-price").BlurAsync();
        await page.GetByTestId("save-plan").ClickAsync();
        await Expect(page.GetByText("Saved. The public site shows it now.")).ToBeVisibleAsync();

        // The voice assistant's settings: the secret is write-only, and the test call reaches the gym's own endpoint
        // signed with it and shows the answer (the admin is no member here, so the answer is the polite refusal).
        await page.GotoAsync(site + "/admin/voice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voice assistant", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("test-voice")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-voice");
        await page.Locator("#voice-secret").FillAsync("sunshine-west-voice-secret-0123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set secret" }).ClickAsync();
        await Expect(page.GetByText("The secret is set.")).ToBeVisibleAsync();
        await Expect(page.Locator("#voice-secret")).ToHaveValueAsync("");
        await page.GetByTestId("test-voice").ClickAsync();
        await Expect(page.GetByTestId("voice-test-answer")).ToContainTextAsync("could not confirm who this call is for");
        await Accessibility.CheckAsync(page, "admin-voice-tested");

        var (publicContext, publicPage, publicErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = publicContext;
        await publicPage.GotoAsync(site + "/");
        await Expect(publicPage.GetByRole(AriaRole.Row, new() { Name = "Monday" })).ToContainTextAsync("5:15");
        await Expect(publicPage.GetByText("$36.95")).ToBeVisibleAsync();
        await publicPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(publicPage, "home-after-admin-changes");
        await Screenshots.SaveAsync(publicPage, "17-home-after-admin-changes");

        errors.ShouldBeEmpty();
        publicErrors.ShouldBeEmpty();
    }
}
