using System.Text.Json;
using Deque.AxeCore.Commons;
using OpenQA.Selenium;

namespace ParkCycle.Server.Tests;

/// <summary>
/// axe-core (the copy bundled in Deque.AxeCore.Commons, 4.14) run by hand in the page under test: injected with
/// ExecuteScript, run with ExecuteAsyncScript. Selenium.Axe would do the same, but its last release (2.0.3) is old.
/// It checks what is rendered and visible at the moment it runs, so each view is audited while it is shown.
/// </summary>
public static class AccessibilityAudit
{
    /// <summary>
    /// WCAG 2.0, 2.1 and 2.2 at levels A and AA (contrast, labels, names, aria-*, language), plus axe's best practices
    /// (landmarks, regions, headings), which WCAG's 1.3.1 and 2.4.1 are read through.
    /// </summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunScript = """
        const [tags, done] = [arguments[0], arguments[arguments.length - 1]];
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
          .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary ?? '').replace(/\s+/g, ' ')) })))))
          .catch(e => done('error: ' + e));
        """;

    /// <summary>The violations on the page as it is now, named by <paramref name="page"/>.</summary>
    public static IReadOnlyList<AxeViolation> Run(IWebDriver driver, string page)
    {
        var js = (IJavaScriptExecutor)driver;
        if (js.ExecuteScript("return typeof window.axe === 'object';") is not true)
        {
            js.ExecuteScript(AxeSource.Value);
        }

        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var json = (string)js.ExecuteAsyncScript(RunScript, (object)Tags.ToList())!;
        Assert.False(json.StartsWith("error:", StringComparison.Ordinal), $"axe-core failed on {page}: {json}");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(v => new AxeViolation(page, v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString(), v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
