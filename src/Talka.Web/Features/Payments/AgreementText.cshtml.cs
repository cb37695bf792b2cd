using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Reports;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

/// <summary>The agreement's text in Lithuanian, made from the records, and the same as PDF.</summary>
public sealed class AgreementTextModel(
    PaymentQueries queries,
    RazorRenderer razor,
    ReportPdf printer,
    IWebHostEnvironment environment
) : DeliveryPage
{
    public AgreementDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        Document = await queries.DocumentAsync(projectId, HttpContext.RequestAborted);
        return Document is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        if (await queries.DocumentAsync(projectId, HttpContext.RequestAborted) is not { } document)
            return NotFound();
        var css = await System.IO.File.ReadAllTextAsync(
            Path.Combine(environment.WebRootPath, "css", "site.css"),
            HttpContext.RequestAborted
        );
        var html = await razor.RenderAsync(
            "/Features/Payments/_AgreementPrint.cshtml",
            document,
            new Dictionary<string, object?> { ["Css"] = css }
        );
        if (await printer.PrintHtmlAsync(html, HttpContext.RequestAborted) is not { } pdf)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        return File(pdf, "application/pdf", $"sutartis-{document.Number ?? "projektas"}.pdf");
    }
}
