namespace Derrimut.E2E;

/// <summary>
/// The admin and desk pages of issues 13, 14 and 16 that no other journey visits: Werribee's admin edits a trainer's
/// bio, assigns a member card and sees it listed, reads the visits to other gyms, and sets a publishable key and a
/// voice setting and sees each in the page's "Recent changes" (axe on every page, before and after each action).
/// Werribee, so St Albans (the other journeys' gym) stays as seeded.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task LetALocationAdminUseTheTrainerDeskPaymentAndVoicePagesAndPassAccessibilityChecks()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        var site = Server.Site("werribee");
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        // Issue 13: trainer profiles, session types and policy. The bio edit is saved and comes back on the form.
        await page.GotoAsync(site + "/admin/trainers");
        await SignInAsync(page, $"admin@werribee.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trainers, session types and policy", Level = 1 })).ToBeVisibleAsync();
        var trainerRow = page.Locator("tr", new() { HasText = $"trainer@werribee.{DerrimutServer.RootDomain}" });
        await Expect(trainerRow.Locator("button")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-trainers");
        await trainerRow.Locator("button").ClickAsync();
        await Expect(page.Locator("#p-bio")).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "admin-trainers-editing");
        var bio = $"Strength coach for busy parents ({marker}).";
        await page.Locator("#p-bio").FillAsync(bio);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.GetByText("saved.", new() { Exact = false }).First).ToBeVisibleAsync();
        await trainerRow.Locator("button").ClickAsync();
        await Expect(page.Locator("#p-bio")).ToHaveValueAsync(bio);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        // Issue 14: a member card, assigned at the desk and listed with the gym's cards.
        await page.GotoAsync(site + "/desk/cards");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Member cards", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search" })).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "desk-cards");
        await page.Locator("#cards-search").FillAsync("Grace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#card-number")).ToBeVisibleAsync();
        var cardNumber = "WB" + marker;
        await page.Locator("#card-number").FillAsync(cardNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign card" }).ClickAsync();
        await Expect(page.GetByText("Card assigned to Grace Papadopoulos.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("member-cards").GetByRole(AriaRole.Row, new() { Name = "Grace Papadopoulos" })).ToContainTextAsync(cardNumber);
        await Accessibility.CheckAsync(page, "desk-cards-assigned");

        // Issue 14: the home gym's report of its members' visits to the franchise's other gyms (read-only).
        await page.GotoAsync(site + "/desk/visits-elsewhere");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our members' visits to other gyms", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The last 30 days", Level = 2 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "desk-visits-elsewhere");

        // Issue 16: the payment settings' history shows who changed what, and never a secret.
        await page.GotoAsync(site + "/admin/payments");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payments", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save keys" })).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-payments");
        var publishableKey = $"pk_test_journey{marker}";
        await page.Locator("#publishable-key").FillAsync(publishableKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save keys" }).ClickAsync();
        await Expect(page.GetByTestId("account-changes")).ToContainTextAsync($"(admin@werribee.{DerrimutServer.RootDomain}): Publishable key (none) → {publishableKey}.");
        await Accessibility.CheckAsync(page, "admin-payments-changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove this gym's keys" }).ClickAsync();
        await Expect(page.GetByTestId("account-changes")).ToContainTextAsync($"Publishable key {publishableKey} → (none).");

        // Issue 16: a voice setting saved, and in the page's history.
        await page.GotoAsync(site + "/admin/voice");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voice assistant", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-voice")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-voice-history");
        var assistantId = Guid.NewGuid().ToString();
        await page.Locator("#assistant-id").FillAsync(assistantId);
        await page.GetByTestId("save-voice").ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("voice-changes")).ToContainTextAsync($"→ {assistantId}.");
        await Accessibility.CheckAsync(page, "admin-voice-changed");
        await Screenshots.SaveAsync(page, "18-admin-voice-recent-changes");

        errors.ShouldBeEmpty();
    }
}
