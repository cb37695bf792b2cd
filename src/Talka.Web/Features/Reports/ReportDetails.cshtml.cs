using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

public sealed class ReportDetailsModel(ReportService reports, Narrative.NarrativeChecks narratives) : DeliveryPage
{
    /// <summary>Figures a narrative states that the project's records say otherwise, by narrative: a warning to the
    /// organisation before it submits and to the funder beside the text on review, with the organisation's
    /// explanation.</summary>
    public IReadOnlyList<NarrativeDifferences> Differences { get; private set; } = [];

    public ReportView? View { get; private set; }

    /// <summary>The report's content as the document the PDF and the XLSX are made from.</summary>
    public ReportDocument Document => ReportDocument.From(View!, T);

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid reportId, int? version)
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        return await LoadAsync(projectId, reportId, version) ?? Page();
    }

    public async Task<IActionResult> OnPostNarrativesAsync(
        Guid projectId,
        Guid reportId,
        Dictionary<Guid, string?> narratives,
        Dictionary<Guid, string?> explanations,
        int version
    ) =>
        await AfterAsync(
            projectId,
            reportId,
            await reports.SaveNarrativesAsync(projectId, reportId, narratives, version, explanations),
            T["Reports.NarrativesSaved"],
            narratives,
            explanations
        );

    /// <summary>Submits, saving with it whatever was typed in the narratives on the same form; if the submission is
    /// refused, the form comes back with what was typed.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(
        Guid projectId,
        Guid reportId,
        Dictionary<Guid, string?> narratives,
        Dictionary<Guid, string?> explanations,
        int version
    ) =>
        await AfterAsync(
            projectId,
            reportId,
            await reports.SubmitAsync(projectId, reportId, version, narratives, explanations),
            T["Reports.Submitted"],
            narratives,
            explanations
        );

    /// <summary>The remarks typed on the return form (shown again as typed when the return is refused or a row is
    /// added).</summary>
    public List<RemarkRow> Remarks { get; private set; } = [];

    /// <summary>Returns the report with its remarks, each tied to a section of the report and, if given, a line of
    /// it; "add" brings the form back with one more row, nothing saved.</summary>
    public async Task<IActionResult> OnPostReturnAsync(
        Guid projectId,
        Guid reportId,
        List<RemarkRow> remarks,
        string? command,
        int version
    )
    {
        Remarks = remarks;
        if (command == "add")
        {
            if (await EnterAsync(projectId) is { } refused)
                return refused;
            Remarks.Add(new RemarkRow());
            return await LoadAsync(projectId, reportId, null) ?? Page();
        }
        var comments = remarks
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Select(r =>
            {
                var section = string.IsNullOrWhiteSpace(r.Section) ? T["Reports.General"] : r.Section.Trim();
                return new CommentInput(
                    string.IsNullOrWhiteSpace(r.Line) ? section : $"{section}: {r.Line.Trim()}",
                    r.Text!
                );
            })
            .ToList();
        return await AfterAsync(
            projectId,
            reportId,
            await reports.ReturnAsync(projectId, reportId, comments, version),
            T["Reports.Returned"]
        );
    }

    /// <summary>The sections a remark can be about: the report in general and each table of its document.</summary>
    public IReadOnlyList<string> RemarkSections => [T["Reports.General"], .. Document.Tables.Select(t => t.Title)];

    public async Task<IActionResult> OnPostApproveAsync(Guid projectId, Guid reportId, int version) =>
        await AfterAsync(
            projectId,
            reportId,
            await reports.ApproveAsync(projectId, reportId, version),
            T["Reports.Approved"]
        );

    private async Task<IActionResult> AfterAsync(
        Guid projectId,
        Guid reportId,
        Result<bool> result,
        string message,
        IReadOnlyDictionary<Guid, string?>? typed = null,
        IReadOnlyDictionary<Guid, string?>? explained = null
    )
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        if (await FailureAsync(result, "Report") is { } failure)
            return failure;
        if (result.Ok)
        {
            TempData["Saved"] = message;
            return Redirect($"/projects/{projectId}/reports/{reportId}");
        }
        if (await LoadAsync(projectId, reportId, null) is { } missing)
            return missing;
        if (typed is not null && View!.CanEdit)
        {
            View = View with
            {
                Content = View.Content with
                {
                    Narratives = View
                        .Content.Narratives.Select(n =>
                            n with
                            {
                                Text = typed.TryGetValue(n.ActivityId, out var text) ? text ?? "" : n.Text,
                                Explanation =
                                    explained?.TryGetValue(n.ActivityId, out var why) == true ? why : n.Explanation,
                            }
                        )
                        .ToList(),
                },
            };
        }
        await CheckNarrativesAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid projectId, Guid reportId, int? version)
    {
        View = await reports.ViewAsync(projectId, reportId, version);
        if (View is null)
            return NotFound();
        await CheckNarrativesAsync();
        return null;
    }

    private async Task CheckNarrativesAsync()
    {
        var content = View!.Content;
        var written = content.Narratives.Where(n => !string.IsNullOrWhiteSpace(n.Text)).ToList();
        if (written.Count == 0)
        {
            Differences = [];
            return;
        }
        // The records are read once for all the narratives; an activity's figures are those of the report's period.
        var records = await narratives.RecordsAsync(
            Project,
            new Talka.Domain.Common.DateRange(content.PeriodStart, content.PeriodEnd),
            HttpContext.RequestAborted
        );
        Differences =
        [
            .. written
                .Select(n => new NarrativeDifferences(
                    n,
                    [
                        .. Talka
                            .Domain.Narrative.NarrativeCheck.Check(
                                n.Text,
                                Talka.Domain.Narrative.NarrativeExtractor.Extract(n.Text),
                                records,
                                n.ActivityId
                            )
                            .Where(c => c.Verdict == Talka.Domain.Narrative.Verdict.Differs),
                    ]
                ))
                .Where(d => d.Checks.Count > 0),
        ];
    }
}
