using System.Diagnostics;
using System.Text;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

/// <summary>
/// A report as PDF: the report page's own document partial (_ReportDocument.cshtml) in a print page with the site's
/// stylesheet, printed by headless Chromium, so Lithuanian letters come out as text, not pictures. Chromium runs
/// through <see cref="ChromiumQueue"/>. Needs Chromium (Talka:Chromium, default /usr/bin/chromium) and fonts with
/// Lithuanian glyphs (Debian: fonts-dejavu-core, fonts-liberation).
/// </summary>
public sealed class ReportPdf(
    IConfiguration configuration,
    IWebHostEnvironment environment,
    RazorRenderer razor,
    ChromiumQueue queue,
    ILogger<ReportPdf> logger
)
{
    /// <summary>The PDF; null when Chromium stayed busy too long.</summary>
    public async Task<byte[]?> RenderAsync(ReportDocument document, CancellationToken ct = default)
    {
        var html = await HtmlAsync(document);
        return await queue.RunAsync(() => PrintAsync(html, ct), ct);
    }

    /// <summary>Any print page (another document's own template) as PDF; null when Chromium stayed busy too
    /// long.</summary>
    public Task<byte[]?> PrintHtmlAsync(string html, CancellationToken ct = default) =>
        queue.RunAsync(() => PrintAsync(html, ct), ct);

    public async Task<string> HtmlAsync(ReportDocument document)
    {
        var css = await File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "css", "site.css"));
        return await razor.RenderAsync(
            "/Features/Reports/_ReportPrint.cshtml",
            document,
            new Dictionary<string, object?> { ["Css"] = css }
        );
    }

    private async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("talka-pdf-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, Encoding.UTF8, ct);
            var chromium = configuration["Talka:Chromium"] ?? "/usr/bin/chromium";
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                ArgumentList =
                {
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--no-pdf-header-footer",
                    $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    $"--print-to-pdf={pdf}",
                    new Uri(page).AbsoluteUri,
                },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (!File.Exists(pdf))
            {
                logger.LogError("Chromium printed no PDF (exit {Code}): {Errors}", process.ExitCode, await errors);
                throw new InvalidOperationException("Chromium printed no PDF.");
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException) { }
        }
    }
}
