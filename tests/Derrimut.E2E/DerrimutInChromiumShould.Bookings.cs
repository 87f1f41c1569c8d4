using System.Text.RegularExpressions;

namespace Derrimut.E2E;

/// <summary>
/// Trainer bookings in a real browser: a member finds a trainer, books and pays on the simulated gateway, the trainer's
/// open schedule shows it live, the trainer marks a session that has happened completed and finds it on their
/// earnings page (through Payroll), then their dashboard and client roster.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    // Each page's title is awaited before its accessibility check: the head is re-rendered when the page's circuit starts.
    [Fact]
    public async Task LetAMemberBookAndPayATrainerWhoSeesItLiveMarksASessionCompletedAndSeesItInTheirEarnings()
    {
        // The trainer's schedule is open first, so the booking must reach it as a live update.
        var (trainerContext, trainerPage, trainerErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = trainerContext;
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer/schedule");
        await SignInAsync(trainerPage, $"trainer@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "My schedule", Level = 1 })).ToBeVisibleAsync();
        await Expect(trainerPage).ToHaveTitleAsync(new Regex("^My schedule · "));
        await Accessibility.CheckAsync(trainerPage, "trainer-schedule");

        // member3@ (Aisha Rahman) has no PT allowance, so the session must be paid.
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        await page.GotoAsync(Server.Site("st-albans") + "/member/bookings");
        await SignInAsync(page, $"member3@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My bookings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My bookings · "));
        await Accessibility.CheckAsync(page, "my-bookings");

        await page.GotoAsync(Server.Site("st-albans") + "/trainers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our trainers", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Trainers · "));
        await Accessibility.CheckAsync(page, "trainers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tara Trainer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tara Trainer", Level = 1 })).ToBeVisibleAsync();
        var slot = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Book ") }).First;
        await Expect(slot).ToBeEnabledAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Tara Trainer · "));
        await Accessibility.CheckAsync(page, "trainer-profile");
        await Screenshots.SaveAsync(page, "17-trainer-profile-slots");
        await slot.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/billing/simulated/checkout/"));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/member/bookings\\?paid=[0-9a-f]{32}"));
        var sessionId = Guid.ParseExact(Regex.Match(page.Url, "paid=([0-9a-f]{32})").Groups[1].Value, "N");
        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Upcoming" });
        await Expect(upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tara Trainer" }).Filter(new() { HasText = "Paid" }).First).ToBeVisibleAsync();
        await Expect(upcoming.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).First).ToBeEnabledAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My bookings · "));
        await Accessibility.CheckAsync(page, "my-bookings-paid");
        await Screenshots.SaveAsync(page, "18-my-bookings-paid");

        // The trainer's open schedule shows the paid session without a reload.
        var onSchedule = trainerPage.Locator($"[data-session='{sessionId}']");
        await Expect(onSchedule).ToContainTextAsync("Aisha Rahman");
        await Expect(onSchedule).ToContainTextAsync("Confirmed");
        await Screenshots.SaveAsync(trainerPage, "19-trainer-schedule-live");

        // A session only counts once it has happened: the trainer marks yesterday's (demo) session completed.
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer/sessions");
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "My sessions", Level = 1 })).ToBeVisibleAsync();
        var completeName = new Regex("^Mark the session of .* completed$");
        var complete = trainerPage.GetByRole(AriaRole.Button, new() { NameRegex = completeName }).First;
        await Expect(complete).ToBeEnabledAsync();
        await Expect(trainerPage).ToHaveTitleAsync(new Regex("^My sessions · "));
        await Accessibility.CheckAsync(trainerPage, "trainer-sessions");
        var completedRow = trainerPage.Locator("tr[data-session]").Filter(new() { Has = trainerPage.GetByRole(AriaRole.Button, new() { NameRegex = completeName }) }).First;
        var completedId = await completedRow.GetAttributeAsync("data-session");
        completedId.ShouldNotBeNullOrEmpty();
        await completedRow.GetByRole(AriaRole.Button, new() { NameRegex = completeName }).ClickAsync();
        await Expect(trainerPage.GetByText("Marked completed; it will be paid in the next pay run.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(trainerPage, "20-trainer-session-completed");

        // The completed session reached Payroll (through Bookings' TrainerSessionCompleted event): it is on the
        // trainer's earnings page, waiting for the next pay run, at the trainer's per-session rate.
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer/earnings");
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "My earnings", Level = 1 })).ToBeVisibleAsync();
        var nextRun = trainerPage.Locator("tr[data-period='next']");
        await Expect(nextRun).ToContainTextAsync("Next pay run");
        await Expect(nextRun).ToContainTextAsync("$45.00 a session");
        await Expect(trainerPage.Locator($"li[data-session='{completedId}']")).ToBeVisibleAsync();
        await Expect(trainerPage).ToHaveTitleAsync(new Regex("^My earnings · "));
        await Accessibility.CheckAsync(trainerPage, "trainer-earnings");
        await Screenshots.SaveAsync(trainerPage, "21-trainer-earnings");

        // The dashboard counts it in the week's earnings; the roster lists the member who booked and paid.
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer");
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your day"), Level = 1 })).ToBeVisibleAsync();
        await Expect(trainerPage.GetByRole(AriaRole.Region, new() { Name = "This week's earnings" })).ToContainTextAsync("delivered");
        await Expect(trainerPage).ToHaveTitleAsync(new Regex("^Today · "));
        await Accessibility.CheckAsync(trainerPage, "trainer-dashboard");
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer/clients");
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "Aisha Rahman", Level = 2 })).ToBeVisibleAsync();
        await Expect(trainerPage).ToHaveTitleAsync(new Regex("^My clients · "));
        await Accessibility.CheckAsync(trainerPage, "trainer-clients");
        await Screenshots.SaveAsync(trainerPage, "22-trainer-clients");

        errors.ShouldBeEmpty();
        trainerErrors.ShouldBeEmpty();
    }
}
