using System.Globalization;
using Talka.Domain.Common;
using Talka.Domain.Reports;
using Talka.Web.Features.Imports;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

public sealed record NarrativesInput(Dictionary<Guid, string?>? Narratives, int Version);
public sealed record ReturnInput(List<CommentInput>? Comments, int Version);
public sealed record VersionInput(int Version);

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<ReportService>().AddScoped<ReportPdf>();

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/queue", async (ReportService s, Texts t, CancellationToken ct) =>
            await s.QueueAsync(ct) is { } queue ? Results.Ok(queue) : ApiResults.Forbidden(t)).RequireAuthorization().WithTags("Reports")
            .Returns<IReadOnlyList<ReportRow>>("The funder's queue: reports awaiting review, overdue and due soon");
        var group = api.MapGroup("/projects/{projectId:guid}/reports").WithTags("Reports").RequireAuthorization();
        group.MapGet("/", async (Guid projectId, ReportService s, Texts t, CancellationToken ct) =>
            await s.ForProjectAsync(projectId, ct) is { } rows ? Results.Ok(rows) : ApiResults.NotFound(t))
            .Returns<IReadOnlyList<ReportRow>>("The project's reports as scheduled");
        group.MapGet("/{reportId:guid}", async (Guid projectId, Guid reportId, int? version, ReportService s, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, reportId, version, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound(t))
            .Returns<ReportView>("A report: its live pre-fill, or a frozen version");
        group.MapPut("/{reportId:guid}/narratives", async (Guid projectId, Guid reportId, NarrativesInput input, ReportService s, Texts t, CancellationToken ct) =>
            (await s.SaveNarrativesAsync(projectId, reportId, input.Narratives ?? [], input.Version, ct)).ToHttp(t, _ => Results.NoContent()))
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
        group.MapGet("/{reportId:guid}/pdf", async (Guid projectId, Guid reportId, int? version, ReportService s, ReportPdf pdf, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, reportId, version, ct) is { } view
                ? Results.File(await pdf.RenderAsync(view, ct), "application/pdf", $"ataskaita-{view.Report.PeriodStart:yyyy-MM-dd}.pdf")
                : ApiResults.NotFound(t))
            .ReturnsFile("A report as PDF", "application/pdf");
        group.MapGet("/{reportId:guid}/xlsx", async (Guid projectId, Guid reportId, int? version, ReportService s, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, reportId, version, ct) is { } view
                ? Results.File(Xlsx(view, t), ApiDocs.Xlsx, $"ataskaita-{view.Report.PeriodStart:yyyy-MM-dd}.xlsx")
                : ApiResults.NotFound(t))
            .ReturnsFile("A report as XLSX, with the same numbers as the page", ApiDocs.Xlsx);
    }

    /// <summary>The report's figures and lists as one sheet: section, line, value — the same numbers as the
    /// page.</summary>
    public static byte[] Xlsx(ReportView view, Texts t)
    {
        var c = view.Content;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { t["Reports.Report"], t.Enum(c.Kind), $"{LtFormat.Date(c.PeriodStart)} – {LtFormat.Date(c.PeriodEnd)}" },
            new object?[] { t["Field.Title"], c.Project, c.Organisation },
        };
        rows.AddRange(c.Figures.Select(f => (IReadOnlyList<object?>)[t["Reports.Figures"], t.Enum(f.Metric), f.Value]));
        rows.AddRange(c.Events.Select(e => (IReadOnlyList<object?>)[t["Delivery.Events"], $"Nr. {e.Number} {e.Topic}", e.AcademicHours]));
        rows.AddRange(c.Execution.Select(l => (IReadOnlyList<object?>)
            [t["Reports.Execution"], $"{t.Enum(l.Category)} ({t["Finance.Planned"].ToLowerInvariant()} {LtFormat.Eur(l.Planned)})", new SheetMoney(l.Spent)]));
        rows.AddRange(c.Expenses.Select(e => (IReadOnlyList<object?>)
            [t["Finance.Ledger"], $"{e.DocumentNumber} {e.Supplier}: {e.Content}", new SheetMoney(e.Amount)]));
        rows.Add([t["Reports.ExpensesTotal"], "", new SheetMoney(c.ExpensesTotal)]);
        rows.AddRange(c.Narratives.Select(n => (IReadOnlyList<object?>)[t["Reports.Narrative"], n.Activity, n.Text]));
        return SpreadsheetWriter.Xlsx([t["Reports.Section"], t["Reports.Line"], t["Reports.Value"]], rows, "Ataskaita");
    }
}
