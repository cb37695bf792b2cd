namespace Talka.Web.Tests;

/// <summary>A form refused comes back with what the user typed, not with what was saved before.</summary>
public sealed class FormRetentionTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_refused_budget_comes_back_as_typed_not_as_saved()
    {
        var id = await TestProjects.CreateAsync(factory, "Sąmata kaip įvesta");
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await browser.GetStringAsync($"/projects/{id}/finance");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["budgetVersion"] = "0",
            ["Lines[0].Category"] = "Personnel", ["Lines[0].Grant"] = "12 500,50", ["Lines[0].Own"] = "",
            ["Lines[1].Category"] = "EventsAndTraining", ["Lines[1].Grant"] = "dvylika", ["Lines[1].Own"] = "300",
        };
        var response = await browser.PostAsync($"/projects/{id}/finance?handler=Budget", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"12 500,50\"", html);
        Assert.Contains("value=\"dvylika\"", html);
        Assert.Contains("value=\"300\"", html);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Set<Talka.Domain.Finance.BudgetLine>().Where(l => l.ProjectId == id))));
    }

    [Fact]
    public async Task A_refused_amendment_request_comes_back_open_with_what_was_typed()
    {
        var id = await TestProjects.CreateAsync(factory, "Pakeitimo prašymas kaip įvestas");
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await browser.GetStringAsync($"/projects/{id}/payments");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["kind"] = "BudgetReallocation", ["from"] = "Personnel",
            ["to"] = "Publicity", ["moved"] = "tūkstantis", ["reason"] = "Leidinys brangesnis, nei planuota.",
        };
        var response = await browser.PostAsync($"/projects/{id}/payments?handler=Amend", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<details open", html);
        Assert.Contains("value=\"tūkstantis\"", html);
        Assert.Contains("Leidinys brangesnis, nei planuota.</textarea>", html);
        Assert.Matches("<option value=\"Personnel\" selected=\"selected\">", html);
        Assert.Matches("<option value=\"BudgetReallocation\" selected=\"selected\">", html);
    }
}
