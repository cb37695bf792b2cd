using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>
/// Every CSV export, read as raw bytes: no cell starts with =, +, -, @, a tab or a carriage return unescaped, whatever
/// an
/// NGO user or an imported list typed; the delimiter and decimal separator are the ones each export promises.
/// </summary>
public sealed class ExportSafetyTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static readonly string[] Formulas = ["=1+2", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1"];

    private static List<string[]> Cells(byte[] bytes, char delimiter)
    {
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(), HasHeaderRecord = false, BadDataFound = null, TrimOptions = TrimOptions.None,
        });
        var rows = new List<string[]>();
        while (parser.Read()) rows.Add(parser.Record!);
        return rows;
    }

    private static void AssertNoFormula(List<string[]> rows, string export)
    {
        foreach (var cell in rows.SelectMany(r => r))
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{export}: a cell starts with a formula character: {cell}");
    }

    [Fact]
    public async Task Formulas_typed_into_records_leave_every_csv_export_as_text()
    {
        var id = await TestProjects.CreateAsync(factory, "=HYPERLINK(\"http://x\")", published: true);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/budget", new { lines = new[] { new { category = "EventsAndTraining", grantAmount = 50_000, ownFunds = 0 } }, version = 0 }))
            .EnsureSuccessStatusCode();
        var eventId = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Training", topic = "Mokymai", start = "2022-03-01", end = "2022-03-01", sessions = 1, hoursPerSession = 2.5 })).IdOf();
        var marks = new List<object>();
        for (var i = 0; i < Formulas.Length; i++)
        {
            var person = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants",
                new { code = $"F{i}", displayName = Formulas[i], organisation = Formulas[(i + 1) % Formulas.Length], category = "Other" })).IdOf();
            marks.Add(new { participantId = person, academicHours = 2.5m });
            (await member.PostAsJsonAsync($"/api/v1/projects/{id}/expenditures", new
            {
                documentType = "Invoice", documentNumber = Formulas[i], documentDate = "2022-03-02", supplier = Formulas[(i + 2) % Formulas.Length],
                content = Formulas[(i + 3) % Formulas.Length], category = "EventsAndTraining", amount = 1234.5m + i, paidOn = "2022-03-03",
            })).EnsureSuccessStatusCode();
        }
        (await member.PutAttendanceAsync(id, eventId, marks)).EnsureSuccessStatusCode();

        // People's exports: ';' and a decimal comma, as Lithuanian Excel reads them.
        var participants = Cells(await member.GetByteArrayAsync($"/api/v1/projects/{id}/participants/export?format=csv"), ';');
        AssertNoFormula(participants, "participants");
        Assert.Contains(participants, r => r.Contains("'=1+2") && r.Contains("2,5"));
        var ledger = Cells(await member.GetByteArrayAsync($"/api/v1/projects/{id}/expenditures/export?format=csv"), ';');
        AssertNoFormula(ledger, "ledger");
        Assert.Contains(ledger, r => r.Contains("'@SUM(A1:A9)"));
        Assert.Contains(ledger, r => r.Contains("1234,50"));
        var template = Cells(await member.GetByteArrayAsync($"/api/v1/projects/{id}/import-template?format=csv"), ';');
        AssertNoFormula(template, "template");
        Assert.True(template[0].Length > 5);

        // Open data: ',' and a decimal point, for machines.
        await factory.RegenerateOpenDataAsync();
        var grants = Cells(await factory.Browser().GetByteArrayAsync("/open-data/grants.csv"), ',');
        AssertNoFormula(grants, "grants");
        var row = grants.Single(r => r.Contains("'=HYPERLINK(\"http://x\")"));
        Assert.Contains("50000.00", row);
        Assert.Contains("Šeimos santykių institutas", row);
    }

    [Fact]
    public void The_writer_escapes_each_formula_character_and_keeps_numbers_typed()
    {
        var rows = Formulas.Select(f => (IReadOnlyList<object?>)[f, 12.5m, new SheetMoney(3m), new DateOnly(2022, 12, 31)]).ToList();
        var lithuanian = Encoding.UTF8.GetString(SpreadsheetWriter.Csv(["a", "b", "c", "d"], rows, CsvFormat.Lithuanian));
        Assert.Contains("\"'=1+2\";12,5;3,00;2022-12-31\r\n", lithuanian);
        var international = Encoding.UTF8.GetString(SpreadsheetWriter.Csv(["a", "b", "c", "d"], rows, CsvFormat.International));
        Assert.Contains("\"'-2+3\",12.5,3.00,2022-12-31\r\n", international);
        AssertNoFormula(Cells(Encoding.UTF8.GetBytes(lithuanian), ';'), "writer");

        var xlsx = SpreadsheetReader.Read(new MemoryStream(SpreadsheetWriter.Xlsx(["a", "b", "c", "d"], rows)));
        Assert.Equal("=1+2", xlsx.Rows[0].Cells[0].Text);   // text in XLSX: a string cell, never a formula
        Assert.Equal(12.5, xlsx.Rows[0].Cells[1].Number);
        Assert.Equal(3.0, xlsx.Rows[0].Cells[2].Number);
        Assert.Equal(new DateTime(2022, 12, 31), xlsx.Rows[0].Cells[3].Date);
    }
}
