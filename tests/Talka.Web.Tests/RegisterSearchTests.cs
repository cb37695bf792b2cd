using System.Net.Http.Json;

namespace Talka.Web.Tests;

/// <summary>The registers of a project and the funder's queue searched, sorted and filtered on the server, each
/// filter shown as a chip that takes it away.</summary>
public sealed class RegisterSearchTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static object Expense(string number, string supplier, decimal amount) => new
    {
        documentType = "Invoice", documentNumber = number, documentDate = "2022-03-01", supplier, content = "Paslaugos",
        category = "EventsAndTraining", amount, paidOn = "2022-03-02",
    };

    [Fact]
    public async Task The_ledger_finds_a_supplier_in_any_case_and_sorts_by_amount()
    {
        var id = await TestProjects.CreateAsync(factory, "Žurnalo paieška");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-1", "UAB „Salė“", 120m))).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-2", "MB Maitinimas", 480m))).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-3", "UAB „Salė“", 300m))).EnsureSuccessStatusCode();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);

        var found = await browser.GetStringAsync($"/projects/{id}/finance?q=sal%C4%97");
        var rows = Html.Text(Html.Table(found.Substring(found.IndexOf("id=\"ledger\"", StringComparison.Ordinal))));
        Assert.Contains("SF-1", rows);
        Assert.Contains("SF-3", rows);
        Assert.DoesNotContain("SF-2", rows);
        Assert.Contains("Išlaidų žurnale 2 įrašai, iš viso 420,00\u00a0€.", Html.Text(found));
        Assert.Contains("Paieška: „salė“", Html.Text(found));
        // In capitals and without the diacritics, on both databases (SQLite's lower() knows only ASCII).
        var folded = await browser.GetStringAsync($"/projects/{id}/finance?q=UAB+SALE");
        var foldedRows = Html.Text(Html.Table(folded.Substring(folded.IndexOf("id=\"ledger\"", StringComparison.Ordinal))));
        Assert.Contains("SF-1", foldedRows);
        Assert.Contains("SF-3", foldedRows);
        Assert.DoesNotContain("SF-2", foldedRows);

        var byAmount = await browser.GetStringAsync($"/projects/{id}/finance?sort=amount");
        var ledger = Html.Text(Html.Table(byAmount.Substring(byAmount.IndexOf("id=\"ledger\"", StringComparison.Ordinal))));
        Assert.True(ledger.IndexOf("SF-2", StringComparison.Ordinal) < ledger.IndexOf("SF-3", StringComparison.Ordinal)
            && ledger.IndexOf("SF-3", StringComparison.Ordinal) < ledger.IndexOf("SF-1", StringComparison.Ordinal), ledger);
    }

    [Fact]
    public async Task Participants_and_events_are_searched_and_sorted_and_a_chip_takes_the_search_away()
    {
        var id = await TestProjects.CreateAsync(factory, "Registrų paieška");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var early = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Training", topic = "Tėvystės įgūdžiai", start = "2022-02-01", end = "2022-02-01", sessions = 1, hoursPerSession = 2 })).IdOf();
        await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Seminar", topic = "Paauglių emocijos", start = "2022-06-01", end = "2022-06-01", sessions = 1, hoursPerSession = 2 })).IdOf();
        var ona = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants",
            new { code = "R-1", displayName = "Ona Žemaitė", category = "TargetGroupMember" })).IdOf();
        await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants",
            new
            {
                code = "R-2", displayName = "Jonas Petraitis", category = "TargetGroupMember",
                organisation = "Šiaulių jaunimo centras",
            })).IdOf();
        (await member.PutAttendanceAsync(id, early, new[] { new { participantId = ona } })).EnsureSuccessStatusCode();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);

        var found = await browser.GetStringAsync($"/projects/{id}/participants?q=%C5%BEEMAIT%C4%96");
        Assert.Contains("R-1", Html.Text(Html.Table(found)));
        Assert.DoesNotContain("R-2", Html.Text(Html.Table(found)));
        Assert.Contains($"href=\"/projects/{id}/participants\" aria-label=\"Pašalinti filtrą: Paieška: „žEMAITĖ“\"", found);
        // The organisation a participant came from, in any case and without Lithuanian letters.
        var byOrganisation = Html.Text(Html.Table(
            await browser.GetStringAsync($"/projects/{id}/participants?q=SIAULIU+jaunimo")));
        Assert.Contains("R-2", byOrganisation);
        Assert.DoesNotContain("R-1", byOrganisation);
        var byEvents = Html.Text(Html.Table(await browser.GetStringAsync($"/projects/{id}/participants?sort=events")));
        Assert.True(byEvents.IndexOf("R-1", StringComparison.Ordinal) < byEvents.IndexOf("R-2", StringComparison.Ordinal), byEvents);

        var events = Html.Text(Html.Table(await browser.GetStringAsync($"/projects/{id}/events?q=paaugliu")));
        Assert.Contains("Paauglių emocijos", events);
        Assert.DoesNotContain("Tėvystės", events);
        var latest = Html.Text(Html.Table(await browser.GetStringAsync($"/projects/{id}/events?sort=start")));
        Assert.True(latest.IndexOf("Paauglių", StringComparison.Ordinal) < latest.IndexOf("Tėvystės", StringComparison.Ordinal), latest);
    }

    [Fact]
    public async Task Names_sort_in_the_lithuanian_alphabet()
    {
        var id = await TestProjects.CreateAsync(factory, "Abėcėlė");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        // Č, Š and Ž are letters of their own, after C, S and Z (folding them would put Šarūnas before Saulius and
        // Čiurlionis before Cezaris's namesake Cyrilas); Ą, Į and the other nosines are A, I… with a mark.
        string[] expected =
            ["Cezaris", "Cyrilas", "Čiurlionis", "Inga", "Įveta", "Jonas", "Saulius", "Šarūnas", "Zita", "Žydrūnas"];
        var code = 0;
        foreach (var name in expected.Reverse())
            await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants",
                new { code = $"A-{++code}", displayName = name, category = "TargetGroupMember" })).IdOf();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var text = Html.Text(Html.Table(await browser.GetStringAsync($"/projects/{id}/participants?sort=name")));
        var order = expected.OrderBy(name => text.IndexOf(name + " ", StringComparison.Ordinal)).ToArray();
        Assert.All(expected, name => Assert.Contains(name + " ", text));
        Assert.Equal(expected, order);
    }

    [Fact]
    public async Task The_report_queue_is_filtered_by_organisation_and_call()
    {
        var (call, _) = await TestProjects.OwnCallAsync(factory, "Eilės filtrų programa");
        var project = await TestProjects.CreateAsync(factory, "Eilės filtrų projektas", callId: call);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (await admin.GetAsync($"/api/v1/projects/{project}/reports")).EnsureSuccessStatusCode();
        var queue = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/reports/queue?call={call}");
        var projects = queue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("project").GetString()).Distinct().ToList();
        Assert.Equal(["Eilės filtrų projektas"], projects);
        var organisation = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Projects.Where(p => p.Id == project).Select(p => p.OrganisationId)));
        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Admin))
            .GetStringAsync($"/reports?call={call}&organisation={organisation}"));
        Assert.Contains("Eilės filtrų projektas", page);
        // Another organisation's filter leaves none of this call's reports.
        var other = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstAsync(db.Organisations.Where(o => o.Id != organisation).Select(o => o.Id)));
        Assert.Equal(0, (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/v1/reports/queue?call={call}&organisation={other}")).GetProperty("total").GetInt32());
        Assert.Contains("Pašalinti filtrą", await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync($"/reports?call={call}"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/reports/queue?sort=kaina")).StatusCode);
    }

    [Fact]
    public async Task The_report_queue_sorts_projects_in_the_lithuanian_alphabet()
    {
        var (call, _) = await TestProjects.OwnCallAsync(factory, "Eilės abėcėlės programa");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        // Ą before B in Lithuanian; the bytes of "Ą" come after "B", and folding would put Šilas before Sodas.
        foreach (var title in new[] { "Šilo takas", "Beržų alėja", "Sodo kelias", "Ąžuolų giraitė" })
        {
            var id = await TestProjects.CreateAsync(factory, title, callId: call);
            (await admin.GetAsync($"/api/v1/projects/{id}/reports")).EnsureSuccessStatusCode();
        }
        var queue = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/v1/reports/queue?call={call}&sort=project");
        var projects = queue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("project").GetString())
            .Distinct().ToList();
        Assert.Equal(["Ąžuolų giraitė", "Beržų alėja", "Sodo kelias", "Šilo takas"], projects);
    }

    [Fact]
    public async Task Each_register_downloads_whole_as_csv_and_xlsx_for_those_who_read_the_project()
    {
        var id = await TestProjects.CreateAsync(factory, "Registrų atsisiuntimas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Consultation", topic = "Šeimos konsultacija", start = "2022-04-01", end = "2022-04-01", sessions = 2, hoursPerSession = 1 })).IdOf();
        await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/deliverables",
            new { kind = "Survey", title = "Dalyvių apklausa", surveySent = 40, surveyAnswered = 31 })).IdOf();

        var events = await member.GetStringAsync($"/api/v1/projects/{id}/events/export?format=csv");
        Assert.Contains("Nr.;Rūšis;Tema", events);
        Assert.Contains("1;Konsultacija;Šeimos konsultacija", events);
        var deliverables = await member.GetStringAsync($"/api/v1/projects/{id}/deliverables/export?format=csv");
        Assert.Contains("Apklausa;Dalyvių apklausa", deliverables);
        Assert.Contains(";40;31;", deliverables);
        var volunteers = await member.GetAsync($"/api/v1/projects/{id}/volunteers/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", volunteers.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await volunteers.Content.ReadAsByteArrayAsync())[..2]));
        // Another organisation's member is told the project is not there.
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/events/export")).StatusCode);
    }
}
