namespace Derrimut.E2E;

/// <summary>
/// Issue 17's journey: a gym admin opens the dashboard, drills from "failed payments to chase" into the memberships
/// list, opens a report and exports its CSV; the franchise admin sees the four gyms side by side on the franchise's
/// site; the superadmin sees the platform's growth and webhook health (axe on each page visited). Read-only, so the other journeys' data stays as seeded.
/// </summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task LetAnAdminDrillFromTheDashboardAndExportAReportAndAFranchiseAdminCompareTheGyms()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        var site = Server.Site("werribee");

        await page.GotoAsync(site + "/admin");
        await SignInAsync(page, $"admin@werribee.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Derrimut 24:7 Gym Werribee", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-tile='failedPayments']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-tile='activeMembers'] [data-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-dashboard");
        await Screenshots.SaveAsync(page, "17-admin-dashboard");

        await page.Locator("[data-tile='failedPayments']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Memberships", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync(site + "/admin/reports/attendance");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attendance", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("heatmap")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, "admin-report-attendance");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("werribee-attendance-");
        download.SuggestedFilename.ShouldEndWith(".csv");
        var file = await download.PathAsync();
        (await File.ReadAllLinesAsync(file))[0].ShouldBe("check_in_id,at,person_id,home_location_id,visit_from_elsewhere");

        var (franchiseContext, franchisePage, franchiseErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = franchiseContext;
        await franchisePage.GotoAsync(Server.Site("derrimut-group") + "/admin");
        await SignInAsync(franchisePage, $"franchise-admin@{DerrimutServer.RootDomain}", DemoPassword);
        var rollup = franchisePage.GetByTestId("franchise-rollup");
        await Expect(rollup).ToBeVisibleAsync();
        // The four demo gyms by name, not a count: another journey in the same run may open a fifth Derrimut location.
        await Expect(rollup.Locator("thead th[data-location]").First).ToBeVisibleAsync();
        foreach (var gym in new[] { "Derrimut", "St Albans", "Sunshine West", "Werribee" })
        {
            await Expect(rollup.Locator("thead")).ToContainTextAsync($"Derrimut 24:7 Gym {gym}");
        }

        await Expect(rollup.Locator("thead")).Not.ToContainTextAsync("Coburg");
        await franchisePage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(franchisePage, "franchise-dashboard");
        await Screenshots.SaveAsync(franchisePage, "17-franchise-dashboard");

        // The superadmin's platform view: growth over twelve months and each gym's webhook health (decision 0058).
        var (platformContext, platformPage, platformErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var ___ = platformContext;
        await platformPage.GotoAsync(Server.Site("admin") + "/platform/reports");
        await SignInAsync(platformPage, $"superadmin@{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(platformPage.GetByTestId("platform-growth")).ToBeVisibleAsync();
        await Expect(platformPage.GetByTestId("platform-growth").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(platformPage.GetByTestId("platform-webhooks")).ToContainTextAsync("Derrimut 24:7 Gym Werribee");
        await Expect(platformPage.GetByTestId("franchise-rollup").First).ToBeVisibleAsync();
        await platformPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(platformPage, "platform-reports");
        await Screenshots.SaveAsync(platformPage, "17-platform-reports");

        errors.ShouldBeEmpty();
        franchiseErrors.ShouldBeEmpty();
        platformErrors.ShouldBeEmpty();
    }
}
