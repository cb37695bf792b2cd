using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>
/// Open data validated against the official schemas (tests/standards): 360Giving with ajv (npm), IATI 2.03 with
/// xmllint.
/// The validators are shown to reject the official invalid samples, so a pass means something.
/// </summary>
public sealed class OpenDataTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Talka.slnx"))) directory = directory.Parent;
            return directory!.FullName;
        }
    }

    private static string Standards => Path.Combine(Root, "tests", "standards");

    private static (int Code, string Output) Run(string file, string arguments, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    internal static (int Code, string Output) Validate360(string json)
    {
        var tools = Path.Combine(Root, "tests", "Talka.BrowserTests");
        var ajv = Path.Combine(tools, "node_modules", "ajv-cli", "dist", "index.js");
        Assert.True(File.Exists(ajv), $"ajv-cli is missing at {ajv}: run npm ci in tests/Talka.BrowserTests (scripts/test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"talka-360-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            return Run("node", $"\"{ajv}\" validate --spec=draft2020 --strict=false --errors=text -c ajv-formats " +
                $"-m \"{Standards}/helpers/json-schema-2020-12-http-alias.json\" -r \"{Standards}/360giving/360-giving-schema.json\" " +
                $"-s \"{Standards}/360giving/360-giving-package-schema.json\" -d \"{file}\"", tools);
        }
        finally { File.Delete(file); }
    }

    private static (int Code, string Output) ValidateIati(string xml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"talka-iati-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try { return Run("xmllint", $"--nonet --noout --schema \"{Standards}/iati/iati-activities-schema.xsd\" \"{file}\"", Standards); }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_validators_reject_the_official_invalid_samples_and_accept_the_valid_ones()
    {
        Assert.Equal(0, Validate360(File.ReadAllText(Path.Combine(Standards, "samples", "360giving-valid.json"))).Code);
        var invalid = Validate360(File.ReadAllText(Path.Combine(Standards, "samples", "360giving-invalid.json")));
        Assert.NotEqual(0, invalid.Code);
        Assert.Contains("amountAwarded", invalid.Output);
        Assert.Equal(0, ValidateIati(File.ReadAllText(Path.Combine(Standards, "samples", "iati-valid.xml"))).Code);
        Assert.NotEqual(0, ValidateIati(File.ReadAllText(Path.Combine(Standards, "samples", "iati-invalid.xml"))).Code);
    }

    [Fact]
    public async Task The_demo_datas_open_data_validates_against_the_official_schemas()
    {
        await factory.RegenerateOpenDataAsync();
        var visitor = factory.Browser();
        var json = await visitor.GetStringAsync("/open-data/360giving.json");
        var result = Validate360(json);
        Assert.True(result.Code == 0, result.Output);
        // Seed 002 is there, with the amount its text states (funds used; no agreement amount is stated).
        var grant = JsonDocument.Parse(json).RootElement.GetProperty("grants").EnumerateArray()
            .Single(g => g.GetProperty("recipientOrganization")[0].GetProperty("name").GetString() == "Šeimos santykių institutas");
        Assert.Equal(47_511.61m, grant.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(47_511.61m, grant.GetProperty("amountDisbursed").GetDecimal());
        Assert.Equal("Lietuvos Respublikos socialinės apsaugos ir darbo ministerija", grant.GetProperty("fundingOrganization")[0].GetProperty("name").GetString());

        var xml = await visitor.GetStringAsync("/open-data/iati.xml");
        var iati = ValidateIati(xml);
        Assert.True(iati.Code == 0, iati.Output);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(xml, "<iati-activity ").Count);
        // Seed 002's computed figures are results, with their actual values: 209 persons, 162 academic hours.
        var activity = System.Xml.Linq.XDocument.Parse(xml).Descendants("iati-activity")
            .Single(a => a.Descendants("participating-org").Any(o => (string?)o.Attribute("role") == "4" && o.Value.Contains("Šeimos santykių institutas")));
        string? Actual(string title) => activity.Descendants("result")
            .SingleOrDefault(r => r.Element("title")!.Value.Trim() == title)?.Descendants("actual").Single().Attribute("value")?.Value;
        Assert.Equal("209", Actual("Dalyviai (skirtingi asmenys)"));
        Assert.Equal("162", Actual("Suteikta akademinių valandų"));

        var csv = SpreadsheetReader.Read(new MemoryStream(await visitor.GetByteArrayAsync("/open-data/grants.csv")));
        var row = csv.Rows.Single(r => r.Cells[3].Text == "Šeimos santykių institutas");
        // The same amounts under the same meaning as in 360Giving.
        Assert.Equal("47511.61", row.Cells[csv.Headers.ToList().IndexOf("Amount Disbursed")].Text);
        Assert.Equal("47511.61", row.Cells[csv.Headers.ToList().IndexOf("Amount Awarded")].Text);
        Assert.Equal("209", row.Cells[csv.Headers.ToList().IndexOf("Participants (distinct persons)")].Text);
        var caritas = csv.Rows.Single(r => r.Cells[3].Text == "Vilniaus arkivyskupijos CARITAS");
        Assert.Equal("2017-08-31", caritas.Cells[csv.Headers.ToList().IndexOf("Award Date")].Text);
    }

    [Fact]
    public async Task A_generated_programme_validates_with_org_ids_targets_and_actuals()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var body = await factory.WithDbAsync(db => db.FundingBodies.Select(f => f.Id).FirstAsync());
        var programme = (await (await admin.PostAsJsonAsync("/api/v1/programmes", new { fundingBodyId = body, title = "Skėtinių organizacijų stiprinimas" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var call = (await (await admin.PostAsJsonAsync("/api/v1/calls", new
        {
            programmeId = programme, fundingBodyId = body, title = "2026 m. konkursas", year = 2026, legalActNumber = "A1-100", legalActDate = "2025-11-01",
            legalActTitle = "Dėl nuostatų", totalBudget = 800_000, minGrant = 40_000, maxGrant = 70_000, projectPeriodStart = "2026-01-01", projectPeriodEnd = "2026-12-31",
            fundingSource = "StateBudget",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var codes = new[] { "305198980", "305807221", "191676690" };
        for (var i = 0; i < codes.Length; i++)
        {
            var organisation = (await (await admin.PostAsJsonAsync("/api/v1/organisations", new { name = $"Asociacija „Bendrystė {i + 1}“", legalForm = "Association", legalEntityCode = codes[i] }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var project = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title = $"Stiprinimas {i + 1}", start = "2026-01-01", end = "2026-12-31" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/agreement", new
            {
                number = $"A291-{i + 1}/26", signedOn = "2026-01-15", periodStart = "2026-02-01", periodEnd = "2026-12-31", grantedAmount = 50_000 + i * 5_000,
                funding = new[] { new { source = "StateBudget", amount = 50_000 + i * 5_000 } },
            })).EnsureSuccessStatusCode();
            var plan = await (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/plan", new
            {
                version = 1, title = $"Stiprinimas {i + 1}", goal = "Stiprinti narių gebėjimus", objectives = new[] { new { text = "Mokyti narius" } },
                activities = Array.Empty<object>(), targetGroups = new[] { "NgoStaffAndVolunteers" }, municipalities = new[] { "Kauno m." },
                indicators = new[] { new { name = "Dalyviai", unit = "asm.", target = 100, metric = "DistinctParticipants" } },
            })).Content.ReadAsStringAsync();
            Assert.Contains("version", plan);
            (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = true })).EnsureSuccessStatusCode();
            if (i == 2)
            {
                // 60 000 € granted (signed 2026-01-15): an advance of 18 000 € is paid with its order.
                var tranche = await (await admin.PostAsJsonAsync($"/api/v1/projects/{project}/payments",
                    new { amount = 18_000m, plannedOn = "2026-01-20", rule = "OnSignature" })).IdOf();
                var url = $"/api/v1/projects/{project}/payments/{tranche}";
                (await admin.PostAsJsonAsync(url + "/approve", new { version = 0 })).EnsureSuccessStatusCode();
                (await admin.PostAsJsonAsync(url + "/pay", new { paidOn = "2026-01-22", paymentOrder = "MN-7", version = 1 }))
                    .EnsureSuccessStatusCode();
                // Two expenses paid in February (one month's expenditure), one disallowed in March (left out).
                foreach (var (number, amount, paidOn) in new[] { ("E-1", 1_200m, "2026-02-10"), ("E-2", 300m, "2026-02-20"),
                    ("E-3", 999m, "2026-03-05") })
                    (await admin.PostAsJsonAsync($"/api/v1/projects/{project}/expenditures", new
                    {
                        documentType = "Invoice", documentNumber = number, documentDate = "2026-02-05", supplier = "Jonas Jonaitis",
                        content = "Salės nuoma", category = "EventsAndTraining", amount, paidOn,
                    })).EnsureSuccessStatusCode();
                var e3 = await factory.WithDbAsync(db => db.Set<Talka.Domain.Finance.Expenditure>()
                    .Where(e => e.ProjectId == project && e.DocumentNumber == "E-3").Select(e => e.Id).SingleAsync());
                (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/expenditures/{e3}/disallowance",
                    new { reason = "Netinkamos išlaidos", version = 0 })).EnsureSuccessStatusCode();
                // The amount amended by a decision: 60 000 € → 65 000 €.
                var amendment = await (await admin.PostAsJsonAsync($"/api/v1/projects/{project}/amendments",
                    new { kind = "Amount", newAmount = 65_000m, decision = "A1-200", reason = "Papildomas finansavimas" })).IdOf();
                (await admin.PostAsJsonAsync($"/api/v1/projects/{project}/amendments/{amendment}/decision",
                    new { approve = true, version = 0 })).EnsureSuccessStatusCode();
            }
        }
        await factory.RegenerateOpenDataAsync();
        var json = await factory.Browser().GetStringAsync("/open-data/360giving.json");
        var result = Validate360(json);
        Assert.True(result.Code == 0, result.Output);
        var grants = JsonDocument.Parse(json).RootElement.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(["LT-RC-191676690", "LT-RC-305198980", "LT-RC-305807221"],
            grants.Select(g => g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString()).Where(id => id!.StartsWith("LT-RC-")).Order());
        var paid = grants.Single(g => g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString() == "LT-RC-191676690");
        Assert.Equal(65_000m, paid.GetProperty("amountAwarded").GetDecimal());
        // Disbursed is what was paid: the advance, as a transaction with its day.
        Assert.Equal(18_000m, paid.GetProperty("amountDisbursed").GetDecimal());
        var transaction = paid.GetProperty("disbursementTransaction")[0];
        Assert.Equal(("2026-01-22", 18_000m), (transaction.GetProperty("transactionDate").GetString(), transaction.GetProperty("value").GetDecimal()));
        var xml = await factory.Browser().GetStringAsync("/open-data/iati.xml");
        var iati = ValidateIati(xml);
        Assert.True(iati.Code == 0, iati.Output);
        Assert.Contains("<target value=\"100\" />", xml);
        Assert.Contains("<actual value=\"0\" />", xml);
        Assert.Contains("ref=\"LT-RC-305807221\"", xml);
        // The commitment (the agreement's amount on its signature) and the disbursement (the advance paid).
        var flat = System.Text.RegularExpressions.Regex.Replace(xml, ">\\s+<", "><");
        Assert.Contains("<transaction-type code=\"2\" /><transaction-date iso-date=\"2026-01-15\" /><value value-date=\"2026-01-15\">60000.00</value>", flat);
        Assert.Contains("<transaction-type code=\"3\" /><transaction-date iso-date=\"2026-01-22\" /><value value-date=\"2026-01-22\">18000.00</value>", flat);
        // The amendment: the original budget and the revised one, and the commitment's difference.
        var today = LtFormat.Date(DateOnly.FromDateTime(LtFormat.VilniusTime(DateTime.UtcNow)));
        Assert.Contains("<budget type=\"1\" status=\"2\"><period-start iso-date=\"2026-02-01\" /><period-end iso-date=\"2026-12-31\" />"
            + "<value value-date=\"2026-01-15\">60000.00</value></budget><budget type=\"2\" status=\"2\">", flat);
        Assert.Contains($"<value value-date=\"{today}\">65000.00</value></budget>", flat);
        Assert.Contains($"<transaction-type code=\"2\" /><transaction-date iso-date=\"{today}\" /><value value-date=\"{today}\">5000.00</value>", flat);
        // February's eligible expenses as one expenditure, without the supplier (a person); March's disallowed one not.
        Assert.Contains("<transaction-type code=\"4\" /><transaction-date iso-date=\"2026-02-20\" /><value value-date=\"2026-02-20\">1500.00</value></transaction>", flat);
        Assert.DoesNotContain("2026-03-05", flat);
        Assert.DoesNotContain("Jonaitis", flat);
    }
}
