using Talka.Domain.Reports;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

/// <param name="Explanations">Why a narrative's figures and the records differ, by activity (optional).</param>
public sealed record NarrativesInput(
    Dictionary<Guid, string?>? Narratives,
    int Version,
    Dictionary<Guid, string?>? Explanations = null
);
public sealed record ReturnInput(List<CommentInput>? Comments, int Version);
public sealed record VersionInput(int Version);
/// <summary>The PDF is being printed; ask again in a few seconds.</summary>
public sealed record ReportPdfPending(string Message);

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<ReportService>().AddScoped<ReportScheduler>().AddScoped<ReportPdf>()
        .AddSingleton<ChromiumQueue>().AddJobHandler<ReportPdfJob>();

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/queue", async ([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, string? filter, string? q, Guid? programme,
                string? sort, Guid? call, Guid? organisation, ReportService s, Texts t, CancellationToken ct) =>
            filter is not (null or "review" or "overdue" or "soon" or "returned" or "approved")
                ? ApiResults.Invalid(t, "filter", t["Reports.FilterInvalid"])
                : sort is not null && !ReportService.QueueSorts.Contains(sort)
                ? ApiResults.Invalid(t, "sort", t["Reports.SortInvalid"])
                : await s.QueueAsync(page ?? 1, filter, ct, q, programme, sort, call, organisation) is { } queue ? Results.Ok(queue) : ApiResults.Forbidden(t))
            .RequireAuthorization().WithTags("Reports")
            .Returns<Organisations.Page<ReportRow>>("The funder's queue: reports awaiting review, overdue and due soon, 50 a page (?page=2…; "
                + "?filter=review|overdue|soon|returned|approved; ?q= words of the project or organisation; ?programme=id; ?call=id; ?organisation=id; "
                + "?sort=priority|due|project|organisation), each with "
                + "when it was submitted and how many days late");
        var group = api.MapGroup("/projects/{projectId:guid}/reports").WithTags("Reports").RequireAuthorization();
        group.MapGet("/", async (Guid projectId, ReportService s, Texts t, CancellationToken ct) =>
            await s.ForProjectAsync(projectId, ct) is { } rows ? Results.Ok(rows) : ApiResults.NotFound(t))
            .Returns<IReadOnlyList<ReportRow>>("The project's reports as scheduled");
        group.MapGet("/{reportId:guid}", async (Guid projectId, Guid reportId, int? version, ReportService s, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, reportId, version, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound(t))
            .Returns<ReportView>("A report: its live pre-fill, or a frozen version");
        group.MapPut("/{reportId:guid}/narratives", async (Guid projectId, Guid reportId, NarrativesInput input, ReportService s, Texts t, CancellationToken ct) =>
            (await s.SaveNarrativesAsync(projectId, reportId, input.Narratives ?? [], input.Version, input.Explanations, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Save a report's narratives");
        group.MapPost("/{reportId:guid}/submit", async (Guid projectId, Guid reportId, VersionInput input, ReportService s, Texts t, CancellationToken ct) =>
            (await s.SubmitAsync(projectId, reportId, input.Version, ct: ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Submit a report: its content is frozen as a version");
        group.MapPost("/{reportId:guid}/return", async (Guid projectId, Guid reportId, ReturnInput input, ReportService s, Texts t, CancellationToken ct) =>
            (await s.ReturnAsync(projectId, reportId, input.Comments ?? [], input.Version, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Return a submitted report with comments");
        group.MapPost("/{reportId:guid}/approve", async (Guid projectId, Guid reportId, VersionInput input, ReportService s, Texts t, CancellationToken ct) =>
            (await s.ApproveAsync(projectId, reportId, input.Version, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Approve a submitted report");
        group.MapGet("/{reportId:guid}/pdf", async (Guid projectId, Guid reportId, int? version, ReportService s, Texts t, HttpContext http,
            CancellationToken ct) =>
            {
                var outcome = await s.PdfAsync(projectId, reportId, version, ct);
                if (outcome is null) return ApiResults.NotFound(t);
                if (outcome.Pdf is { } pdf) return Results.File(pdf, "application/pdf", outcome.FileName);
                http.Response.Headers.RetryAfter = "5";
                return outcome.Preparing
                    ? Results.Json(new ReportPdfPending(t["Reports.PdfPreparing"]), statusCode: StatusCodes.Status202Accepted)
                    : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Reports.PdfBusy"]);
            })
            .ReturnsFile("A report as PDF: a submitted version's is printed once after submission and kept (202 until it is "
                + "ready); a draft's is printed on request", "application/pdf")
            .Produces<ReportPdfPending>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{reportId:guid}/xlsx", async (Guid projectId, Guid reportId, int? version, ReportService s, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, reportId, version, ct) is { } view
                ? Results.File(ReportDocument.From(view, t).Xlsx(t), ApiDocs.Xlsx, $"ataskaita-{view.Report.PeriodStart:yyyy-MM-dd}.xlsx")
                : ApiResults.NotFound(t))
            .ReturnsFile("A report as XLSX: the same document as the page and the PDF, line by line", ApiDocs.Xlsx);
    }
}
