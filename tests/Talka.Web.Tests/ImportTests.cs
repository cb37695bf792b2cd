using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>Participants and attendance from real files: all rows or none, twice adds nothing, errors named by row and column.</summary>
public sealed class ImportTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Header = "Dalyvio Nr.;Vardas;Kategorija;Savivaldybė;Lytis;Renginio Nr.;Valandos";

    /// <summary>A fresh project of Šeimos santykių institutas with two events (Nr. 1 and Nr. 2), so each test counts only its own rows.</summary>
    private async Task<(Guid ProjectId, HttpClient Api)> ProjectWithEventsAsync()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var created = await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title = "Importo bandymas", start = "2022-01-01", end = "2022-12-31" });
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        foreach (var (topic, day) in new[] { ("Mokymai", "2022-03-01"), ("Seminaras", "2022-06-01") })
            (await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/events", new { kind = "Training", topic, start = day, end = day, sessions = 1, hoursPerSession = 6 })).EnsureSuccessStatusCode();
        return (projectId, member);
    }

    private static async Task<JsonElement> UploadAsync(HttpClient api, Guid projectId, byte[] content, string fileName, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await api.PostAsync($"/api/v1/projects/{projectId}/imports", form);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ApplyAndWaitAsync(HttpClient api, Guid projectId, JsonElement preview)
    {
        var id = preview.GetProperty("id").GetGuid();
        var started = await api.PostAsync($"/api/v1/projects/{projectId}/imports/{id}/apply", null);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        for (var i = 0; i < 1200; i++)
        {
            var status = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/imports/{id}");
            if (status.GetProperty("state").GetString() is "Done" or "Failed") return status;
            await Task.Delay(250);
        }
        throw new TimeoutException("The import did not finish in 5 minutes.");
    }

    private async Task<(int Participants, int Attendances)> CountsAsync(Guid projectId) => await factory.WithDbAsync(async db =>
        (await db.Set<Participant>().CountAsync(p => p.ProjectId == projectId),
         await db.Set<Attendance>().CountAsync(a => db.Set<Event>().Any(e => e.Id == a.EventId && e.ProjectId == projectId))));

    [Fact]
    public async Task A_windows_1257_csv_with_lithuanian_names_round_trips_letter_for_letter_and_twice_adds_nothing()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        string[] names = ["Ąžuolas Šimkūnas", "Živilė Čepulienė", "Ūla Ėglė Įrašytė", "Gintarė Ųžė"];
        var csv = Header + "\r\n" +
                  $"1;{names[0]};Savanoris;Kauno m.;Vyras;1;\r\n" +
                  $"1;{names[0]};Savanoris;Kauno m.;Vyras;2;1,5\r\n" +
                  $"2;{names[1]};Specialistas;Šiaulių m.;Moteris;1;\r\n" +
                  $"3;{names[2]};NVO darbuotojas;Vilniaus miesto savivaldybė;moteris;2;\r\n" +
                  $"4;{names[3]};Kita;;;;\r\n";
        var bytes = Encoding.GetEncoding(1257).GetBytes(csv);
        var preview = await UploadAsync(api, projectId, bytes, "sarasas.csv");
        Assert.Equal("windows-1257", preview.GetProperty("encoding").GetString());
        Assert.Equal(0, preview.GetProperty("errorCount").GetInt32());
        Assert.Equal(4, preview.GetProperty("newParticipants").GetInt32());
        Assert.Equal(4, preview.GetProperty("newAttendances").GetInt32());
        var done = await ApplyAndWaitAsync(api, projectId, preview);
        Assert.Equal("Done", done.GetProperty("state").GetString());
        Assert.Equal(8, done.GetProperty("processed").GetInt32());
        Assert.Equal((4, 4), await CountsAsync(projectId));
        var stored = await factory.WithDbAsync(db => db.Set<Participant>().Where(p => p.ProjectId == projectId).OrderBy(p => p.Code).ToListAsync());
        Assert.Equal(names, stored.Select(p => p.DisplayName));
        Assert.Equal("Vilniaus m.", stored[2].Municipality);
        Assert.Equal(Gender.Female, stored[2].Gender);
        var hours = await factory.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ParticipantId == stored[0].Id && a.AcademicHours != null).Select(a => a.AcademicHours).SingleAsync());
        Assert.Equal(1.5m, hours);

        // Export, read back: the same names letter for letter.
        var exported = await api.GetByteArrayAsync($"/api/v1/projects/{projectId}/participants/export?format=csv");
        var table = SpreadsheetReader.Read(new MemoryStream(exported));
        Assert.Equal(names, table.Rows.Select(r => r.Cells[1].Text).Distinct());
        var xlsx = SpreadsheetReader.Read(new MemoryStream(await api.GetByteArrayAsync($"/api/v1/projects/{projectId}/participants/export?format=xlsx")));
        Assert.Equal(names, xlsx.Rows.Select(r => r.Cells[1].Text).Distinct());

        // The same file again, and the export itself: nothing new.
        var again = await UploadAsync(api, projectId, bytes, "sarasas.csv");
        Assert.Equal(0, again.GetProperty("newParticipants").GetInt32());
        Assert.Equal(4, again.GetProperty("existingParticipants").GetInt32());
        Assert.Equal(4, again.GetProperty("existingAttendances").GetInt32());
        await ApplyAndWaitAsync(api, projectId, again);
        var reimport = await UploadAsync(api, projectId, exported, "eksportas.csv");
        Assert.Equal(0, reimport.GetProperty("newParticipants").GetInt32() + reimport.GetProperty("newAttendances").GetInt32());
        Assert.Equal((4, 4), await CountsAsync(projectId));
    }

    [Fact]
    public async Task One_bad_row_among_thousands_imports_nothing_and_names_the_row_and_column()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        var csv = new StringBuilder(Header + "\n");
        for (var i = 1; i <= 3000; i++) csv.Append($"P{i};Dalyvis {i};Savanoris;{(i == 1500 ? "Atlantida" : "Alytaus m.")};Moteris;1;\n");
        var preview = await UploadAsync(api, projectId, Encoding.UTF8.GetBytes(csv.ToString()), "didelis.csv");
        var error = Assert.Single(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal(1501, error.GetProperty("row").GetInt32());   // the header is row 1
        Assert.Equal("Savivaldybė", error.GetProperty("column").GetString());
        Assert.Equal("Nežinoma savivaldybė: Atlantida.", error.GetProperty("message").GetString());
        var refused = await api.PostAsync($"/api/v1/projects/{projectId}/imports/{preview.GetProperty("id").GetGuid()}/apply", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("neimportuota nė viena eilutė", await refused.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await CountsAsync(projectId));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_whatever_its_name()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        var problem = await UploadAsync(api, projectId, Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj"), "sarasas.csv", HttpStatusCode.BadRequest);
        Assert.Equal("Šio failo tipo importuoti negalima. Įkelkite CSV arba XLSX (Excel) failą.", problem.GetProperty("errors").GetProperty("File")[0].GetString());
    }

    [Fact]
    public async Task Another_organisations_member_cannot_import_into_the_project()
    {
        var (projectId, _) = await ProjectWithEventsAsync();
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        await UploadAsync(other, projectId, Encoding.UTF8.GetBytes(Header + "\n1;A;Kita;;;;\n"), "x.csv", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{projectId}/participants/export")).StatusCode);
    }

    [Fact]
    public async Task A_100000_row_attendance_file_imports()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        // 50 000 people at both events: 100 000 attendance rows.
        var csv = new StringBuilder("Dalyvio Nr.,Kategorija,Renginio Nr.\n", 2_500_000);
        for (var i = 1; i <= 50_000; i++) csv.Append("D").Append(i).Append(",Savanoris,1\n").Append('D').Append(i).Append(",Savanoris,2\n");
        var preview = await UploadAsync(api, projectId, Encoding.UTF8.GetBytes(csv.ToString()), "100000.csv");
        Assert.Equal(100_000, preview.GetProperty("rows").GetInt32());
        Assert.Equal(0, preview.GetProperty("errorCount").GetInt32());
        var done = await ApplyAndWaitAsync(api, projectId, preview);
        Assert.True(done.GetProperty("state").GetString() == "Done", done.ToString());
        Assert.Equal(150_000, done.GetProperty("processed").GetInt32());
        Assert.Equal((50_000, 100_000), await CountsAsync(projectId));
        var indicators = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/indicators");
        Assert.Equal(50_000m, indicators.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == "DistinctParticipants").GetProperty("value").GetDecimal());
        // One audit entry for the import, not one per row.
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RootId == projectId.ToString() && a.EntityType == "Import")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Participant" && a.RootId == projectId.ToString())));
    }
}
