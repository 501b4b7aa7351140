using System.Text.Json;
using Microsoft.Playwright;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// What the UI tests check on every main page: axe-core (installed from npm by scripts/test.sh, at the version
/// Ui/axe/package-lock.json pins) finds no serious or critical violation, the page fits the width of the browser's
/// window (1280 px), and a screenshot is saved: under the test output's screenshots folder, or where
/// CONTRACTREGIE_SCREENSHOTS points (e.g. docs/screenshots).
/// </summary>
public static class PageChecks
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath()));

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("CONTRACTREGIE_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The serious and critical axe violations of the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's CSP (no inline script) needs no exception.
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>
    /// Asserts axe finds nothing serious and the page does not scroll sideways, and saves a full-page screenshot as
    /// <paramref name="name"/>.png.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        // The pages load nothing after their load event (stylesheet, script and charts are in by then); waiting for the
        // network to fall idle once hung for 30 s after a page that had long loaded.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
        // A table wider than the window hides its last columns until one scrolls the whole page sideways.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a window of {widths[1]} px.");
    }

    private static string AxePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "ContractRegie.Web.Tests", "Ui", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("axe-core is not installed: run the tests with scripts/test.sh (npm ci in tests/ContractRegie.Web.Tests/Ui/axe).");
    }
}
