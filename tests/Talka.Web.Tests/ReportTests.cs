using System.Net;
using System.Net.Http.Json;
using Talka.Domain.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>Reports pre-filled from the records, frozen when submitted, returned, resubmitted and approved.</summary>
public sealed class ReportTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static object Expense(string number, string date, string? paid, decimal amount) =>
        new { documentType = "Invoice", documentNumber = number, documentDate = date, supplier = "UAB „Salė“", content = "Salės nuoma", category = "EventsAndTraining", amount, paidOn = paid };

    private async Task<Guid> ProjectAsync()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var id = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title = "Ataskaitų bandymas", start = "2022-01-01", end = "2022-12-31" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/agreement", new
        {
            number = $"R-{id.ToString("N")[^12..]}", periodStart = "2022-01-01", periodEnd = "2022-12-31", grantedAmount = 50_000,
            funding = new[] { new { source = "StateBudget", amount = 50_000 } },
        })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_quarterly_report_prefills_from_the_records_freezes_on_submission_and_keeps_every_version()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "EventsAndTraining", grantAmount = 50_000, ownFunds = 0 } } })).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-1", "2022-02-10", "2022-02-15", 1_000m))).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-2", "2022-03-28", "2022-04-04", 2_500.50m))).EnsureSuccessStatusCode();

        var reports = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray().ToList();
        Assert.Equal(4, reports.Count(r => r.GetProperty("kind").GetString() == "QuarterlyFinancial"));
        Assert.Single(reports, r => r.GetProperty("kind").GetString() == "Activity");   // 50 000 € of state funding: half-yearly
        Assert.Single(reports, r => r.GetProperty("kind").GetString() == "Final");
        var q1 = reports.Single(r => r.GetProperty("kind").GetString() == "QuarterlyFinancial" && r.GetProperty("periodEnd").GetString() == "2022-03-31");
        var q2 = reports.Single(r => r.GetProperty("kind").GetString() == "QuarterlyFinancial" && r.GetProperty("periodEnd").GetString() == "2022-06-30");
        Assert.Equal("2022-04-05", q1.GetProperty("due").GetString());
        var q1Url = $"/api/v1/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}";

        // Pre-filled exactly from the ledger: SF-1 only, because SF-2 was paid after the quarter's end.
        var draft = await member.GetFromJsonAsync<JsonElement>(q1Url);
        Assert.Equal(["SF-1"], draft.GetProperty("content").GetProperty("expenses").EnumerateArray().Select(e => e.GetProperty("documentNumber").GetString()));
        Assert.Equal(1_000m, draft.GetProperty("content").GetProperty("expensesTotal").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync($"{q1Url}/submit", new { version = draft.GetProperty("version").GetInt32() })).StatusCode);

        // Once submitted, the quarter takes no new expense: the submitted version stays what was sent.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-0", "2022-01-20", "2022-01-25", 300m))).StatusCode);
        var submitted = await member.GetFromJsonAsync<JsonElement>(q1Url);
        Assert.Equal(1, submitted.GetProperty("shownVersion").GetInt32());
        Assert.Equal(1_000m, submitted.GetProperty("content").GetProperty("expensesTotal").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsJsonAsync($"{q1Url}/submit", new { version = submitted.GetProperty("version").GetInt32() })).StatusCode);

        // Returned with a comment on a line, resubmitted: version 2 has SF-0, version 1 still reads as it was.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{q1Url}/approve", new { version = submitted.GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{q1Url}/return", new
        {
            version = submitted.GetProperty("version").GetInt32(), comments = new[] { new { section = "Išlaidos", text = "Trūksta sausio sąskaitos." } },
        })).StatusCode);
        // Returned, the quarter is open again: the missing January invoice goes in.
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-0", "2022-01-20", "2022-01-25", 300m))).EnsureSuccessStatusCode();
        var returned = await member.GetFromJsonAsync<JsonElement>(q1Url);
        Assert.Equal("Returned", returned.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(1_300m, returned.GetProperty("content").GetProperty("expensesTotal").GetDecimal());   // editable again: the live pre-fill
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync($"{q1Url}/submit", new { version = returned.GetProperty("version").GetInt32() })).StatusCode);
        var v1 = await member.GetFromJsonAsync<JsonElement>($"{q1Url}?version=1");
        var v2 = await member.GetFromJsonAsync<JsonElement>($"{q1Url}?version=2");
        Assert.Equal(1_000m, v1.GetProperty("content").GetProperty("expensesTotal").GetDecimal());
        Assert.Equal(1_300m, v2.GetProperty("content").GetProperty("expensesTotal").GetDecimal());
        Assert.Equal("Trūksta sausio sąskaitos.", v2.GetProperty("comments")[0].GetProperty("text").GetString());

        // Approved: nobody can change it.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{q1Url}/approve", new { version = v2.GetProperty("version").GetInt32() })).StatusCode);
        var approved = await member.GetFromJsonAsync<JsonElement>(q1Url);
        foreach (var client in new[] { member, admin })
        {
            var refused = await client.PostAsJsonAsync($"{q1Url}/submit", new { version = approved.GetProperty("version").GetInt32() });
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
            Assert.Contains("Ataskaita patvirtinta", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"{q1Url}/return", new { version = approved.GetProperty("version").GetInt32(), comments = new[] { new { section = "x", text = "y" } } })).StatusCode);

        // SF-2, paid on 4 April, is in the second quarter's report.
        var q2Report = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{q2.GetProperty("id").GetGuid()}");
        Assert.Equal(["SF-2"], q2Report.GetProperty("content").GetProperty("expenses").EnumerateArray().Select(e => e.GetProperty("documentNumber").GetString()));

        // The XLSX has the same figures as the page.
        var xlsx = SpreadsheetReader.Read(new MemoryStream(await member.GetByteArrayAsync($"{q1Url}/xlsx?version=2")));
        Assert.Equal(1300.0, xlsx.Rows.Single(r => r.Cells[1].Text == "Išlaidų suma").Cells[4].Number);
        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}?version=2"));
        Assert.Contains("Išlaidų suma 1\u00A0300,00\u00A0€", page);
    }

    [Fact]
    public async Task The_funder_sees_submitted_reports_in_the_queue_and_another_organisation_sees_nothing()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var q1 = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray().First();
        var url = $"/api/v1/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}";
        var draft = await member.GetFromJsonAsync<JsonElement>(url);
        (await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        var queue = (await (await factory.ApiAsAsync(TalkaFactory.Admin)).GetFromJsonAsync<JsonElement>("/api/v1/reports/queue")).GetProperty("items");
        Assert.Equal("Submitted", queue[0].GetProperty("status").GetString());
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == q1.GetProperty("id").GetGuid());
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/reports/queue")).StatusCode);
        var auditor = await factory.ApiAsAsync(TalkaFactory.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"{url}/approve", new { version = 0 })).StatusCode);
    }

    [Fact]
    public async Task The_queue_is_searched_without_diacritics_filtered_by_programme_and_keeps_approved_reports_with_days_late()
    {
        var id = await TestProjects.CreateAsync(factory, "Šeimų Ąžuolyno eilė");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var q1 = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray().First();
        var url = $"/api/v1/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}";
        var draft = await member.GetFromJsonAsync<JsonElement>(url);
        (await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        var submitted = await admin.GetFromJsonAsync<JsonElement>(url);
        (await admin.PostAsJsonAsync($"{url}/approve", new { version = submitted.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();

        // Approved, it leaves the queue but stays on the approved tab, found by "seimu azuolyno" in any case.
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/queue?q=SEIMU%20azuolyno");
        Assert.True(queue.GetProperty("total").GetInt32() > 0); // its other reports, overdue since 2022
        Assert.All(queue.GetProperty("items").EnumerateArray(), r => Assert.NotEqual(q1.GetProperty("id").GetGuid(), r.GetProperty("id").GetGuid()));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/queue?q=niekur%20nera")).GetProperty("items").EnumerateArray());
        var approved = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/queue?filter=approved&q=seimu%20azuolyno");
        var row = Assert.Single(approved.GetProperty("items").EnumerateArray());
        Assert.Equal(q1.GetProperty("id").GetGuid(), row.GetProperty("id").GetGuid());
        // Due in 2022, submitted today: late by the days between.
        var today = DateOnly.FromDateTime(LtFormat.VilniusTime(DateTime.UtcNow));
        var due = DateOnly.Parse(q1.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(today.DayNumber - due.DayNumber, row.GetProperty("daysLate").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("submittedAt").ValueKind);
        // Another programme's filter leaves it out.
        var programme = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Join(db.Calls, p => p.CallId, c => c.Id, (p, c) => c.ProgrammeId).SingleAsync());
        var otherProgramme = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id != programme).Select(p => p.Id).FirstAsync());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/queue?filter=approved&q=azuolyno&programme={programme}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/queue?filter=approved&q=azuolyno&programme={otherProgramme}")).GetProperty("total").GetInt32());
        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync("/reports?filter=approved&q=azuolyno"));
        Assert.Contains("Šeimų Ąžuolyno eilė", page);
        Assert.Contains($"pateikta pavėlavus {LtPlural.Count(today.DayNumber - due.DayNumber, "dieną|dienas|dienų")}", page);
    }

    [Fact]
    public async Task A_reports_pdf_holds_the_lithuanian_letters_as_text()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures",
            new { documentType = "Invoice", documentNumber = "SF-7", documentDate = "2022-02-01", supplier = "MB „Žąsinų ūkis“", content = "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ", category = "Publications", amount = 12.34m, paidOn = "2022-02-02" })).EnsureSuccessStatusCode();
        var q1 = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray().First();
        var response = await member.GetAsync($"/api/v1/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"talka-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var pdftotext = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", $"-enc UTF-8 \"{file}\" -") { RedirectStandardOutput = true })!;
            // Table cells wrap: compare with line breaks folded into spaces.
            var text = System.Text.RegularExpressions.Regex.Replace(await pdftotext.StandardOutput.ReadToEndAsync(), @"\s+", " ");
            await pdftotext.WaitForExitAsync();
            Assert.Contains("ąčęėįšųūž ĄČĘĖĮŠŲŪŽ", text);
            Assert.Contains("Ketvirtinė finansinė ataskaita", text);
            Assert.Contains("MB „Žąsinų ūkis“", text);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task An_activity_report_counts_its_events_and_an_event_recorded_after_submission_leaves_the_version_unchanged()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var e = (await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events", new { kind = "Seminar", topic = "Vaiko prieraišumas", start = "2022-03-10", end = "2022-03-10", sessions = 2, hoursPerSession = 6 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var p1 = (await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants", new { code = "1", category = "NgoEmployee" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await member.PutAttendanceAsync(id, e, new[] { new { participantId = p1 } })).EnsureSuccessStatusCode();
        var activity = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports")).EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Activity");
        var url = $"/api/v1/projects/{id}/reports/{activity.GetProperty("id").GetGuid()}";
        var draft = await member.GetFromJsonAsync<JsonElement>(url);
        decimal Figure(JsonElement view, string metric) =>
            view.GetProperty("content").GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == metric).GetProperty("value").GetDecimal();
        Assert.Equal(12m, Figure(draft, "AcademicHours"));
        Assert.Equal(1m, Figure(draft, "DistinctParticipants"));
        (await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events", new { kind = "Training", topic = "Vėliau įrašyti mokymai", start = "2022-05-02", end = "2022-05-02", sessions = 1, hoursPerSession = 8 })).EnsureSuccessStatusCode();
        var submitted = await member.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(12m, Figure(submitted, "AcademicHours"));
        Assert.DoesNotContain("Vėliau įrašyti mokymai", submitted.ToString());
    }
}
