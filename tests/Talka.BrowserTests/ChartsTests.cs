using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ChartsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_programme_page_draws_its_charts_from_the_records_for_a_visitor()
    {
        var api = await fixture.Talka.ApiAsAsync(null);
        var programmes = await api.GetFromJsonAsync<JsonElement>("/api/v1/programmes");
        var programme = programmes.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Nevyriausybinių organizacijų institucinių gebėjimų stiprinimas").GetProperty("id").GetGuid();
        var page = await fixture.PageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var response = await page.GotoAsync($"/programmes/details/{programme}");
        Assert.Equal(200, response!.Status);
        // Chart.js came from the app itself, and every chart was drawn.
        foreach (var id in new[] { "chart-funds", "chart-target-groups", "chart-municipalities", "chart-hours" })
            Assert.True(await page.EvaluateAsync<bool>($"() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('{id}')) !== undefined"), id);
        Assert.Empty(scriptErrors);
        var hours = page.Locator("figure").Filter(new() { HasText = "Akademinės valandos pagal renginio rūšį" });
        await Assertions.Expect(hours.GetByRole(AriaRole.Row, new() { Name = "Mokymai 104" })).ToBeVisibleAsync();
        await Assertions.Expect(hours.GetByRole(AriaRole.Row, new() { Name = "Seminaras 46" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure").Filter(new() { HasText = "Lėšos pagal metus" }).GetByRole(AriaRole.Row, new() { Name = "2022 47\u00A0511,61\u00A0€" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure").Filter(new() { HasText = "Dalyviai pagal tikslinę grupę" }).GetByRole(AriaRole.Row, new() { Name = "NVO darbuotojai ir savanoriai 209" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "20-programme-charts");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
    }
}
