using Talka.Web.Features.Reports;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>An approved ranking as a one-page PDF: the ranking page's own table partial in a print page, printed by
/// the reports' Chromium (<see cref="ReportPdf.PrintHtmlAsync"/>).</summary>
public sealed class RankingPdf(IWebHostEnvironment environment, RazorRenderer razor, ReportPdf printer)
{
    public async Task<byte[]?> RenderAsync(RankingDocument document, CancellationToken ct = default)
    {
        var css = await File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "css", "site.css"), ct);
        var html = await razor.RenderAsync(
            "/Features/Evaluation/_RankingPrint.cshtml",
            document,
            new Dictionary<string, object?> { ["Css"] = css }
        );
        return await printer.PrintHtmlAsync(html, ct);
    }
}
