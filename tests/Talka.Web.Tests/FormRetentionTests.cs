using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task A_refused_signature_and_a_refused_payment_come_back_with_what_was_typed()
    {
        var id = await TestProjects.CreateAsync(factory, "Pasirašymas kaip įvestas");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/payments"))
            .GetProperty("agreement").GetProperty("version").GetInt32();
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync($"/projects/{id}/payments");
        // No signing day: refused, the signatories typed are still there.
        var response = await browser.PostAsync($"/projects/{id}/payments?handler=Sign", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Html.Token(form), ["version"] = version.ToString(),
                ["signedOn"] = "", ["signatories"] = "Direktorė R. Rūtienė",
            }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Direktorė R. Rūtienė\"", html);
        Assert.Contains("Šis laukas privalomas.", html);
        Assert.Equal(version, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/payments"))
            .GetProperty("agreement").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_refused_volunteer_and_refused_hours_come_back_with_what_was_typed()
    {
        var id = await TestProjects.CreateAsync(factory, "Savanoriai kaip įvesti");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var volunteer = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/volunteers",
            new { name = "Rūta Savanorė", trained = true, active = true })).IdOf();
        await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/volunteers",
            new { name = "Antanas Pirmas", trained = false, active = true })).IdOf();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = await browser.GetStringAsync($"/projects/{id}/volunteers");
        var token = Html.Token(page);
        // The hours form posts to its handler and keeps the page of volunteers it was on.
        var hoursAction = System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(page, "action=\"(\\?handler=Hours[^\"]*)\"").Groups[1].Value);
        Assert.Equal("?handler=Hours&page=1", hoursAction);

        // A volunteer without a name: refused; the role, the day and the ticks come back as they were.
        var added = await browser.PostAsync($"/projects/{id}/volunteers?handler=Add", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Name"] = "", ["Role"] = "Renginių koordinatorė",
                ["RecruitedOn"] = "2022-03-01", ["Trained"] = "true",
            }));
        var html = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("value=\"Renginių koordinatorė\"", html);
        Assert.Contains("value=\"2022-03-01\"", html);
        Assert.Matches("name=\"Trained\" value=\"true\" checked=\"checked\"", html);
        Assert.DoesNotMatch("name=\"Active\" value=\"true\" checked", html);

        // Hours in words: refused; the volunteer chosen, the day and the text typed come back.
        var hours = await browser.PostAsync($"/projects/{id}/volunteers{hoursAction}", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["VolunteerId"] = volunteer.ToString(), ["Day"] = "2022-04-02",
                ["Hours"] = "trys", ["Note"] = "Stovykla",
            }));
        html = await hours.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        Assert.Contains($"<option value=\"{volunteer}\" selected=\"selected\">Rūta Savanorė</option>", html);
        Assert.Contains("value=\"trys\"", html);
        Assert.Contains("value=\"2022-04-02\"", html);
        Assert.Contains("value=\"Stovykla\"", html);
        Assert.Equal(2, await factory.WithDbAsync(db =>
            db.Set<Talka.Domain.Delivery.Volunteer>().CountAsync(v => v.ProjectId == id)));
    }

    [Fact]
    public async Task Scores_saved_before_a_refused_submission_can_be_saved_again_from_the_page_that_comes_back()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (application, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 10_000m);
        var (expert, expertId, email) = await TestEvaluation.ExpertAsync(factory);
        var assignment = await TestEvaluation.AssignAsync(admin, call, application, expertId);
        (await expert.PostAsJsonAsync($"/api/v1/assignments/{assignment}/declaration", new { conflict = false }))
            .EnsureSuccessStatusCode();
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var page = await browser.GetStringAsync($"/assignments/{assignment}");
        var version = Html.HiddenValue(page, "Version");
        Dictionary<string, string> Scores(string version, string? justificationB) => new()
        {
            ["__RequestVerificationToken"] = Html.Token(page), ["Version"] = version,
            ["Scores[0].Code"] = "A", ["Scores[0].Points"] = "45", ["Scores[0].Justification"] = "Aktualu regionui.",
            ["Scores[1].Code"] = "B", ["Scores[1].Points"] = "30", ["Scores[1].Justification"] = justificationB ?? "",
        };

        // B without its justification: the scores are saved, the submission refused, the page comes back.
        var submitted = await browser.PostAsync($"/assignments/{assignment}?handler=Submit",
            new FormUrlEncodedContent(Scores(version, null)));
        var again = await submitted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("Pagrįskite kriterijaus „B“ balus.", again);
        var saved = (await expert.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/{assignment}"))
            .GetProperty("version").GetInt32();
        Assert.Equal(saved.ToString(), Html.HiddenValue(again, "Version"));

        // The justification added on that page saves (it carries the saved version, not the one it was opened with).
        var completed = await browser.PostAsync($"/assignments/{assignment}?handler=Save",
            new FormUrlEncodedContent(Scores(Html.HiddenValue(again, "Version"), "Biudžetas pagrįstas.")));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
    }
}
