using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>One rendering of a report: the page, the PDF and the XLSX show the same lines, each event as sessions ×
/// hours per session and its total; a submitted version's PDF is printed once and kept.</summary>
public sealed class ReportDocumentTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static readonly (string Topic, int Sessions, int Hours)[] Schedule =
    [
        ("Tėvystės mokymai", 11, 8),
        ("Seminarai pedagogams", 5, 6),
        ("Supervizijos", 2, 8),
    ];

    [Fact]
    public async Task The_final_report_shows_each_event_as_sessions_times_hours_alike_on_page_pdf_and_xlsx()
    {
        var id = await TestProjects.CreateAsync(factory, "Ataskaitos dokumentas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        foreach (var (topic, sessions, hours) in Schedule)
        {
            (
                await member.PostAsJsonAsync(
                    $"/api/v1/projects/{id}/events",
                    new
                    {
                        kind = "Training",
                        topic,
                        start = "2022-03-01",
                        end = "2022-05-31",
                        sessions,
                        hoursPerSession = hours,
                    }
                )
            ).EnsureSuccessStatusCode();
        }
        var final = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "Final")
            .GetProperty("id")
            .GetGuid();
        var url = $"/api/v1/projects/{id}/reports/{final}";
        var draft = await member.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })
            ).StatusCode
        );

        // The page.
        var html = await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync(
            $"/projects/{id}/reports/{final}?version=1"
        );
        var pageRows = Rows(html, "report-table-events");
        Assert.Equal(3, pageRows.Count);
        Assert.Equal(
            ["1", "Mokymai", "Tėvystės mokymai", "2022-03-01 – 2022-05-31", "11 × 8 ak. val.", "88", "0"],
            pageRows[0]
        );
        Assert.Equal("5 × 6 ak. val.", pageRows[1][4]);
        Assert.Equal("30", pageRows[1][5]);
        Assert.Equal("2 × 8 ak. val.", pageRows[2][4]);
        Assert.Equal("16", pageRows[2][5]);

        // The XLSX: the same cells, the numbers typed.
        var sheet = SpreadsheetReader.Read(new MemoryStream(await member.GetByteArrayAsync($"{url}/xlsx?version=1")));
        var sheetRows = sheet.Rows.Where(r => r.Cells[0].Text == "Renginiai" && r.Cells[1].Number is not null).ToList();
        Assert.Equal(pageRows.Count, sheetRows.Count);
        for (var i = 0; i < pageRows.Count; i++)
        {
            var cells = sheetRows[i]
                .Cells.Skip(1)
                .Take(7)
                .Select(c => c.Number is { } n ? LtFormat.Number((decimal)n) : c.Text)
                .ToList();
            Assert.Equal(pageRows[i], cells);
        }
        Assert.Equal(88.0, sheetRows[0].Cells[6].Number);

        // The PDF: printed once after submission, then the same file every time; each event on one line.
        var pdf = await StoredPdfAsync(member, $"{url}/pdf?version=1");
        // Free text (the topic) may wrap onto the next line; the other cells stay on the row's line, in order.
        var lines = (await PdfTextAsync(pdf)).Split('\n');
        foreach (var row in pageRows)
        {
            var at = Array.FindIndex(
                lines,
                l => l.Contains(row[4], StringComparison.Ordinal) && Regex.IsMatch(l, $"^\\s*{row[0]}\\s")
            );
            Assert.True(at >= 0, $"No line of the PDF starts with {row[0]} and holds {row[4]}.");
            var from = 0;
            foreach (var cell in row.Where((_, i) => i != 2))
            {
                var found = lines[at].IndexOf(cell, from, StringComparison.Ordinal);
                Assert.True(found >= 0, $"'{cell}' is not in the PDF line '{lines[at]}' after column {from}.");
                from = found + cell.Length;
            }
            var block = string.Join(" ", lines[at..Math.Min(lines.Length, at + 3)]);
            Assert.All(row[2].Split(' '), word => Assert.Contains(word, block));
        }

        // A record made after submission changes neither the frozen version nor its PDF.
        (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/events",
                new
                {
                    kind = "Seminar",
                    topic = "Vėliau įrašytas",
                    start = "2022-06-01",
                    end = "2022-06-01",
                    sessions = 1,
                    hoursPerSession = 2,
                }
            )
        ).EnsureSuccessStatusCode();
        Assert.Equal(pdf, await member.GetByteArrayAsync($"{url}/pdf?version=1"));
        Assert.DoesNotContain("Vėliau įrašytas", await PdfTextAsync(pdf));
    }

    [Fact]
    public async Task A_versions_pdf_is_announced_as_being_prepared_until_it_is_printed()
    {
        var id = await TestProjects.CreateAsync(factory, "Ruošiamas PDF");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var q1 = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .First()
            .GetProperty("id")
            .GetGuid();
        var url = $"/api/v1/projects/{id}/reports/{q1}";
        // The worker is held, so the PDF stays unprinted while the page and the API are asked.
        using (factory.HoldJobs())
        {
            var draft = await member.GetFromJsonAsync<JsonElement>(url);
            (
                await member.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt32() })
            ).EnsureSuccessStatusCode();
            var pending = await member.GetAsync($"{url}/pdf?version=1");
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
            Assert.Equal("5", pending.Headers.GetValues("Retry-After").Single());
            Assert.Contains(
                "PDF ruošiamas",
                (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()
            );
            var page = Html.Text(
                await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync(
                    $"/projects/{id}/reports/{q1}"
                )
            );
            Assert.Contains("PDF ruošiamas", page);
            Assert.DoesNotContain("Atsisiųsti PDF", page);
        }
        Assert.StartsWith(
            "%PDF",
            System.Text.Encoding.ASCII.GetString(await StoredPdfAsync(member, $"{url}/pdf?version=1"), 0, 4)
        );
        var after = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{id}/reports/{q1}")
        );
        Assert.Contains("Atsisiųsti PDF", after);
    }

    /// <summary>Asks for the version's PDF until the worker has printed it (it answers 202 until then).</summary>
    private static async Task<byte[]> StoredPdfAsync(HttpClient client, string url)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
                return await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.Delay(500);
        }
        throw new TimeoutException($"The PDF at {url} was not printed within a minute.");
    }

    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"talka-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start(
                new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
                {
                    RedirectStandardOutput = true,
                }
            )!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text.Replace('\u00A0', ' ');
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The body rows of the table with the id, each as its cells' text.</summary>
    private static List<List<string>> Rows(string html, string tableId)
    {
        var table = Regex
            .Match(html, $"<table id=\"{tableId}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)
            .Groups[1]
            .Value;
        return Regex
            .Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r =>
                Regex
                    .Matches(r.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                    .Select(c => WebUtility.HtmlDecode(c.Groups[1].Value).Replace('\u00A0', ' ').Trim())
                    .ToList()
            )
            .ToList();
    }
}
