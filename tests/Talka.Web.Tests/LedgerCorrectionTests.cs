using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Expenses are corrected and removed while their quarter's report is open; once it is submitted, the
/// quarter's expenses stay as they were sent, and the refusal says why.</summary>
public sealed class LedgerCorrectionTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static object Expense(string number, string date, string? paid, decimal amount) =>
        new
        {
            documentType = "Invoice",
            documentNumber = number,
            documentDate = date,
            supplier = "UAB „Salė“",
            content = "Salės nuoma",
            category = "EventsAndTraining",
            amount,
            paidOn = paid,
        };

    private static async Task<JsonElement> RowAsync(HttpClient client, Guid projectId, Guid expenseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/finance"))
            .GetProperty("ledger")
            .EnumerateArray()
            .Single(e => e.GetProperty("id").GetGuid() == expenseId);

    [Fact]
    public async Task An_expense_is_corrected_and_removed_while_its_quarter_is_open()
    {
        var id = await TestProjects.CreateAsync(factory, "Išlaidų taisymas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var typo = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/expenditures",
                Expense("SF-10", "2022-05-03", "2022-05-04", 1_200m)
            )
        ).IdOf();
        var row = await RowAsync(member, id, typo);
        Assert.False(row.GetProperty("locked").GetBoolean());

        var corrected = await member.PutAsJsonAsync(
            $"/api/v1/projects/{id}/expenditures/{typo}",
            new
            {
                documentType = "Invoice",
                documentNumber = "SF-10",
                documentDate = "2022-05-03",
                supplier = "UAB „Salė“",
                content = "Salės nuoma",
                category = "EventsAndTraining",
                amount = 120m,
                paidOn = "2022-05-04",
                version = row.GetProperty("version").GetInt32(),
            }
        );
        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        row = await RowAsync(member, id, typo);
        Assert.Equal(120m, row.GetProperty("amount").GetDecimal());

        // A stale version is a conflict, not a silent removal of what someone else just changed.
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await member.DeleteAsync($"/api/v1/projects/{id}/expenditures/{typo}?version=0")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await member.DeleteAsync(
                    $"/api/v1/projects/{id}/expenditures/{typo}?version={row.GetProperty("version").GetInt32()}"
                )
            ).StatusCode
        );
        var ledger = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance")).GetProperty(
            "ledger"
        );
        Assert.DoesNotContain(ledger.EnumerateArray(), e => e.GetProperty("id").GetGuid() == typo);
        // Another organisation cannot remove anything of this project.
        var other = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/expenditures",
                Expense("SF-11", "2022-05-03", "2022-05-04", 50m)
            )
        ).IdOf();
        var stranger = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await stranger.DeleteAsync($"/api/v1/projects/{id}/expenditures/{other}?version=1")).StatusCode
        );
    }

    [Fact]
    public async Task Once_a_quarters_report_is_submitted_its_expenses_cannot_be_changed_removed_or_added_to()
    {
        var id = await TestProjects.CreateAsync(factory, "Pateikto ketvirčio išlaidos");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var sent = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/expenditures",
                Expense("SF-20", "2022-02-10", "2022-02-15", 900m)
            )
        ).IdOf();
        var q1 = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .Single(r =>
                r.GetProperty("kind").GetString() == "QuarterlyFinancial"
                && r.GetProperty("periodEnd").GetString() == "2022-03-31"
            );
        var url = $"/api/v1/projects/{id}/reports/{q1.GetProperty("id").GetGuid()}";
        var draft = await member.GetFromJsonAsync<JsonElement>(url);
        (
            await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })
        ).EnsureSuccessStatusCode();

        var row = await RowAsync(member, id, sent);
        Assert.True(row.GetProperty("locked").GetBoolean());
        var version = row.GetProperty("version").GetInt32();
        var removal = await member.DeleteAsync($"/api/v1/projects/{id}/expenditures/{sent}?version={version}");
        Assert.Equal(HttpStatusCode.BadRequest, removal.StatusCode);
        Assert.Contains("2022 m. I ketv.", await removal.Content.ReadAsStringAsync());
        Assert.Contains("jau pateikta", await removal.Content.ReadAsStringAsync());
        var late = await member.PostAsJsonAsync(
            $"/api/v1/projects/{id}/expenditures",
            Expense("SF-21", "2022-03-01", "2022-03-02", 10m)
        );
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2022 m. I ketv.", problem.GetProperty("errors").GetProperty("PaidOn")[0].GetString());
        // Moving it out of the submitted quarter is a change too.
        var moved = await member.PutAsJsonAsync(
            $"/api/v1/projects/{id}/expenditures/{sent}",
            new
            {
                documentType = "Invoice",
                documentNumber = "SF-20",
                documentDate = "2022-02-10",
                supplier = "UAB „Salė“",
                content = "Salės nuoma",
                category = "EventsAndTraining",
                amount = 900m,
                paidOn = "2022-07-01",
                version,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(900m, (await RowAsync(member, id, sent)).GetProperty("amount").GetDecimal());
        // The next quarter is open.
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await member.PostAsJsonAsync(
                    $"/api/v1/projects/{id}/expenditures",
                    Expense("SF-22", "2022-04-01", "2022-04-02", 10m)
                )
            ).StatusCode
        );

        // The page says so: the row is marked, no remove button for it.
        var page = await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{id}/finance");
        Assert.Contains("pateikta ataskaitoje", Html.Text(page));
        Assert.DoesNotContain($"name=\"expenseId\" value=\"{sent}\"", page);
    }

    [Fact]
    public async Task The_finance_page_corrects_and_removes_an_expense_after_asking()
    {
        var id = await TestProjects.CreateAsync(factory, "Išlaidų taisymas puslapyje");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var expense = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/expenditures",
                Expense("SF-30", "2022-08-03", "2022-08-04", 75.5m)
            )
        ).IdOf();
        var version = (await RowAsync(member, id, expense)).GetProperty("version").GetInt32();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await browser.GetStringAsync($"/projects/{id}/finance?edit={expense}");
        Assert.Contains("Taisyti išlaidą Nr. SF-30", Html.Text(form));
        Assert.Contains("value=\"75,5\"", form);
        var saved = await browser.PostAsync(
            $"/projects/{id}/finance?handler=Expense",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Expense.Id"] = expense.ToString(),
                    ["Expense.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Expense.DocumentType"] = "Invoice",
                    ["Expense.DocumentNumber"] = "SF-30",
                    ["Expense.DocumentDate"] = "2022-08-03",
                    ["Expense.Supplier"] = "UAB „Salė“",
                    ["Expense.Content"] = "Salės nuoma",
                    ["Expense.Category"] = "EventsAndTraining",
                    ["Expense.Amount"] = "57,50",
                    ["Expense.PaidOn"] = "2022-08-04",
                    ["__RequestVerificationToken"] = Html.Token(form),
                }
            )
        );
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Html.Text(await saved.Content.ReadAsStringAsync()));
        var row = await RowAsync(member, id, expense);
        Assert.Equal(57.5m, row.GetProperty("amount").GetDecimal());
        var page = await browser.GetStringAsync($"/projects/{id}/finance");
        Assert.Contains("data-confirm=\"Šalinti išlaidą Nr. SF-30", page);
        var removed = await browser.PostAsync(
            $"/projects/{id}/finance?handler=DeleteExpense",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["expenseId"] = expense.ToString(),
                    ["version"] = row.GetProperty("version")
                        .GetInt32()
                        .ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["__RequestVerificationToken"] = Html.Token(page),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Išlaida pašalinta.", Html.Text(await browser.GetStringAsync($"/projects/{id}/finance")));
        Assert.Empty(
            (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/finance"))
                .GetProperty("ledger")
                .EnumerateArray()
        );
    }
}
