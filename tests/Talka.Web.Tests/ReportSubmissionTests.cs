using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Nothing typed is lost: a narrative typed but not saved is saved with the submission and frozen in the
/// version.</summary>
public sealed class ReportSubmissionTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_narrative_typed_but_not_saved_is_in_the_submitted_version()
    {
        var id = await TestProjects.CreateAsync(factory, "Pasakojimų ataskaita");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var plan = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new
        {
            version = plan.GetProperty("version").GetInt32(), title = "Pasakojimų ataskaita",
            objectives = new[] { new { text = "Stiprinti šeimas" } },
            activities = new[] { new { objectiveNumber = 1, kind = "Training", title = "Mokymai tėvams" } },
        })).EnsureSuccessStatusCode();
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "Activity").GetProperty("id").GetGuid();
        var view = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
        var activity = view.GetProperty("content").GetProperty("narratives")[0].GetProperty("activityId").GetGuid();

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = await browser.GetStringAsync($"/projects/{id}/reports/{report}");
        Assert.Contains("data-confirm=\"Pateikti ataskaitą?", page);
        var submitted = await browser.PostAsync($"/projects/{id}/reports/{report}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = view.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Narratives[{activity}]"] = "Mokymuose dalyvavo 12 tėvų iš trijų seniūnijų.",
            ["__RequestVerificationToken"] = Html.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var frozen = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}?version=1");
        Assert.Equal("Mokymuose dalyvavo 12 tėvų iš trijų seniūnijų.", frozen.GetProperty("content").GetProperty("narratives")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_report_with_an_undescribed_activity_is_refused_naming_it_and_keeps_what_was_typed()
    {
        var id = await TestProjects.CreateAsync(factory, "Privalomi aprašymai");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var plan = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new
        {
            version = plan.GetProperty("version").GetInt32(), title = "Privalomi aprašymai",
            objectives = new[] { new { text = "Stiprinti šeimas" } },
            activities = new[]
            {
                new { objectiveNumber = 1, kind = "Training", title = "Mokymai tėvams" },
                new { objectiveNumber = 1, kind = "Supervision", title = "Darbuotojų supervizija" },
            },
        })).EnsureSuccessStatusCode();
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "Final").GetProperty("id").GetGuid();
        var view = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
        var activities = view.GetProperty("content").GetProperty("narratives").EnumerateArray()
            .ToDictionary(n => n.GetProperty("activity").GetString()!, n => n.GetProperty("activityId").GetGuid());

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = await browser.GetStringAsync($"/projects/{id}/reports/{report}");
        Assert.Contains("data-unsaved", page);
        var refused = await browser.PostAsync($"/projects/{id}/reports/{report}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = view.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Narratives[{activities["Mokymai tėvams"]}]"] = "Mokymuose dalyvavo 12 tėvų.",
            [$"Narratives[{activities["Darbuotojų supervizija"]}]"] = "",
            ["__RequestVerificationToken"] = Html.Token(page),
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Ataskaitos negalima pateikti: neaprašytos veiklos „Darbuotojų supervizija“.", Html.Text(answer));
        Assert.Contains("Mokymuose dalyvavo 12 tėvų.</textarea>", answer); // what was typed is still in the form
        var still = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
        Assert.Equal("Draft", still.GetProperty("report").GetProperty("status").GetString());

        // The API refuses the same way.
        var api = await member.PostAsJsonAsync($"/api/v1/projects/{id}/reports/{report}/submit", new { version = still.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("„Mokymai tėvams“, „Darbuotojų supervizija“", await api.Content.ReadAsStringAsync());
    }
}
