using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DeliveryTests(BrowserFixture fixture)
{
    private async Task<Guid> ProjectIdAsync(string organisation)
    {
        var api = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        // The organisation's seed project: the published one (an application funded in the demo's ranking is not).
        return list.GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("organisation").GetString() == organisation && p.GetProperty("isPublished").GetBoolean())
            .GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_member_records_an_event_with_attendance_and_the_indicators_show_it()
    {
        var projectId = await ProjectIdAsync("Nacionalinė NVO (pavadinimas šaltinyje nenurodytas)");
        var page = await fixture.PageAsync("nvo2022@demo.talka.lt");
        foreach (var (code, name) in new[] { ("G-1", "Aušra Žemaitė"), ("G-2", "Jonas Čiurlys") })
        {
            await page.GotoAsync($"/projects/{projectId}/participants/edit");
            await page.GetByLabel("Dalyvio Nr.").FillAsync(code);
            await page.GetByLabel("Vardas (neprivaloma)").FillAsync(name);
            await page.GetByLabel("Kategorija").SelectOptionAsync(new SelectOptionValue { Label = "Savanoris" });
            await page.GetByLabel("Savivaldybė").SelectOptionAsync("Visagino");
            await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name })).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Renginiai" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Naujas renginys" }).ClickAsync();
        await page.GetByLabel("Rūšis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gyvosios bibliotekos užsiėmimas" });
        await page.GetByLabel("Tema").FillAsync("Gyvoji biblioteka Visagine");
        await page.GetByLabel("Pradžia").FillAsync("2022-05-12");
        await page.GetByLabel("Pabaiga").FillAsync("2022-05-12");
        await page.GetByLabel("Užsiėmimų skaičius").FillAsync("3");
        await page.GetByLabel("Vieno užsiėmimo trukmė").FillAsync("2");
        await BrowserFixture.ScreenshotAsync(page, "10-event-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gyvoji biblioteka Visagine", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "G-1" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "G-2" }).CheckAsync();
        await page.GetByLabel("Dalyvio G-2 valandos").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti dalyvavimą" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dalyvavimas išsaugotas: 2 dalyviai.");
        await BrowserFixture.ScreenshotAsync(page, "11-event-attendance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rodikliai" }).ClickAsync();
        var figures = page.Locator("table.figures");
        await Assertions.Expect(figures.GetByRole(AriaRole.Row, new() { Name = "Dalyviai (skirtingi asmenys)" }).GetByRole(AriaRole.Link)).ToHaveTextAsync("2");
        await Assertions.Expect(figures.GetByRole(AriaRole.Row, new() { Name = "Suteikta akademinių valandų" }).GetByRole(AriaRole.Link)).ToHaveTextAsync("6");
        await Assertions.Expect(figures.GetByRole(AriaRole.Row, new() { Name = "Dalyvių valandos (ak. val.)" }).GetByRole(AriaRole.Link)).ToHaveTextAsync("10");
        await BrowserFixture.ScreenshotAsync(page, "12-indicators");
        // The number opens the records it counts.
        await figures.GetByRole(AriaRole.Row, new() { Name = "Dalyviai (skirtingi asmenys)" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_member_imports_a_file_and_watches_its_progress()
    {
        var projectId = await ProjectIdAsync("Vilniaus arkivyskupijos CARITAS");
        var member = await fixture.Talka.ApiAsAsync("caritas@demo.talka.lt");
        (await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/events",
            new { kind = "Training", topic = "Forumo narių mokymai", start = "2017-10-10", end = "2017-10-11", sessions = 2, hoursPerSession = 6 })).EnsureSuccessStatusCode();
        var csv = new StringBuilder("Dalyvio Nr.;Vardas;Kategorija;Savivaldybė;Renginio Nr.\r\n");
        for (var i = 1; i <= 4000; i++) csv.Append($"F-{i};Dalyvė {i};NVO darbuotojas;Vilniaus m.;1\r\n");

        var page = await fixture.PageAsync("caritas@demo.talka.lt");
        await page.GotoAsync($"/projects/{projectId}/import");
        await page.GetByLabel("Failas").SetInputFilesAsync(new FilePayload
        {
            Name = "forumas.csv", MimeType = "text/csv", Buffer = Encoding.GetEncoding(1257, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(csv.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Peržiūrėti" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nauji dalyviai: 4\u00A0000")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("koduotė windows-1257")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "13-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importuoti (4\u00A0000 dalyvių, 4\u00A0000 dalyvavimo įrašų)" }).ClickAsync();
        var bar = page.Locator("#import-bar");
        await Assertions.Expect(bar).ToHaveAttributeAsync("max", "8000");
        // Finished, the page says so in its heading and in words: what was added, not a count of records written.
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Importuota. Pridėta: 4", new() { Timeout = 60_000 });
        await Assertions.Expect(status).ToContainTextAsync("000 dalyvių ir 4");
        await Assertions.Expect(status).ToContainTextAsync("000 dalyvavimo įrašų.");
        await Assertions.Expect(status).Not.ToContainTextAsync("8000");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importas baigtas", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(bar).ToHaveAttributeAsync("value", "8000");
        await BrowserFixture.ScreenshotAsync(page, "14-import-done");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rodikliai" }).Last.ClickAsync();
        await Assertions.Expect(page.Locator("table.figures").GetByRole(AriaRole.Row, new() { Name = "Dalyviai (skirtingi asmenys)" }).GetByRole(AriaRole.Link)).ToHaveTextAsync("4\u00A0000");
    }

    [Fact]
    public async Task A_coordinator_imports_loose_values_and_chooses_which_kaunas_is_meant()
    {
        var projectId = await TestProjects.CreateAsync(fixture.Talka, "Importas naršyklėje");
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        (await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/events",
            new { kind = "Training", topic = "Mokymai", start = "2022-03-01", end = "2022-03-01", sessions = 1, hoursPerSession = 4 })).EnsureSuccessStatusCode();
        var import = new Pages.ImportPage(await fixture.PageAsync(TalkaFactory.MemberB));
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await import.Page.SetViewportSizeAsync(width, height);
            await import.OpenAsync(projectId);
            // The file field speaks Lithuanian in an English-language browser, and names the chosen file.
            await Assertions.Expect(import.FileButton).ToHaveTextAsync("Pasirinkti failą");
            await Assertions.Expect(import.FileName).ToHaveTextAsync("Failas nepasirinktas");
            await import.ChooseFileAsync("bandymas.csv", "Dalyvio Nr.\n");
            await Assertions.Expect(import.FileName).ToHaveTextAsync("bandymas.csv");
            await import.UploadAsync($"sarasas-{width}.csv",
                "Dalyvio Nr.;Kategorija;Savivaldybė;Amžiaus grupė;Renginio Nr.\n" +
                $"K{width}-1;savanoris;Kaunas;30-44;1\nK{width}-2;Savanoris;Vilniaus m.;30–44 m.;1\n");
            // "30-44" is understood; "Kaunas" may be the city or the district: the page asks which.
            await Assertions.Expect(import.Errors).ToHaveCountAsync(1);
            await Assertions.Expect(import.Errors.First).ToContainTextAsync("„Kauno m.“ ar „Kauno r.“");
            await import.ChooseAsync("Kaunas", "Kauno m.");
            await Assertions.Expect(import.Errors).ToHaveCountAsync(0);
            await Assertions.Expect(import.Preview.First).ToContainTextAsync("Kauno m.");
            await Assertions.Expect(import.Preview.First).ToContainTextAsync("30–44 m.");
            Assert.Equal(0, await BrowserFixture.OverflowAsync(import.Page));
            await BrowserFixture.AssertNoSeriousViolationsAsync(import.Page);
            await BrowserFixture.ScreenshotAsync(import.Page, $"15-import-chosen-{width}");
            await import.ImportAsync();
            await Assertions.Expect(import.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Importuota. Pridėta: 2 dalyviai ir 2 dalyvavimo įrašai.",
                new() { Timeout = 30_000 });
        }
    }
}
