using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Calls;
using Talka.Domain.Organisations;
using Talka.Domain.Projects;

namespace Talka.Web.Tests;

/// <summary>Bad input is refused with a Lithuanian message beside the field (pages) or a validation problem (API), and nothing is saved.</summary>
public sealed class BadInputTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>A call with bounds (2020-01-01 – 2020-12-31, 40 000–70 000 €) and a project under it, made for these tests.</summary>
    private async Task<(Guid CallId, Guid ProjectId, Guid OtherProjectId)> CallWithProjectsAsync() => await factory.WithDbAsync(async db =>
    {
        var programme = await db.Programmes.FirstAsync();
        var body = await db.FundingBodies.FirstAsync();
        var call = new Call(programme.Id, new CallDetails(body.Id, "Skėtinių organizacijų stiprinimas 2020", 2020,
            new LegalAct("A1-1", new DateOnly(2019, 12, 1), "Dėl nuostatų"), 800_000m, 40_000m, 70_000m, null, null,
            new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), FundingSource.StateBudget, ReportingRules.Default));
        var organisation = await db.Organisations.FirstAsync();
        var project = new Project(call.Id, organisation.Id, null, "Bandomasis projektas", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
        var other = new Project(call.Id, organisation.Id, null, "Kitas projektas", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
        db.AddRange(call, project, other);
        await db.SaveChangesAsync();
        return (call.Id, project.Id, other.Id);
    });

    private static object Agreement(string number = "A291-2520/20", string start = "2020-02-01", string end = "2020-12-31", decimal amount = 50_000m) =>
        new { number, signedOn = "2020-01-31", periodStart = start, periodEnd = end, grantedAmount = amount, funding = new[] { new { source = "StateBudget", amount } } };

    private async Task<int> AgreementCountAsync(Guid callId) => await factory.WithDbAsync(db => db.Agreements.CountAsync(a => a.CallId == callId));

    [Fact]
    public async Task An_agreement_outside_the_call_period_or_bounds_is_refused_through_the_api_and_nothing_is_saved()
    {
        var (callId, projectId, _) = await CallWithProjectsAsync();
        var api = await factory.ApiAsAsync(TalkaFactory.Admin);

        var cases = new (object Body, string Field, string Message)[]
        {
            (Agreement(end: "2021-01-31"), "PeriodStart", "Laikotarpis turi būti konkurso projektų laikotarpyje (2020-01-01 – 2020-12-31)."),
            (Agreement(amount: 90_000m), "GrantedAmount", "Suma viršija konkurso didžiausią sumą (70\u00A0000,00\u00A0€)."),
            (Agreement(amount: 10_000m), "GrantedAmount", "Suma mažesnė už konkurso mažiausią sumą (40\u00A0000,00\u00A0€)."),
            (Agreement(amount: -50_000m), "GrantedAmount", "Suma negali būti neigiama."),
            (Agreement(start: "2020-06-01", end: "2020-03-01"), "PeriodEnd", "Pabaigos data negali būti ankstesnė už pradžios datą."),
        };
        foreach (var (body, field, message) in cases)
        {
            var response = await api.PutAsJsonAsync($"/api/v1/projects/{projectId}/agreement", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
        Assert.Equal(0, await AgreementCountAsync(callId));
    }

    [Fact]
    public async Task A_duplicate_agreement_number_within_a_call_is_refused()
    {
        var (callId, projectId, otherId) = await CallWithProjectsAsync();
        var api = await factory.ApiAsAsync(TalkaFactory.Admin);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{projectId}/agreement", Agreement("A291-7/20"))).StatusCode);
        var response = await api.PutAsJsonAsync($"/api/v1/projects/{otherId}/agreement", Agreement("A291-7/20"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Šiame konkurse jau yra sutartis Nr. A291-7/20.", problem.GetProperty("errors").GetProperty("Number")[0].GetString());
        Assert.Equal(1, await AgreementCountAsync(callId));
    }

    [Fact]
    public async Task The_agreement_page_shows_the_error_beside_the_field_in_Lithuanian_and_saves_nothing()
    {
        var (callId, projectId, _) = await CallWithProjectsAsync();
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync($"/projects/agreement/{projectId}");
        var response = await browser.PostAsync($"/projects/agreement/{projectId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.Number"] = "A291-9/20", ["Input.PeriodStart"] = "2020-02-01", ["Input.PeriodEnd"] = "2020-12-31",
            ["Input.GrantedAmount"] = "-5 000,00", ["Input.Version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Suma negali būti neigiama.", Html.FieldError(html, "Input.GrantedAmount"));

        response = await browser.PostAsync($"/projects/agreement/{projectId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.Number"] = "A291-9/20", ["Input.PeriodStart"] = "2020-02-01", ["Input.PeriodEnd"] = "2021-03-31",
            ["Input.GrantedAmount"] = "50 000,00", ["Input.Version"] = "0",
        }));
        html = await response.Content.ReadAsStringAsync();
        Assert.Equal("Laikotarpis turi būti konkurso projektų laikotarpyje (2020-01-01 – 2020-12-31).", Html.FieldError(html, "Input.PeriodStart"));
        Assert.Equal(0, await AgreementCountAsync(callId));

        response = await browser.PostAsync($"/projects/agreement/{projectId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.Number"] = "A291-9/20", ["Input.PeriodStart"] = "2020-02-01", ["Input.PeriodEnd"] = "2020-12-31",
            ["Input.GrantedAmount"] = "47 511,61", ["Input.Funding[0].Source"] = "StateBudget", ["Input.Funding[0].Amount"] = "47 511,61", ["Input.Version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Agreements.Include(a => a.Funding).SingleAsync(a => a.ProjectId == projectId));
        Assert.Equal(47_511.61m, saved.GrantedAmount);
        Assert.Equal(47_511.61m, saved.StateFunding);
        var details = Html.Text(await browser.GetStringAsync($"/projects/details/{projectId}"));
        Assert.Contains("47\u00A0511,61\u00A0€", details);
        Assert.Contains("A291-9/20", details);
    }

    [Fact]
    public async Task A_malformed_legal_entity_code_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync("/organisations/edit");
        var response = await browser.PostAsync("/organisations/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.Name"] = "Asociacija „Ąžuolynas“", ["Input.LegalForm"] = "Association", ["Input.LegalEntityCode"] = "30519898X",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Juridinio asmens kodą sudaro 9 skaitmenys.", Html.FieldError(await response.Content.ReadAsStringAsync(), "Input.LegalEntityCode"));
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Asociacija „Ąžuolynas“")));
    }

    [Fact]
    public async Task A_check_digit_mismatch_is_a_warning_the_user_can_confirm()
    {
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync("/organisations/edit");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.Name"] = "Labdaros ir paramos fondas „Šviesa“", ["Input.LegalForm"] = "CharityFoundation", ["Input.LegalEntityCode"] = "305198981",
            ["Input.Municipality"] = "Šiaulių m.",
        };
        var response = await browser.PostAsync("/organisations/edit", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Kodo kontrolinis skaitmuo nesutampa.", Html.FieldError(html, "Input.LegalEntityCode"));
        Assert.Contains("Input.ConfirmCheckDigitWarning", html);
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.LegalEntityCode == "305198981")));

        fields["Input.ConfirmCheckDigitWarning"] = "true";
        response = await browser.PostAsync("/organisations/edit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Organisations.SingleAsync(o => o.LegalEntityCode == "305198981"));
        Assert.True(saved.CheckDigitOverridden);
        Assert.Equal("Šiaulių m.", saved.Municipality);
    }

    [Fact]
    public async Task The_api_refuses_a_malformed_code_with_a_validation_problem()
    {
        var api = await factory.ApiAsAsync(TalkaFactory.Admin);
        var response = await api.PostAsJsonAsync("/api/v1/organisations", new { name = "MB „Bandymas“", legalForm = "SmallPartnership", legalEntityCode = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Juridinio asmens kodą sudaro 9 skaitmenys.", problem.GetProperty("errors").GetProperty("LegalEntityCode")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "MB „Bandymas“")));

        var created = await api.PostAsJsonAsync("/api/v1/organisations", new { name = "MB „Bandymas“", legalForm = "SmallPartnership", legalEntityCode = "305807221" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var duplicate = await api.PostAsJsonAsync("/api/v1/organisations", new { name = "MB „Kitas“", legalForm = "SmallPartnership", legalEntityCode = "305807221" });
        Assert.Equal("Organizacija su kodu 305807221 jau įregistruota.",
            (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("LegalEntityCode")[0].GetString());
    }

    [Fact]
    public async Task English_api_clients_get_english_messages()
    {
        var api = await factory.ApiAsAsync(TalkaFactory.Admin);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations") { Content = JsonContent.Create(new { name = "", legalForm = "Association" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await api.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("This field is required.", problem.GetProperty("errors").GetProperty("Name")[0].GetString());
    }

    [Fact]
    public async Task A_call_with_its_minimum_above_its_maximum_is_refused_on_the_page()
    {
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var programme = await factory.WithDbAsync(db => db.Programmes.FirstAsync());
        var body = await factory.WithDbAsync(db => db.FundingBodies.FirstAsync());
        var form = await browser.GetStringAsync($"/calls/edit?programmeId={programme.Id}");
        var response = await browser.PostAsync("/calls/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form),
            ["Input.ProgrammeId"] = programme.Id.ToString(), ["Input.FundingBodyId"] = body.Id.ToString(),
            ["Input.Title"] = "Bandomasis konkursas 2027", ["Input.Year"] = "2027", ["Input.LegalActNumber"] = "A1-77",
            ["Input.LegalActDate"] = "2026-11-01", ["Input.LegalActTitle"] = "Dėl nuostatų", ["Input.MinGrant"] = "80 000", ["Input.MaxGrant"] = "70 000",
            ["Input.ProjectPeriodStart"] = "2027-01-01", ["Input.ProjectPeriodEnd"] = "2027-12-31", ["Input.FundingSource"] = "StateBudget",
            ["Input.MinutesPerAcademicHour"] = "45", ["Input.HalfYearlyReportThreshold"] = "30 000", ["Input.ReallocationThresholdPercent"] = "10",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mažiausia suma negali viršyti didžiausios.", Html.FieldError(await response.Content.ReadAsStringAsync(), "Input.MinGrant"));
        Assert.False(await factory.WithDbAsync(db => db.Calls.AnyAsync(c => c.Title == "Bandomasis konkursas 2027")));
    }

    [Fact]
    public async Task A_call_form_sent_back_with_an_error_keeps_the_cost_categories_that_were_ticked()
    {
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var programme = await factory.WithDbAsync(db => db.Programmes.FirstAsync());
        var body = await factory.WithDbAsync(db => db.FundingBodies.FirstAsync());
        var form = await browser.GetStringAsync($"/calls/edit?programmeId={programme.Id}");
        Assert.Equal(9, Regex.Matches(form, "name=\"Input.CostCategories\" value=\"[A-Za-z]+\" checked").Count); // a new call: all ticked
        var response = await browser.PostAsync("/calls/edit", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Html.Token(form)),
            new("Input.ProgrammeId", programme.Id.ToString()), new("Input.FundingBodyId", body.Id.ToString()),
            new("Input.Title", "Kategorijų konkursas 2027"), new("Input.Year", "2027"), new("Input.MinGrant", "80 000"), new("Input.MaxGrant", "70 000"),
            new("Input.ProjectPeriodStart", "2027-01-01"), new("Input.ProjectPeriodEnd", "2027-12-31"), new("Input.FundingSource", "StateBudget"),
            new("Input.MinutesPerAcademicHour", "45"), new("Input.CostCategories", "Personnel"), new("Input.CostCategories", "Audit"),
        ]));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticked = Regex.Matches(page, "name=\"Input.CostCategories\" value=\"([A-Za-z]+)\" checked").Select(m => m.Groups[1].Value).Order();
        Assert.Equal(["Audit", "Personnel"], ticked);
    }
}
