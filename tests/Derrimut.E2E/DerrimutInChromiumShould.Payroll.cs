namespace Derrimut.E2E;

/// <summary>The payroll pages, now the Payroll module's own, as an admin, a trainer and the superadmin see them (axe on each).</summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task ShowThePayrollPagesToTheirPeopleAndPassAccessibilityChecks()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;
        var site = Server.Site("st-albans");

        await page.GotoAsync(site + "/admin/payroll");
        await SignInAsync(page, $"admin@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        foreach (var (path, heading) in new[]
                 {
                     ("/admin/payroll", "Pay settings"),
                     ("/admin/payroll/timesheets", "Timesheets"),
                     ("/admin/payroll/runs", "Pay runs"),
                     ("/admin/payroll/employer", "Employer details and public holidays"),
                     ("/admin/payroll/calculator", "Tax and super calculator"),
                 })
        {
            await page.GotoAsync(site + path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Accessibility.CheckAsync(page, "payroll" + path.Replace('/', '-'));
        }

        // Bank details are masked on the pay settings form; a payroll admin reveals one on purpose (recorded in the audit).
        await page.GotoAsync(site + "/admin/payroll");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Tara Trainer" }).ClickAsync();
        await Expect(page.GetByTestId("bank-account")).ToHaveTextAsync("BSB •••-••• account •••678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reveal the full account (recorded)" }).ClickAsync();
        await Expect(page.GetByTestId("revealed-bank-account")).ToContainTextAsync("BSB 062-000, account 12345678");
        await page.GotoAsync(site + "/admin/payroll/employer");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bank details audit" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "revealed" }).Filter(new() { HasText = "Tara Trainer" }).First).ToBeVisibleAsync();

        // The demo's last finalised run opens with its payslips and the super contributions download.
        await page.GotoAsync(site + "/admin/payroll/runs");
        // Followed by its address rather than clicked: a click can land while the interactive render replaces the
        // prerendered table, and then nothing navigates (seen in CI).
        var runLink = await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "finalised" }).GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        await page.GotoAsync(new Uri(new Uri(page.Url), runLink).ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download super contributions (clearing house CSV)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("super-due")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "15-finalised-pay-run");

        var (trainerContext, trainerPage, trainerErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = trainerContext;
        await trainerPage.GotoAsync(site + "/payslips");
        await SignInAsync(trainerPage, $"trainer@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "My payslips", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(trainerPage, "my-payslips");
        await trainerPage.GotoAsync(site + "/timesheet");
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "My timesheet", Level = 1 })).ToBeVisibleAsync();
        await trainerPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(trainerPage, "my-timesheet");

        var (platformContext, platformPage, platformErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var ___ = platformContext;
        await platformPage.GotoAsync(Server.Site("admin") + "/platform/payroll/tax-tables");
        await SignInAsync(platformPage, $"superadmin@{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(platformPage.GetByRole(AriaRole.Heading, new() { Name = "Tax tables and super rules", Level = 1 })).ToBeVisibleAsync();
        await platformPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(platformPage, "16-tax-tables");

        errors.ShouldBeEmpty();
        trainerErrors.ShouldBeEmpty();
        platformErrors.ShouldBeEmpty();
    }
}
