using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>Budget and ledger through the API and the page: the quarter rule, the granted amount, who may see
/// what.</summary>
public sealed class FinanceTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>A new project of Šeimos santykių institutas with an agreement of 50 000 € for 2022.</summary>
    private async Task<Guid> ProjectAsync()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var id = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title = "Finansų bandymas", start = "2022-01-01", end = "2022-12-31" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/agreement", new { number = $"F-{id.ToString("N")[^12..]}", periodStart = "2022-01-01", periodEnd = "2022-12-31", grantedAmount = 50_000 })).EnsureSuccessStatusCode();
        return id;
    }

    private static object Expense(string number, string date, string? paid, decimal amount, string category = "EventsAndTraining") =>
        new { documentType = "Invoice", documentNumber = number, documentDate = date, supplier = "UAB „Salė“", content = "Salės nuoma seminarui", category, amount, paidOn = paid };

    [Fact]
    public async Task An_expense_paid_after_the_quarters_end_counts_in_the_next_quarter_not_that_one()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "EventsAndTraining", grantAmount = 50_000, ownFunds = 0 } } })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-1", "2022-02-10", "2022-02-15", 1_000m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-2", "2022-03-28", "2022-04-04", 2_500.50m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-3", "2022-03-30", null, 700m))).StatusCode);

        decimal Spent(JsonElement view) => view.GetProperty("execution").EnumerateArray().Sum(l => l.GetProperty("spent").GetDecimal());
        Assert.Equal(1_000m, Spent(await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance?asOf=2022-03-31")));
        Assert.Equal(3_500.50m, Spent(await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance?asOf=2022-06-30")));
        var ledger = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance")).GetProperty("ledger").EnumerateArray().ToList();
        Assert.Equal("2022 m. II ketv.", ledger.Single(e => e.GetProperty("documentNumber").GetString() == "SF-2").GetProperty("firstQuarter").GetString());
        Assert.Equal(JsonValueKind.Null, ledger.Single(e => e.GetProperty("documentNumber").GetString() == "SF-3").GetProperty("firstQuarter").ValueKind);

        // The page shows the same, in Lithuanian format, and the ledger exports with its Lithuanian letters.
        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{id}/finance?asOf=2022-03-31"));
        Assert.Contains("Renginiai ir mokymai 50\u00A0000,00\u00A0€ 1\u00A0000,00\u00A0€ 2 %", page);
        var xlsx = SpreadsheetReader.Read(new MemoryStream(await member.GetByteArrayAsync($"/api/v1/projects/{id}/expenditures/export?format=xlsx")));
        Assert.Equal(["SF-1", "SF-2", "SF-3"], xlsx.Rows.Select(r => r.Cells[1].Text));
        Assert.Equal("UAB „Salė“", xlsx.Rows[0].Cells[3].Text);
        // Typed cells: the amount is a number, the dates are dates, so that the spreadsheet can add and sort them.
        Assert.Equal(2500.50, xlsx.Rows[1].Cells[6].Number);
        Assert.Equal(new DateTime(2022, 3, 28), xlsx.Rows[1].Cells[2].Date);
    }

    [Fact]
    public async Task A_budget_that_does_not_add_up_to_the_granted_amount_and_a_negative_expense_are_refused()
    {
        var id = await ProjectAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var budget = await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "Personnel", grantAmount = 40_000, ownFunds = 5_000 } } });
        Assert.Equal(HttpStatusCode.BadRequest, budget.StatusCode);
        Assert.Equal("Skirtų lėšų suma sąmatoje (40\u00A0000,00\u00A0€) nesutampa su sutartyje skirta suma (50\u00A0000,00\u00A0€).",
            (await budget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Lines")[0].GetString());
        var negative = await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-9", "2022-05-01", "2022-05-02", -10m));
        Assert.Equal("Suma negali būti neigiama.", (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Amount")[0].GetString());
        var late = await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("SF-10", "2023-01-03", "2023-01-04", 10m));
        Assert.Equal("Data turi būti projekto laikotarpyje (2022-01-01 – 2022-12-31).", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("DocumentDate")[0].GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Talka.Domain.Finance.Expenditure>().CountAsync(e => e.ProjectId == id)));
    }

    [Fact]
    public async Task Another_organisations_member_cannot_see_the_ledger_and_an_auditor_reads_without_changing()
    {
        var id = await ProjectAsync();
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/finance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}/expenditures/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("X", "2022-05-01", null, 5m))).StatusCode);
        var auditor = await factory.ApiAsAsync(TalkaFactory.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/projects/{id}/finance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("X", "2022-05-01", null, 5m))).StatusCode);
    }

    [Fact]
    public async Task The_call_sets_the_budgets_cost_categories_and_an_expense_takes_its_evidence()
    {
        // A call of its own that allows only personnel and audit.
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var existing = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var template = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{existing}");
        var created = await admin.PostAsJsonAsync("/api/v1/calls", new
        {
            programmeId = template.GetProperty("programmeId").GetGuid(), fundingBodyId = template.GetProperty("fundingBodyId").GetGuid(),
            title = "Tik darbo užmokestis ir auditas", year = 2022, legalActNumber = "A1-9", legalActDate = "2021-12-01", legalActTitle = "Dėl nuostatų",
            projectPeriodStart = "2022-01-01", projectPeriodEnd = "2022-12-31", fundingSource = "StateBudget", costCategories = new[] { "Personnel", "Audit" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var callId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(["Audit", "Personnel"], (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}")).GetProperty("costCategories").EnumerateArray().Select(c => c.GetString()).Order());
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var id = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { callId, organisationId = organisation, title = "Kategorijos", start = "2022-01-01", end = "2022-12-31" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/agreement", new { number = "K-1", periodStart = "2022-01-01", periodEnd = "2022-12-31", grantedAmount = 50_000 })).EnsureSuccessStatusCode();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var refused = await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "Travel", grantAmount = 50_000, ownFunds = 0 } } });
        Assert.Equal("Šios išlaidų kategorijos konkursas nenumato.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Lines[0].Category")[0].GetString());
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "Personnel", grantAmount = 48_000, ownFunds = 0 }, new { category = "Audit", grantAmount = 2_000, ownFunds = 0 } } })).EnsureSuccessStatusCode();

        var expense = (await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", Expense("DU-1", "2022-01-31", "2022-02-01", 4_000m, "Personnel"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Pdf()), "file", "žiniaraštis.pdf" } };
        var uploaded = await member.PostAsync($"/api/v1/projects/{id}/files?owner=Expenditure&ownerId={expense}", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
    }

    [Fact]
    public async Task Seed_002s_reported_funds_and_the_ledger_are_shown_apart_and_labelled_and_no_budget_is_no_overspending()
    {
        var id = await factory.WithDbAsync(db => db.Projects.Where(p => p.Source != null && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "Šeimos santykių institutas"))
            .Select(p => p.Id).SingleAsync());
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = Html.Text(await browser.GetStringAsync($"/projects/{id}/finance"));
        Assert.Contains("Panaudota lėšų (pagal organizacijos ataskaitą) 47\u00A0511,61\u00A0€ Išlaidų žurnale įrašyta 0,00\u00A0€", page);
        Assert.Contains("Sąmata dar neįvesta", page);

        // A first expense without a budget is not flagged as needing an agreement change.
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var fresh = await TestProjects.CreateAsync(factory, "Be sąmatos");
        (await member.PostAsJsonAsync($"/api/v1/projects/{fresh}/expenditures", Expense("SF-1", "2022-02-10", "2022-02-11", 100m))).EnsureSuccessStatusCode();
        var execution = Html.Text(Html.Table(await browser.GetStringAsync($"/projects/{fresh}/finance")));
        Assert.Contains("sąmata neįvesta", execution);
        Assert.DoesNotContain("reikia keisti sutartį", execution);
    }

    [Fact]
    public async Task Two_budget_saves_made_from_the_same_version_do_not_overwrite_each_other()
    {
        var id = await TestProjects.CreateAsync(factory, "Biudžeto lenktynės", granted: 50_000m);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        object Budget(string category, int version) =>
            new { version, lines = new[] { new { category, grantAmount = 50_000, ownFunds = 0 } } };
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", Budget("Personnel", 0))).EnsureSuccessStatusCode();
        var version = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance"))
            .GetProperty("budgetVersion")
            .GetInt32();
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", Budget("EventsAndTraining", version)))
            .EnsureSuccessStatusCode();
        // The second person's form was made from the same version: refused, the first save stands.
        var second = await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", Budget("Publicity", version));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var lines = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance"))
            .GetProperty("budget")
            .EnumerateArray()
            .Select(l => l.GetProperty("category").GetString());
        Assert.Equal(["EventsAndTraining"], lines);
    }
}
