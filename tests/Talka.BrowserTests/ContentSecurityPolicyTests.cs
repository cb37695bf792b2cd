using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Talka.BrowserTests;

/// <summary>
/// The Content-Security-Policy (scripts, styles and images from Talka only, nothing inline) breaks nothing: on every
/// kind of
/// page a visitor and a member open, the browser reports no violation and no script error, and the scripts still work.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private static async Task<List<string>> WatchAsync(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        // Reported by the browser itself for every blocked script, style, image or frame (init scripts are not subject
        // to the policy).
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        return problems;
    }

    private static async Task VisitAsync(IPage page, string url, List<string> problems)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Ok, $"{url} answered {response.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var header = await response.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", header);
        foreach (var violation in await page.EvaluateAsync<string[]>("() => window.__violations")) problems.Add($"{url}: {violation}");
    }

    [Fact]
    public async Task Pages_work_under_the_policy_with_no_violation_reported()
    {
        var api = await fixture.Talka.ApiAsAsync(null);
        var programme = (await api.GetFromJsonAsync<JsonElement>("/api/v1/programmes")).EnumerateArray().First().GetProperty("id").GetGuid();
        var ssi = await fixture.SeedProjectIdAsync();

        var visitor = await fixture.PageAsync();
        var problems = await WatchAsync(visitor);
        foreach (var url in new[] { "/", "/projects", "/programmes", $"/programmes/details/{programme}", $"/projects/details/{ssi}", "/account/login" })
            await VisitAsync(visitor, url, problems);
        // The charts are drawn by the app's own scripts.
        Assert.True(await visitor.EvaluateAsync<bool>("() => document.querySelectorAll('canvas').length === 0 || typeof Chart !== 'undefined'"));

        var member = await fixture.PageAsync("ssi@demo.talka.lt");
        problems.AddRange(await WatchAsync(member));
        var memberApi = await fixture.Talka.ApiAsAsync("ssi@demo.talka.lt");
        var eventId = (await memberApi.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{ssi}/events")).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var url in new[]
        {
            $"/projects/{ssi}/indicators", $"/projects/{ssi}/events", $"/projects/{ssi}/events/{eventId}", $"/projects/{ssi}/participants",
            $"/projects/{ssi}/volunteers", $"/projects/{ssi}/deliverables", $"/projects/{ssi}/finance", $"/projects/{ssi}/reports",
            $"/projects/{ssi}/import", $"/projects/edit-plan/{ssi}",
        })
            await VisitAsync(member, url, problems);
        // The indicators' bars are drawn without inline styles.
        await BrowserFixture.ScreenshotAsync(member, "30-csp-deliverables");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
