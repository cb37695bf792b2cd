using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Registers are paged on the server: 50 a page, in order, the total counted in the database.</summary>
public sealed class RegisterPagingTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task The_events_register_comes_fifty_a_page_by_number_on_the_page_and_in_the_api()
    {
        var project = await TestProjects.CreateAsync(factory, "Daug renginių");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        for (var i = 1; i <= 53; i++)
            (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new
            {
                kind = i % 10 == 0 ? "Seminar" : "Training", topic = $"Užsiėmimas {i}", start = "2022-05-02", end = "2022-05-02", sessions = 1,
                hoursPerSession = 2,
            })).EnsureSuccessStatusCode();

        var first = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events");
        Assert.Equal(53, first.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Range(1, 50), first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var second = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?page=2");
        Assert.Equal([51, 52, 53], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var seminars = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?kind=Seminar");
        Assert.Equal([10, 20, 30, 40, 50], seminars.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var quarter = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events?quarter=2022Q2&page=2");
        Assert.Equal(53, quarter.GetProperty("total").GetInt32());
        Assert.Equal(3, quarter.GetProperty("items").GetArrayLength());

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = Html.Text(await browser.GetStringAsync($"/projects/{project}/events?page=2"));
        Assert.Contains("Užsiėmimas 53", page);
        Assert.DoesNotContain("Užsiėmimas 50 ", page);
        Assert.Contains("Puslapis 2 iš 2 (iš viso 53)", page);
    }

    [Fact]
    public async Task Volunteers_and_deliverables_come_fifty_a_page()
    {
        var project = await TestProjects.CreateAsync(factory, "Daug savanorių ir rezultatų");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        for (var i = 1; i <= 51; i++)
        {
            (await member.PostAsJsonAsync($"/api/v1/projects/{project}/volunteers", new { name = $"Savanoris {i:D2}", trained = true, active = true }))
                .EnsureSuccessStatusCode();
            (await member.PostAsJsonAsync($"/api/v1/projects/{project}/deliverables",
                new { kind = i == 51 ? "Handbook" : "Publication", title = $"Leidinys {i:D2}", date = $"2022-06-{i % 28 + 1:D2}" })).EnsureSuccessStatusCode();
        }
        var volunteers = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/volunteers?page=2");
        Assert.Equal(51, volunteers.GetProperty("total").GetInt32());
        Assert.Equal(["Savanoris 51"], volunteers.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var deliverables = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/deliverables");
        Assert.Equal(51, deliverables.GetProperty("total").GetInt32());
        Assert.Equal(50, deliverables.GetProperty("items").GetArrayLength());
        var handbooks = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/deliverables?kind=Handbook");
        Assert.Equal(["Leidinys 51"], handbooks.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = Html.Text(await browser.GetStringAsync($"/projects/{project}/volunteers?page=2"));
        Assert.Contains("Savanoris 51", page);
        Assert.DoesNotContain("Savanoris 50", page);
        Assert.Contains("Puslapis 2 iš 2 (iš viso 51)", page);
        Assert.Contains("Puslapis 1 iš 2 (iš viso 51)", Html.Text(await browser.GetStringAsync($"/projects/{project}/deliverables")));
    }

    [Fact]
    public async Task The_ledger_comes_fifty_a_page_with_its_total_and_the_execution_summed_over_every_expense()
    {
        var project = await TestProjects.CreateAsync(factory, "Daug išlaidų");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{project}";
        // 52 expenses of 10 € in May (paid), the last one unpaid: it is in the ledger but spends nothing yet.
        for (var i = 1; i <= 52; i++)
            (await member.PostAsJsonAsync(url + "/expenditures", new
            {
                documentType = "Receipt", documentNumber = $"K-{i:D2}", documentDate = $"2022-05-{i % 28 + 1:D2}", supplier = "UAB „Kanceliarija“",
                content = "Prekės", category = i % 2 == 0 ? "Publicity" : "EventsAndTraining", amount = 10.01m,
                paidOn = i == 52 ? null : "2022-06-30",
            })).EnsureSuccessStatusCode();
        var first = await member.GetFromJsonAsync<JsonElement>(url + "/finance");
        Assert.Equal((52, 520.52m, 50), (first.GetProperty("ledgerCount").GetInt32(), first.GetProperty("ledgerAmount").GetDecimal(),
            first.GetProperty("ledger").GetArrayLength()));
        var spent = first.GetProperty("execution").EnumerateArray()
            .ToDictionary(l => l.GetProperty("category").GetString()!, l => l.GetProperty("spent").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["EventsAndTraining"] = 260.26m, ["Publicity"] = 250.25m }, spent);
        var second = await member.GetFromJsonAsync<JsonElement>(url + "/finance?page=2");
        Assert.Equal(2, second.GetProperty("ledger").GetArrayLength());
        // As of 31 May nothing was paid yet.
        var may = await member.GetFromJsonAsync<JsonElement>(url + "/finance?asOf=2022-05-31");
        Assert.All(may.GetProperty("execution").EnumerateArray(), l => Assert.Equal(0m, l.GetProperty("spent").GetDecimal()));

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = Html.Text(await browser.GetStringAsync($"/projects/{project}/finance?page=2"));
        Assert.Contains("Išlaidų žurnale 52 įrašai, iš viso 520,52\u00a0€.", page);
        Assert.Contains("Puslapis 2 iš 2 (iš viso 52)", page);
        // An expense on the other page is still opened for correction by its id.
        var k01 = first.GetProperty("ledger").EnumerateArray().Select(e => (Id: e.GetProperty("id").GetGuid(), No: e.GetProperty("documentNumber").GetString()))
            .First();
        var edit = await browser.GetStringAsync($"/projects/{project}/finance?page=2&edit={k01.Id}");
        Assert.Contains($"value=\"{k01.No}\"", edit);
    }
}
