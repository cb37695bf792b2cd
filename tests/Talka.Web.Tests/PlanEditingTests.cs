using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Editing a project plan: by its organisation's member, with concurrent edits refused and every change recorded.</summary>
public sealed class PlanEditingTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private async Task<Guid> CaritasProjectAsync() => await factory.WithDbAsync(db =>
        db.Projects.Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "Vilniaus arkivyskupijos CARITAS")).Select(p => p.Id).SingleAsync());

    private static Dictionary<string, string> PlanForm(string html, string token, string title)
    {
        // What the browser would send back: every field of the form as shown, with the title changed.
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
                     "<(?:input|textarea)[^>]*?name=\"(Input\\.[^\"]+)\"[^>]*?(?:value=\"([^\"]*)\"[^>]*)?>(?:([^<]*)</textarea>)?"))
        {
            var name = m.Groups[1].Value;
            if (html.Contains($"type=\"checkbox\" name=\"{name}\"")) continue;
            fields[name] = WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        }
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
                     "<select[^>]*name=\"(Input\\.Activities\\[\\d+\\]\\.(?:ObjectiveNumber|Kind))\"[^>]*>.*?<option selected=\"selected\" value=\"([^\"]*)\"", System.Text.RegularExpressions.RegexOptions.Singleline))
            fields[m.Groups[1].Value] = m.Groups[2].Value;
        fields["Input.Title"] = title;
        return fields;
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_and_overwrites_nothing()
    {
        var id = await CaritasProjectAsync();
        var member = await factory.BrowserAsAsync("caritas@demo.talka.lt");
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        // Both open the plan form at the same version.
        var memberForm = await member.GetStringAsync($"/projects/edit-plan/{id}");
        var adminForm = await admin.GetStringAsync($"/projects/edit-plan/{id}");

        var first = await member.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(PlanForm(memberForm, Html.Token(memberForm), "Pirmojo naudotojo pavadinimas")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await admin.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(PlanForm(adminForm, Html.Token(adminForm), "Antrojo naudotojo pavadinimas")));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Kol redagavote, šį įrašą pakeitė kitas naudotojas.", Html.Text(await second.Content.ReadAsStringAsync()));

        var saved = await factory.WithDbAsync(db => db.Projects.Include(p => p.Objectives).Include(p => p.Activities).SingleAsync(p => p.Id == id));
        Assert.Equal("Pirmojo naudotojo pavadinimas", saved.Title);
        Assert.Equal(5, saved.Objectives.Count);
        Assert.Equal(8, saved.Activities.Count);
    }

    [Fact]
    public async Task The_api_answers_a_stale_version_with_409()
    {
        var id = await CaritasProjectAsync();
        var api = await factory.ApiAsAsync("caritas@demo.talka.lt");
        var project = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var version = project.GetProperty("version").GetInt32();
        object Plan(string title) => new
        {
            version, title, goal = project.GetProperty("goal").GetString(),
            objectives = project.GetProperty("objectives").EnumerateArray().Select(o => new { id = o.GetProperty("id").GetGuid(), text = o.GetProperty("text").GetString() }),
            activities = project.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("activities").EnumerateArray().Select(a => new
            {
                id = a.GetProperty("id").GetGuid(), objectiveNumber = o.GetProperty("number").GetInt32(), kind = a.GetProperty("kind").GetString(),
                title = a.GetProperty("title").GetString(), description = a.GetProperty("description").GetString(),
            })),
            targetGroups = project.GetProperty("targetGroups"), municipalities = project.GetProperty("municipalities"), indicators = Array.Empty<object>(),
        };
        var first = await api.PutAsJsonAsync($"/api/v1/projects/{id}/plan", Plan("Forumo stiprinimas"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(version + 1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stale = await api.PutAsJsonAsync($"/api/v1/projects/{id}/plan", Plan("Pasenęs pakeitimas"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Forumo stiprinimas", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_member_adds_an_objective_activity_and_indicator_and_the_change_is_in_the_audit_trail()
    {
        var id = await factory.WithDbAsync(db => db.Projects.Where(p => p.Title.StartsWith("Nacionalinių nevyriausybinių organizacijų institucinio")).Select(p => p.Id).SingleAsync());
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberA);
        var form = await member.GetStringAsync($"/projects/edit-plan/{id}");
        var fields = PlanForm(form, Html.Token(form), "Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektas");
        // The first blank objective row is number 4, the first blank activity row follows the 4 existing ones.
        fields["Input.Objectives[3].Text"] = "Įtraukti savanorius į paslaugų teikimą";
        fields["Input.Activities[4].ObjectiveNumber"] = "4";
        fields["Input.Activities[4].Kind"] = "Supervision";
        fields["Input.Activities[4].Title"] = "Savanorių supervizijos";
        fields["Input.Indicators[0].Name"] = "Mokymų dalyviai";
        fields["Input.Indicators[0].Unit"] = "asm.";
        fields["Input.Indicators[0].Target"] = "120";
        var response = await member.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(fields));
        Assert.True(HttpStatusCode.Redirect == response.StatusCode, Html.Text(await response.Content.ReadAsStringAsync()));

        var details = Html.Text(await member.GetStringAsync($"/projects/details/{id}"));
        Assert.Contains("Įtraukti savanorius į paslaugų teikimą", details);
        Assert.Contains("Supervizija Savanorių supervizijos", details);
        Assert.Contains("Mokymų dalyviai asm. 120", details);
        // Members do not see the audit trail; the funder admin does, with who and what.
        Assert.DoesNotContain("Pakeitimų istorija", details);
        var adminView = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync($"/projects/details/{id}"));
        Assert.Contains("Pakeitimų istorija", adminView);
        Assert.Contains("spc@demo.talka.lt Sukurta · Uždavinys „Įtraukti savanorius į paslaugų teikimą“", adminView);
        Assert.Contains("Įtraukti savanorius į paslaugų teikimą", adminView);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RootId == id.ToString() && a.UserName == TalkaFactory.MemberA).Select(a => a.EntityType).ToListAsync());
        Assert.Contains("Objective", audit);
        Assert.Contains("Activity", audit);
        Assert.Contains("PlannedIndicator", audit);
    }

    [Fact]
    public async Task A_row_error_is_shown_beside_the_row_the_user_typed()
    {
        var id = await factory.WithDbAsync(db => db.Projects.Where(p => p.Title.StartsWith("Nevyriausybinių organizacijų institucinių gebėjimų")).Select(p => p.Id).SingleAsync());
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await member.GetStringAsync($"/projects/edit-plan/{id}");
        var fields = PlanForm(form, Html.Token(form), "Nevyriausybinių organizacijų institucinių gebėjimų stiprinimas");
        // Three indicator rows, two left blank; a target typed in row 2 without a name is an error on row 2.
        foreach (var row in new[] { 0, 1 })
        {
            fields[$"Input.Indicators[{row}].Name"] = "";
            fields[$"Input.Indicators[{row}].Target"] = "";
        }
        fields["Input.Indicators[2].Target"] = "15";
        var response = await member.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Šis laukas privalomas.", Html.FieldError(html, "Input.Indicators[2].Name"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).SelectMany(p => p.Indicators).CountAsync()));
    }

    [Fact]
    public async Task A_row_button_changes_the_form_and_saves_nothing_until_save()
    {
        var id = await TestProjects.CreateAsync(factory, "Eilučių mygtukų projektas");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt32();
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new
        {
            version, title = "Eilučių mygtukų projektas",
            objectives = new[] { new { text = "Pirmas uždavinys" }, new { text = "Antras uždavinys" } },
            activities = new[]
            {
                new { objectiveNumber = 1, kind = "Training", title = "Mokymai tėvams" },
                new { objectiveNumber = 2, kind = "Consultation", title = "Konsultacijos šeimoms" },
            },
        })).EnsureSuccessStatusCode();
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await member.GetStringAsync($"/projects/edit-plan/{id}");
        var fields = PlanForm(form, Html.Token(form), "Pavadinimas, kurio dar niekas neįrašė");
        Assert.Equal("Mokymai tėvams", fields["Input.Activities[0].Title"]);
        fields["Input.Command"] = "remove:Activities:0";
        var response = await member.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The form comes back without the row, the other in its place and the typed title kept.
        var shown = PlanForm(html, Html.Token(html), "Pavadinimas, kurio dar niekas neįrašė");
        Assert.Equal("Konsultacijos šeimoms", shown["Input.Activities[0].Title"]);
        Assert.False(shown.ContainsKey("Input.Activities[1].Title"));
        Assert.Contains("value=\"Pavadinimas, kurio dar niekas neįrašė\"", html);
        // Nothing saved yet.
        Assert.Equal(2, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).SelectMany(p => p.Activities).CountAsync()));

        var saved = await member.PostAsync($"/projects/edit-plan/{id}", new FormUrlEncodedContent(shown));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var titles = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).SelectMany(p => p.Activities).Select(a => a.Title).ToListAsync());
        Assert.Equal(["Konsultacijos šeimoms"], titles);
        Assert.Equal("Pavadinimas, kurio dar niekas neįrašė", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }
}
