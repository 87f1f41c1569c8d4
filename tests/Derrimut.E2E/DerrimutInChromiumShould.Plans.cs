using System.Text.RegularExpressions;

namespace Derrimut.E2E;

/// <summary>The plan pages, now the AiPlans module's own: a member's form and a trainer's approval, each a page call.</summary>
public sealed partial class DerrimutInChromiumShould
{
    [Fact]
    public async Task LetAMemberGenerateAPlanOnTheFormAndATrainerApproveIt()
    {
        var (context, page, errors) = await fixture.NewPageAsync(1440, 1000);
        await using var _ = context;

        await page.GotoAsync(Server.Site("st-albans") + "/member/plans/new");
        await SignInAsync(page, $"member3@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Generate my plan", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("generate-plan")).ToBeEnabledAsync();
        await Accessibility.CheckAsync(page, "generate-plan-form");

        // The API's own rule refuses the age, shown under the field.
        await page.GetByLabel("Age (years)").FillAsync("7");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByLabel("Height (cm)").FillAsync("165");
        await page.GetByLabel("Weight (kg)").FillAsync("64.5");
        await page.GetByLabel("How active is your day, outside the gym?").SelectOptionAsync("light");
        await page.GetByLabel("Main goal").SelectOptionAsync("general fitness");
        await page.GetByLabel("Experience").SelectOptionAsync("beginner");
        foreach (var day in new[] { "Monday", "Wednesday", "Friday" })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = day, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Knee", Exact = true }).CheckAsync();
        await page.GetByTestId("generate-plan").ClickAsync();
        await Expect(page.GetByText("Age must be between 14 and 100 years; got 7.")).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "generate-plan-form-with-error");

        await page.GetByLabel("Age (years)").FillAsync("29");
        await page.GetByTestId("generate-plan").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/member/plans$"));
        await Expect(page.GetByText("Not yet reviewed by a trainer.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Monday, Wednesday, Friday").First).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "my-plan");

        var (trainerContext, trainerPage, trainerErrors) = await fixture.NewPageAsync(1440, 1000);
        await using var __ = trainerContext;
        await trainerPage.GotoAsync(Server.Site("st-albans") + "/trainer/plans");
        await SignInAsync(trainerPage, $"trainer@st-albans.{DerrimutServer.RootDomain}", DemoPassword);
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "Client plans", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(trainerPage, "client-plans");
        await trainerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Aisha Rahman" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(trainerPage.GetByRole(AriaRole.Heading, new() { Name = "Aisha Rahman's plan" })).ToBeVisibleAsync();
        await Expect(trainerPage.GetByTestId("approve-plan")).ToBeEnabledAsync();
        await trainerPage.GetByTestId("approve-plan").ClickAsync();
        await Expect(trainerPage.GetByText("Approved. The member now sees it was reviewed by you.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(trainerPage, "14-trainer-approved-plan");

        // The member's open page hears of it (a live update) and shows the review.
        await Expect(page.GetByText("Reviewed by Tara Trainer", new() { Exact = false })).ToBeVisibleAsync();
        errors.ShouldBeEmpty();
        trainerErrors.ShouldBeEmpty();
    }
}
