using System.Diagnostics;
using System.Net;
using System.Text;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Reports;

/// <summary>
/// A report as PDF: its print HTML (the same sections and figures as the page, with the site's stylesheet) printed by
/// headless Chromium, so Lithuanian letters come out as text, not pictures. Needs Chromium (Talka:Chromium, default
/// /usr/bin/chromium) and fonts with Lithuanian glyphs (Debian: fonts-dejavu-core, fonts-liberation).
/// </summary>
public sealed class ReportPdf(IConfiguration configuration, IWebHostEnvironment environment, Texts texts, ILogger<ReportPdf> logger)
{
    public async Task<byte[]> RenderAsync(ReportView view, CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("talka-pdf-");
        try
        {
            var html = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(html, Html(view), Encoding.UTF8, ct);
            var chromium = configuration["Talka:Chromium"] ?? "/usr/bin/chromium";
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--no-pdf-header-footer",
                    $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
                },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (!File.Exists(pdf))
            {
                logger.LogError("Chromium printed no PDF (exit {Code}): {Errors}", process.ExitCode, await errors);
                throw new InvalidOperationException("Chromium printed no PDF.");
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The print HTML: a self-contained document with the site's stylesheet inlined.</summary>
    public string Html(ReportView view)
    {
        var c = view.Content;
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var css = File.ReadAllText(Path.Combine(environment.WebRootPath, "css", "site.css"));
        var b = new StringBuilder();
        b.Append($"<!DOCTYPE html><html lang=\"lt\"><head><meta charset=\"utf-8\"><title>{E(texts.Enum(c.Kind))}</title><style>{css} body{{background:#fff}} main{{padding:0}}</style></head><body><main class=\"wrap\">");
        b.Append($"<h1>{E(texts.Enum(c.Kind))}: {LtFormat.Date(c.PeriodStart)} – {LtFormat.Date(c.PeriodEnd)}</h1>");
        b.Append($"<dl class=\"facts card\"><dt>{E(texts["Field.Title"])}</dt><dd>{E(c.Project)}</dd><dt>{E(texts["Field.Organisation"])}</dt><dd>{E(c.Organisation)}</dd>");
        b.Append($"<dt>{E(texts["Field.AgreementNumber"])}</dt><dd>{E(c.AgreementNumber ?? texts["Common.NotStated"])}</dd>");
        b.Append($"<dt>{E(texts["Reports.Status"])}</dt><dd>{E(texts.Enum(view.Report.Status))}{(view.ShownVersion is { } shown ? ", " + E(texts["Reports.VersionN", shown]) : "")}</dd></dl>");
        if (c.Figures.Count > 0)
        {
            b.Append($"<h2>{E(texts["Reports.Figures"])}</h2><table><tbody>");
            foreach (var f in c.Figures) b.Append($"<tr><td>{E(texts.Enum(f.Metric))}</td><td class=\"num\">{LtFormat.Number(f.Value)}</td></tr>");
            b.Append("</tbody></table>");
        }
        if (c.Events.Count > 0)
        {
            b.Append($"<h2>{E(texts["Delivery.Events"])}</h2><ul>");
            foreach (var e in c.Events) b.Append($"<li>Nr. {e.Number} {E(texts.Enum(e.Kind))}: {E(e.Topic)} — {e.Sessions} × {(e.AcademicHours is { } h ? LtFormat.Number(h) : "—")}</li>");
            b.Append("</ul>");
        }
        b.Append($"<h2>{E(texts["Reports.Execution"])}</h2><table><thead><tr><th>{E(texts["Finance.Category"])}</th><th class=\"num\">{E(texts["Finance.Planned"])}</th><th class=\"num\">{E(texts["Finance.Spent"])}</th></tr></thead><tbody>");
        foreach (var l in c.Execution) b.Append($"<tr><td>{E(texts.Enum(l.Category))}</td><td class=\"num\">{LtFormat.Eur(l.Planned)}</td><td class=\"num\">{LtFormat.Eur(l.Spent)}</td></tr>");
        b.Append($"</tbody></table><h2>{E(texts["Reports.Expenses"])}</h2><table><thead><tr><th>{E(texts["Finance.Document"])}</th><th>{E(texts["Finance.Supplier"])}</th><th class=\"num\">{E(texts["Finance.Amount"])}</th><th>{E(texts["Finance.PaidOn"])}</th></tr></thead><tbody>");
        foreach (var e in c.Expenses)
            b.Append($"<tr><td>{E(texts.Enum(e.DocumentType))} Nr. {E(e.DocumentNumber)}, {LtFormat.Date(e.DocumentDate)}</td><td>{E(e.Supplier)}: {E(e.Content)}</td><td class=\"num\">{LtFormat.Eur(e.Amount)}</td><td>{LtFormat.Date(e.PaidOn)}</td></tr>");
        b.Append($"</tbody><tfoot><tr><th colspan=\"2\">{E(texts["Reports.ExpensesTotal"])}</th><td class=\"num\">{LtFormat.Eur(c.ExpensesTotal)}</td><td></td></tr></tfoot></table>");
        if (c.Narratives.Count > 0)
        {
            b.Append($"<h2>{E(texts["Reports.Narratives"])}</h2><dl class=\"facts\">");
            foreach (var n in c.Narratives) b.Append($"<dt>{E(n.Activity)}</dt><dd>{E(n.Text.Length == 0 ? "—" : n.Text)}</dd>");
            b.Append("</dl>");
        }
        b.Append("</main></body></html>");
        return b.ToString();
    }
}
