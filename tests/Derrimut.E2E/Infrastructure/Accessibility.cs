using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Derrimut.E2E.Infrastructure;

/// <summary>
/// Checks a page the journey is on against axe-core's WCAG 2.0/2.1 A and AA rules (the engine ships inside the
/// package: nothing is downloaded). A violation fails the journey and names the rule and the elements.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Fails when the page, as it is now, breaks a WCAG 2.1 AA rule that axe can check.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        // Blazor's head outlet re-renders the <title> when an interactive page's circuit starts, so for a moment the
        // document has none, and axe may run in that moment: wait for a title, and judge again when the title was the
        // only finding (a page that never gets one still fails, on axe's document-title rule).
        AxeResult result;
        var attempt = 0;
        do
        {
            await WaitForTitleAsync(page);
            await WaitForTransitionsAsync(page);
            result = await page.RunAxe(WcagAa);
        }
        while (++attempt < 3 && result.Violations.Length > 0 && result.Violations.All(v => v.Id == "document-title"));

        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {string.Join(" ", n.Target)}  {n.Html}")))
            .ToList();
        violations.ShouldBeEmpty($"axe found WCAG 2.1 AA violations on '{name}' ({page.Url})");
    }

    // A button re-enabled after a click fades from its disabled colours (MudBlazor's 250 ms transition); axe judging
    // contrast mid-fade reported a colour no one sees at rest (seen once: "Book" next to the class just joined). Finite
    // animations and transitions are waited out; endless ones (spinners) are not waited for.
    private static async Task WaitForTransitionsAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
                null,
                new() { Timeout = 3000 });
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task WaitForTitleAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.title.trim().length > 0", null, new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
        }
    }
}
