using System.Text.RegularExpressions;

namespace Derrimut.E2E;

/// <summary>
/// Classes in a real browser: a member joins a full class's waitlist, the booked member cancels, the waiting member's
/// open page shows the promotion live; then the front-desk kiosk checks them in with the code from their phone.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    // The demo's "Reformer intro" the day after tomorrow at 12:30 (one spot) is held by Mia Member, with no one waiting.
    private static readonly Regex FullReformer = new("12:30");

    [Fact]
    public async Task LetAMemberJoinAWaitlistSeeThePromotionLiveAndCheckInAtTheKioskWithTheirCode()
    {
        // Marco (multi-club plan, home gym St Albans) has his classes open first, so the promotion must reach it live.
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        await page.GotoAsync(Server.Site("st-albans") + "/member/classes");
        await SignInAsync(page, $"multi@{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your class bookings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My classes · "));
        await Accessibility.CheckAsync(page, "my-classes");

        await page.GotoAsync(Server.Site("st-albans") + "/classes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Group classes this week", Level = 1 })).ToBeVisibleAsync();
        var join = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Join waitlist for Reformer intro at 12:30") });
        await Expect(join).ToBeEnabledAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Classes · "));
        await Accessibility.CheckAsync(page, "timetable");
        await join.ClickAsync();
        await Expect(page.GetByText("Reformer intro is full: you are number 1 on the waitlist.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "21-timetable-waitlisted");

        await page.GotoAsync(Server.Site("st-albans") + "/member/classes");
        var mine = page.GetByTestId("my-class").Filter(new() { HasText = "Reformer intro" }).Filter(new() { HasTextRegex = FullReformer });
        await Expect(mine.GetByTestId("my-class-status")).ToHaveTextAsync("Waitlist, number 1");
        await Expect(page.GetByTestId("cancel-class").First).ToBeEnabledAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^My classes · "));
        await Accessibility.CheckAsync(page, "my-classes-waitlisted");

        // Mia gives her spot back from her own classes page.
        var (miaContext, miaPage, miaErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = miaContext;
        await miaPage.GotoAsync(Server.Site("st-albans") + "/member/classes");
        await SignInAsync(miaPage, $"member@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        var held = miaPage.GetByTestId("my-class").Filter(new() { HasText = "Reformer intro" }).Filter(new() { HasTextRegex = FullReformer });
        await Expect(held.GetByTestId("my-class-status")).ToHaveTextAsync("Booked");
        var cancel = held.GetByTestId("cancel-class");
        await Expect(cancel).ToBeEnabledAsync();
        await Expect(miaPage).ToHaveTitleAsync(new Regex("^My classes · "));
        await Accessibility.CheckAsync(miaPage, "my-classes-booked");
        await cancel.ClickAsync();
        await Expect(miaPage.GetByText("Cancelled Reformer intro.")).ToBeVisibleAsync();

        // Marco's open page shows the promotion without a reload.
        await Expect(mine.GetByTestId("my-class-status")).ToHaveTextAsync("Booked");
        await Expect(page.GetByTestId("classes-updated")).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "my-classes-promoted");
        await Screenshots.SaveAsync(page, "22-my-classes-promoted-live");

        // At the gym: Marco shows his code; the front desk (a scanner types it) checks him in.
        await page.GotoAsync(Server.Site("st-albans") + "/member/check-in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your check-in code", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("check-in-qr").Locator("svg")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Check in · "));
        await Accessibility.CheckAsync(page, "member-check-in");
        var code = (await page.GetByTestId("check-in-code").TextContentAsync())!.Trim();
        code.ShouldStartWith("DM1.");

        var (deskContext, desk, deskErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var ___ = deskContext;
        await desk.GotoAsync(Server.Site("st-albans") + "/desk/check-in");
        await SignInAsync(desk, $"admin@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Check members in", Level = 1 })).ToBeVisibleAsync();
        var checkIn = desk.GetByTestId("desk-check-in");
        await Expect(checkIn).ToBeEnabledAsync();
        await Expect(desk).ToHaveTitleAsync(new Regex("^Front desk check-in · "));
        await Accessibility.CheckAsync(desk, "desk-check-in");
        await desk.GetByTestId("desk-code").FillAsync(code);
        await checkIn.ClickAsync();
        await Expect(desk.GetByTestId("desk-result")).ToContainTextAsync("Welcome in, Marco Multisite");
        await Expect(desk.GetByTestId("desk-reason")).ToHaveTextAsync("Active membership");
        await Accessibility.CheckAsync(desk, "desk-checked-in");
        await Screenshots.SaveAsync(desk, "23-desk-checked-in");

        // The staff lists: the visit shows at once; the attendance list reads.
        await desk.GotoAsync(Server.Site("st-albans") + "/desk/attendance");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Attendance and no-shows", Level = 1 })).ToBeVisibleAsync();
        await Expect(desk).ToHaveTitleAsync(new Regex("^Class attendance · "));
        await Accessibility.CheckAsync(desk, "desk-attendance");

        errors.ShouldBeEmpty();
        miaErrors.ShouldBeEmpty();
        deskErrors.ShouldBeEmpty();
    }
}
