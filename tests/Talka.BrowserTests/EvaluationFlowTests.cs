using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Domain.Common;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class EvaluationFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_expert_declares_and_scores_and_the_officer_simulates_approves_and_the_public_sees_the_funded_list()
    {
        var admin = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (first, _, _) = await TestEvaluation.EligibleAsync(fixture.Talka, admin, call, 20_000m);
        var (second, _, _) = await TestEvaluation.EligibleAsync(fixture.Talka, admin, call, 15_000m);
        await TestEvaluation.EvaluatedAsync(fixture.Talka, admin, call, second, 70, 68);
        var (other, otherId, _) = await TestEvaluation.ExpertAsync(fixture.Talka);
        (
            await TestEvaluation.ScoreAsync(
                other,
                await TestEvaluation.AssignAsync(admin, call, first, otherId),
                50,
                34
            )
        ).EnsureSuccessStatusCode();
        var (_, expertId, expertEmail) = await TestEvaluation.ExpertAsync(fixture.Talka);
        await TestEvaluation.AssignAsync(admin, call, first, expertId);
        var number = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{first}"))
            .GetProperty("number")
            .GetString()!;

        // The expert sees who applies and signs the declaration before anything else of the application.
        var expert = new AssignmentPage(await fixture.PageAsync(expertEmail, TestAccounts.NewPassword));
        await expert.Page.SetViewportSizeAsync(1366, 900);
        await expert.OpenFromListAsync(number);
        await Assertions.Expect(expert.Declaration).ToContainTextAsync("neturiu interesų konflikto");
        await Assertions.Expect(expert.Preview).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(expert.Page, "70-evaluation-declaration");
        await expert.SignAsync();
        await Assertions.Expect(expert.Preview).ToBeVisibleAsync();

        // Points with a justification each; the total is computed as they type, and the draft saves itself.
        await expert.ScoreAsync("A. Projekto tikslų aktualumas", "52,5", "Tikslai atitinka kvietimo prioritetus.");
        await expert.ScoreAsync("B. Veiklų ir biudžeto pagrįstumas", "33", "Sąmata pagrįsta veiklomis.");
        await Assertions.Expect(expert.Autosave).ToContainTextAsync("Juodraštis išsaugotas");
        await Assertions.Expect(expert.Total).ToHaveTextAsync("Iš viso: 85,5 iš 100");
        await BrowserFixture.AssertNoSeriousViolationsAsync(expert.Page);
        await BrowserFixture.ScreenshotAsync(expert.Page, "71-evaluation-scoring");
        await BrowserFixture.ReadsWellAtBothWidthsAsync(expert.Page, expert.Page.Url, "72-evaluation-scoring");
        await expert.SubmitAsync();
        await Assertions.Expect(expert.Saved).ToHaveTextAsync("Balai pateikti: iš viso 85,5.");
        await Assertions
            .Expect(expert.Page.GetByRole(AriaRole.Button, new() { Name = "Pateikti balus" }))
            .ToHaveCountAsync(0);

        // The officer tries budgets (nothing saved), then approves the ranking within 40 000 €.
        var officer = new RankingPage(await fixture.PageAsync(TalkaFactory.Admin));
        await officer.Page.SetViewportSizeAsync(1366, 900);
        await officer.OpenAsync(call);
        await officer.SimulateAsync("30 000");
        await Assertions.Expect(officer.Rows.Nth(1)).ToContainTextAsync("Rezervas Nr. 1");
        await Assertions.Expect(officer.Figures).ToContainTextAsync("Lieka: " + LtFormat.Eur(10_000m));
        await officer.SimulateAsync("40 000");
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Finansuojama");
        await Assertions.Expect(officer.Rows.Nth(1)).ToContainTextAsync(LtFormat.Eur(15_000m));
        await Assertions.Expect(officer.Figures).ToContainTextAsync("Lieka: " + LtFormat.Eur(5_000m));
        await BrowserFixture.ScreenshotAsync(officer.Page, "73-ranking-simulator");
        await officer.ApproveAsync("A1-777", "2026-12-01");
        await Assertions.Expect(officer.Saved).ToHaveTextAsync("Patvirtinta reitingo versija Nr. 1.");
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "74-ranking-approved");
        var pdf = await officer.Page.APIRequest.GetAsync($"/calls/{call}/ranking?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "77-ranking.pdf"), await pdf.BodyAsync());
        await BrowserFixture.ReadsWellAtBothWidthsAsync(officer.Page, officer.Page.Url, "74-ranking");
        await BrowserFixture.ReadsWellAtBothWidthsAsync(
            officer.Page, $"/calls/{call}/evaluation", "75-evaluation-board");

        // The public call page lists the funded projects with amounts and scores.
        var visitor = await fixture.PageAsync(null);
        await visitor.SetViewportSizeAsync(1366, 900);
        await visitor.GotoAsync($"/calls/details/{call}");
        var funded = visitor
            .Locator("section")
            .Filter(new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = "Finansuojami projektai" }) });
        await Assertions.Expect(funded).ToContainTextAsync("A1-777");
        await Assertions.Expect(funded.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(funded.Locator("tbody tr").First).ToContainTextAsync(LtFormat.Eur(20_000m));
        await Assertions.Expect(funded.Locator("tbody tr").First).ToContainTextAsync("84,75");
        await BrowserFixture.ScreenshotAsync(visitor, "76-call-funded-list");
    }
}
