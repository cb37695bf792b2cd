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
    private async Task<(Guid ProjectId, HttpClient Api)> ProjectWithEventsAsync(Guid? ownCall = null)
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var projectId = ownCall is { } callId
            ? await TestProjects.CreateAsync(factory, "Importo programos bandymas", published: true, callId: callId)
            : await (await admin.PostAsJsonAsync("/api/v1/projects", new
            {
                callId = call, organisationId = organisation, title = "Importo bandymas", start = "2022-01-01",
                end = "2022-12-31",
            })).IdOf();
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
    public async Task Values_written_loosely_are_understood_and_an_ambiguous_town_is_offered_its_municipalities()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        const string header = "Dalyvio Nr.;Kategorija;Savivaldybė;Amžiaus grupė;Renginio Nr.";
        // "30-44" with a hyphen, "savanoris" in lower case, "Druskininkai" for its municipality: all understood.
        var loose = Encoding.UTF8.GetBytes(header + "\nL-1;savanoris;Druskininkai;30-44;1\nL-2;SAVANORIS;kauno m;18 – 29 m.;1\n");
        var preview = await UploadAsync(api, projectId, loose, "laisvai.csv");
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        // The preview shows the rows as they will be saved: the values Talka read, not what was typed.
        var shown = preview.GetProperty("preview").EnumerateArray().Select(r => r.GetProperty("participant"))
            .Select(p => (p.GetProperty("municipality").GetString(), p.GetProperty("ageBand").GetString(), p.GetProperty("category").GetString()))
            .ToList();
        Assert.Equal([("Druskininkų", "From30To44", "Volunteer"), ("Kauno m.", "From18To29", "Volunteer")], shown);
        Assert.Equal("Done", (await ApplyAndWaitAsync(api, projectId, preview)).GetProperty("state").GetString());
        var saved = await factory.WithDbAsync(db => db.Set<Participant>().Where(p => p.ProjectId == projectId).OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Municipality, p.AgeBand, p.Category }).ToListAsync());
        Assert.Equal(
            [("L-1", "Druskininkų", AgeBand.From30To44), ("L-2", "Kauno m.", AgeBand.From18To29)],
            saved.Select(p => (p.Code, p.Municipality, p.AgeBand!.Value)));
        Assert.All(saved, p => Assert.Equal(ParticipantCategory.Volunteer, p.Category));
        // "Kaunas" may be the city or the district: the row names both and imports nothing until it says which.
        var ambiguous = await UploadAsync(api, projectId, Encoding.UTF8.GetBytes(header + "\nL-3;Savanoris;Kaunas;30–44 m.;1\n"), "kaunas.csv");
        var error = Assert.Single(ambiguous.GetProperty("errors").EnumerateArray());
        Assert.Equal(("Savivaldybė", "Savivaldybė „Kaunas“ gali būti „Kauno m.“ ar „Kauno r.“: įrašykite, kuri."),
            (error.GetProperty("column").GetString(), error.GetProperty("message").GetString()));
        // The user chooses once, for every row with the value; a municipality that does not exist is refused.
        var choice = Assert.Single(ambiguous.GetProperty("choices").EnumerateArray());
        Assert.Equal(("Kaunas", "Kauno m.|Kauno r.", 1), (choice.GetProperty("typed").GetString(),
            string.Join("|", choice.GetProperty("options").EnumerateArray().Select(o => o.GetString())), choice.GetProperty("rows").GetInt32()));
        var url = $"/api/v1/projects/{projectId}/imports/{ambiguous.GetProperty("id").GetGuid()}/choices";
        var wrong = await api.PutAsJsonAsync(url, new { choices = new Dictionary<string, string> { [choice.GetProperty("key").GetString()!] = "Kaunas" } });
        Assert.Equal("Nežinoma savivaldybė: Kaunas.", await wrong.FieldErrorAsync("Choices"));
        var chosen = await (await api.PutAsJsonAsync(url,
            new { choices = new Dictionary<string, string> { [choice.GetProperty("key").GetString()!] = "Kauno m." } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(chosen.GetProperty("errors").EnumerateArray());
        Assert.Empty(chosen.GetProperty("choices").EnumerateArray());
        Assert.Equal("Done", (await ApplyAndWaitAsync(api, projectId, chosen)).GetProperty("state").GetString());
        Assert.Equal("Kauno m.", await factory.WithDbAsync(db => db.Set<Participant>()
            .Where(p => p.ProjectId == projectId && p.Code == "L-3").Select(p => p.Municipality).SingleAsync()));
    }

    [Fact]
    public async Task A_refused_choice_on_the_page_keeps_the_preview_and_what_was_chosen()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        var preview = await UploadAsync(api, projectId,
            Encoding.UTF8.GetBytes(
                "Dalyvio Nr.;Kategorija;Savivaldybė;Amžiaus grupė;Renginio Nr.\nL-9;Savanoris;Kaunas;30-44;1\n"),
            "kaunas.csv");
        var key = Assert.Single(preview.GetProperty("choices").EnumerateArray()).GetProperty("key").GetString()!;
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var token = Html.Token(await browser.GetStringAsync($"/projects/{projectId}/import"));
        // A value that is not one of the options (a page changed in the browser): refused, the preview stays.
        var response = await browser.PostAsync($"/projects/{projectId}/import?handler=Choose", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["importId"] = preview.GetProperty("id").GetString()!,
                [$"choices[{key}]"] = "Kaunas",
            }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nežinoma savivaldybė: Kaunas.", html);
        Assert.Contains("Peržiūra: kaunas.csv", html);
        Assert.Contains("Patikslinkite savivaldybes", html);
    }

    [Fact]
    public async Task The_xlsx_template_offers_a_drop_down_list_on_each_coded_column_with_instructions_and_an_example()
    {
        var (projectId, api) = await ProjectWithEventsAsync();
        var bytes = await api.GetByteArrayAsync($"/api/v1/projects/{projectId}/import-template?format=xlsx");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }
        // The sheets: the data sheet first, then the lists and the instructions.
        var names = System.Xml.Linq.XDocument.Parse(Part("xl/workbook.xml")).Descendants().Where(e => e.Name.LocalName == "sheet")
            .Select(e => e.Attribute("name")!.Value).ToList();
        Assert.Equal(["Dalyviai", "Sąrašai", "Instrukcija"], names);
        // Each coded column of the data sheet takes its list from the lists sheet.
        var validations = System.Xml.Linq.XDocument.Parse(Part("xl/worksheets/sheet1.xml")).Descendants()
            .Where(e => e.Name.LocalName == "dataValidation")
            .ToDictionary(e => e.Attribute("sqref")!.Value, e => (Type: e.Attribute("type")!.Value, Formula: e.Elements().Single().Value));
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                ["C2:C10000"] = ("list", "'Sąrašai'!$A$2:$A$7"),
                ["E2:E10000"] = ("list", "'Sąrašai'!$B$2:$B$61"),
                ["F2:F10000"] = ("list", "'Sąrašai'!$C$2:$C$4"),
                ["G2:G10000"] = ("list", "'Sąrašai'!$D$2:$D$6"),
                ["H2:H10000"] = ("list", $"'Sąrašai'!$E$2:$E${Enum.GetValues<Talka.Domain.Projects.TargetGroup>().Length + 1}"),
                ["I2:I10000"] = ("list", "'Sąrašai'!$F$2:$F$3"),
            },
            validations);
        // The lists hold what the import takes; the data sheet only its headers; the instructions an example row.
        var lists = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), sheetName: "Sąrašai").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToList()).ToList();
        Assert.Equal(["Kategorija", "Savivaldybė", "Lytis", "Amžiaus grupė", "Tikslinė grupė", "Sutikimas"], lists[0]);
        Assert.Equal(Talka.Domain.Common.Municipalities.All, lists.Skip(1).Select(r => r[1] ?? "").ToList());
        Assert.Equal("30–44 m.", lists[3][3]);
        var data = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes)).ToList();
        Assert.Single(data);
        var instructions = string.Join("\n", MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), sheetName: "Instrukcija")
            .Cast<IDictionary<string, object?>>().Select(r => string.Join(";", r.Values)));
        Assert.Contains("Pildykite lapą „Dalyviai“", instructions);
        Assert.Contains("D-001;Ona Onaitė;Savanoris;Asociacija „Bendruomenė“;Kauno m.;Moteris;30–44 m.;;Taip;;1;4", instructions);
        // Filled in and uploaded, the template imports as it is.
        var filled = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(filled, new[]
        {
            new Dictionary<string, object?> { ["A"] = "Dalyvio Nr.", ["B"] = "Kategorija", ["C"] = "Savivaldybė", ["D"] = "Renginio Nr." },
            new Dictionary<string, object?> { ["A"] = "T-1", ["B"] = "Savanoris", ["C"] = "Alytaus m.", ["D"] = "1" },
        }, printHeader: false);
        Assert.Empty((await UploadAsync(api, projectId, filled.ToArray(), "sablonas.xlsx")).GetProperty("errors").EnumerateArray());
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
    public async Task An_import_counts_its_programme_again()
    {
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Importo programa");
        var (projectId, api) = await ProjectWithEventsAsync(call);
        await factory.CountsRefreshedAsync(programme);
        var csv = "Dalyvio Nr.,Kategorija,Renginio Nr.\nD1,Savanoris,1\nD2,Savanoris,1\nD2,Savanoris,2\n";
        var preview = await UploadAsync(api, projectId, Encoding.UTF8.GetBytes(csv), "programa.csv");
        Assert.Equal("Done", (await ApplyAndWaitAsync(api, projectId, preview)).GetProperty("state").GetString());

        // On PostgreSQL the rows are copied in, past the tracked records that mark counts stale on other saves.
        await factory.CountsRefreshedAsync(programme);
        var json = await factory.WithDbAsync(db => db.Set<Talka.Web.Features.Delivery.ProgrammeFigures>()
            .Where(f => f.ProgrammeId == programme).Select(f => f.Figures).SingleAsync());
        Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetProperty("Participants").GetInt32());
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
