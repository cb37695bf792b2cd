using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Registers are paged on the server: 50 a page, in order, the total counted in the database.</summary>
public sealed class RegisterPagingTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task The_events_register_comes_fifty_a_page_by_number_on_the_page_and_in_the_api()
    {
        var project = await TestProjects.CreateAsync(factory, "Daug renginių");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        for (var i = 1; i <= 53; i++)
            (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new
            {
                kind = i % 10 == 0 ? "Seminar" : "Training", topic = $"Užsiėmimas {i}", start = "2022-05-02", end = "2022-05-02", sessions = 1,
                hoursPerSession = 2,
            })).EnsureSuccessStatusCode();

        var first = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events");
        Assert.Equal(53, first.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Range(1, 50), first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var second = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?page=2");
        Assert.Equal([51, 52, 53], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var seminars = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?kind=Seminar");
        Assert.Equal([10, 20, 30, 40, 50], seminars.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var quarter = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?quarter=2022Q2&page=2");
        Assert.Equal(53, quarter.GetProperty("total").GetInt32());
        Assert.Equal(3, quarter.GetProperty("items").GetArrayLength());

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = Html.Text(await browser.GetStringAsync($"/projects/{project}/events?page=2"));
        Assert.Contains("Užsiėmimas 53", page);
        Assert.DoesNotContain("Užsiėmimas 50 ", page);
        Assert.Contains("Puslapis 2 iš 2 (iš viso 53)", page);
    }
}
