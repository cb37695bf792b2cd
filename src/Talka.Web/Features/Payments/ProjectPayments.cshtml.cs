using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Agreements;
using Talka.Domain.Finance;
using Talka.Domain.Payments;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

/// <summary>A project's agreement and payments: the agreement's state and its steps (send for signature, record the
/// signature, terminate), the grant and what is paid, approved and still available, and each tranche with its rule and
/// state. Funder admins plan, approve, record payment and cancel; the organisation and auditors read.</summary>
public sealed class ProjectPaymentsModel(
    PaymentQueries queries,
    PaymentService service,
    AmendmentService amendments,
    Evidence.EvidenceService evidence
) : DeliveryPage
{
    public ProjectPayments? View { get; private set; }

    [BindProperty]
    public string? TrancheAmount { get; set; }

    [BindProperty]
    public DateOnly? PlannedOn { get; set; }

    [BindProperty]
    public PaymentRule Rule { get; set; }

    [BindProperty]
    public Guid? ReportId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId) => await LoadAsync(projectId) ?? Page();

    public async Task<IActionResult> OnPostDefaultAsync(Guid projectId) =>
        await AfterAsync(projectId, await service.PlanDefaultAsync(projectId), T["Payments.Planned"]);

    public async Task<IActionResult> OnPostAddAsync(Guid projectId)
    {
        if (await LoadAsync(projectId) is { } refused)
            return refused;
        if (!View!.CanManage)
            return await DenyAsync();
        var amount = Amount(TrancheAmount, nameof(TrancheAmount));
        if (amount is null && ModelState.ErrorCount == 0)
            ModelState.AddModelError(nameof(TrancheAmount), T["Error.Required"]);
        if (ModelState.ErrorCount > 0)
            return Page();
        var added = await service.AddAsync(projectId, new TrancheInput(amount!.Value, PlannedOn, Rule, ReportId));
        // The schedule's rules name the amount as the API does; on this page it is the new tranche's amount field.
        added = added with
        {
            Errors = [.. added.Errors.Select(e => e.Field == "Amount" ? e with { Field = nameof(TrancheAmount) } : e)],
        };
        return await AfterAsync(projectId, added, T["Payments.Added"]);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid projectId, Guid trancheId, int version) =>
        await AfterAsync(projectId, await service.ApproveAsync(projectId, trancheId, version), T["Payments.Approved"]);

    public async Task<IActionResult> OnPostPayAsync(
        Guid projectId,
        Guid trancheId,
        DateOnly? paidOn,
        string? paymentOrder,
        int version
    ) =>
        await AfterAsync(
            projectId,
            await service.PayAsync(projectId, trancheId, paidOn, paymentOrder, version),
            T["Payments.PaidSaved"]
        );

    public async Task<IActionResult> OnPostCancelAsync(Guid projectId, Guid trancheId, string? reason, int version) =>
        await AfterAsync(
            projectId,
            await service.CancelAsync(projectId, trancheId, reason, version),
            T["Payments.Cancelled"]
        );

    public async Task<IActionResult> OnPostSendAsync(Guid projectId, int version) =>
        await AfterAsync(projectId, await service.SendForSignatureAsync(projectId, version), T["Payments.Sent"]);

    public async Task<IActionResult> OnPostSignAsync(
        Guid projectId,
        DateOnly? signedOn,
        string? signatories,
        int version
    ) =>
        await AfterAsync(
            projectId,
            await service.SignAsync(projectId, signedOn, signatories, version),
            T["Payments.Signed"]
        );

    /// <summary>Files the signed agreement (a PDF) as the agreement's evidence.</summary>
    public async Task<IActionResult> OnPostSignedCopyAsync(Guid projectId, Guid agreementId, IFormFile? file)
    {
        if (await LoadAsync(projectId) is { } refused)
            return refused;
        if (!View!.CanManage)
            return await DenyAsync();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", T["Error.FileEmpty"]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        return await AfterAsync(
            projectId,
            await evidence.UploadAsync(
                projectId,
                Domain.Delivery.EvidenceOwner.Agreement,
                agreementId,
                stream,
                file.FileName,
                file.Length
            ),
            T["Evidence.Saved", file.FileName]
        );
    }

    public async Task<IActionResult> OnPostTerminateAsync(Guid projectId, DateOnly? on, string? reason, int version) =>
        await AfterAsync(
            projectId,
            await service.TerminateAsync(projectId, on, reason, version),
            T["Payments.Terminated"]
        );

    public async Task<IActionResult> OnPostDisallowAsync(Guid projectId, Guid expenseId, string? reason, int version) =>
        await AfterAsync(
            projectId,
            await service.DisallowAsync(projectId, expenseId, reason, version),
            T["Payments.DisallowedSaved"]
        );

    public async Task<IActionResult> OnPostSettleAsync(Guid projectId, int version) =>
        await AfterAsync(projectId, await service.SettleAsync(projectId, version), T["Payments.SettledSaved"]);

    public async Task<IActionResult> OnPostRepayAsync(
        Guid projectId,
        Guid recoveryId,
        DateOnly? repaidOn,
        string? repaidAmount,
        int version
    )
    {
        var amount = Amount(repaidAmount, "Amount");
        if (ModelState.ErrorCount > 0)
            return await LoadAsync(projectId) ?? Page();
        return await AfterAsync(
            projectId,
            await service.RepayAsync(projectId, recoveryId, repaidOn, amount ?? 0, version),
            T["Payments.RecoverySaved"]
        );
    }

    public async Task<IActionResult> OnPostCourtAsync(
        Guid projectId,
        Guid recoveryId,
        DateOnly? courtOn,
        string? note,
        int version
    ) =>
        await AfterAsync(
            projectId,
            await service.ReferToCourtAsync(projectId, recoveryId, courtOn, note, version),
            T["Payments.RecoverySaved"]
        );

    public async Task<IActionResult> OnPostWriteOffAsync(
        Guid projectId,
        Guid recoveryId,
        string? reason,
        int version
    ) =>
        await AfterAsync(
            projectId,
            await service.WriteOffAsync(projectId, recoveryId, reason, version),
            T["Payments.RecoverySaved"]
        );

    public async Task<IActionResult> OnPostAmendAsync(
        Guid projectId,
        AmendmentKind kind,
        string? reason,
        CostCategory? from,
        CostCategory? to,
        string? moved,
        DateOnly? newEnd,
        string? newAmount,
        string? decision,
        string? description,
        Guid? indicatorId,
        string? newTarget,
        Guid? activityId,
        string? newActivityDescription
    )
    {
        var movedAmount = Amount(moved, "Moved");
        var amount = Amount(newAmount, "NewAmount");
        var target = Amount(newTarget, "NewTarget");
        if (ModelState.ErrorCount > 0)
            return await LoadAsync(projectId) ?? Page();
        return await AfterAsync(
            projectId,
            await amendments.RequestAsync(
                projectId,
                new AmendmentChange(
                    kind,
                    from,
                    to,
                    movedAmount,
                    newEnd,
                    amount,
                    decision,
                    description,
                    indicatorId,
                    target,
                    activityId,
                    newActivityDescription
                ),
                reason
            ),
            T["Amendments.Requested"]
        );
    }

    public async Task<IActionResult> OnPostReviewAmendmentAsync(Guid projectId, Guid amendmentId, int version) =>
        await AfterAsync(
            projectId,
            await amendments.ReviewAsync(projectId, amendmentId, version),
            T["Amendments.Saved"]
        );

    public async Task<IActionResult> OnPostDecideAmendmentAsync(
        Guid projectId,
        Guid amendmentId,
        bool approve,
        string? note,
        int version
    ) =>
        await AfterAsync(
            projectId,
            await amendments.DecideAsync(projectId, amendmentId, approve, note, version),
            T["Amendments.Saved"]
        );

    public async Task<IActionResult> OnPostWithdrawAmendmentAsync(Guid projectId, Guid amendmentId, int version) =>
        await AfterAsync(
            projectId,
            await amendments.WithdrawAsync(projectId, amendmentId, version),
            T["Amendments.Saved"]
        );

    private async Task<IActionResult> AfterAsync<TValue>(Guid projectId, Result<TValue> result, string message)
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (result.Ok)
        {
            TempData["Saved"] = message;
            return Redirect($"/projects/{projectId}/payments");
        }
        return await LoadAsync(projectId) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused)
            return refused;
        View = await queries.ForProjectAsync(projectId, HttpContext.RequestAborted);
        return View is null ? NotFound() : null;
    }

    /// <summary>The plan's indicators and activities an amendment may change.</summary>
    public (
        IReadOnlyList<Projects.IndicatorView> Indicators,
        IReadOnlyList<Talka.Domain.Projects.Activity> Activities
    ) Plan => (View?.Indicators ?? [], [.. Project.Project.Activities.OrderBy(a => a.Position)]);

    /// <summary>The agreement's version in force: the original is 1, each approved amendment the next.</summary>
    public int AgreementVersion => View?.Amendments?.Max(m => m.AgreementVersion) ?? 1;

    public string ReportLabel(Guid? reportId) =>
        View!.Reports.FirstOrDefault(r => r.Id == reportId) is { } r
            ? $"{T.Enum(r.Kind)} ({Talka.Domain.Common.LtFormat.Date(r.PeriodStart)} – "
                + $"{Talka.Domain.Common.LtFormat.Date(r.PeriodEnd)})"
            : "";
}
