using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Agreements;
using Talka.Domain.Finance;
using Talka.Domain.Payments;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

public sealed record TrancheBody(
    decimal Amount,
    DateOnly? PlannedOn,
    PaymentRule Rule,
    Guid? ReportId = null,
    int Version = 0
)
{
    internal TrancheInput ToInput() => new(Amount, PlannedOn, Rule, ReportId);
}

public sealed record PayBody(DateOnly? PaidOn, string? PaymentOrder, int Version);

public sealed record ReasonBody(string? Reason, int Version);

public sealed record SignBody(DateOnly? SignedOn, string? Signatories, int Version);

public sealed record TerminateBody(DateOnly? On, string? Reason, int Version);

public sealed record PaymentsVersion(int Version);

public sealed record DisallowBody(string? Reason, int Version);

public sealed record RepayBody(DateOnly? On, decimal Amount, int Version);

public sealed record CourtBody(DateOnly? On, string? Note, int Version);

public sealed record AmendmentBody(
    AmendmentKind Kind,
    string? Reason,
    CostCategory? From = null,
    CostCategory? To = null,
    decimal? Moved = null,
    DateOnly? NewEnd = null,
    decimal? NewAmount = null,
    string? Decision = null,
    string? Description = null,
    Guid? IndicatorId = null,
    decimal? NewTarget = null,
    Guid? ActivityId = null,
    string? NewActivityDescription = null
)
{
    internal AmendmentChange ToChange() =>
        new(
            Kind,
            From,
            To,
            Moved,
            NewEnd,
            NewAmount,
            Decision,
            Description,
            IndicatorId,
            NewTarget,
            ActivityId,
            NewActivityDescription
        );
}

public sealed record DecisionBody(bool Approve, string? Note, int Version);

public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services) =>
        services
            .AddScoped<PaymentQueries>()
            .AddScoped<PaymentService>()
            .AddScoped<AmendmentService>()
            .AddJobHandler<RecoveryRemindersJob>();

    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        api.MapGet(
                "/payments",
                async (
                    TrancheState? state,
                    [FromQuery(Name = "page")] int? page,
                    PaymentQueries q,
                    Texts t,
                    CancellationToken ct
                ) =>
                    await q.ListForStaffAsync(state ?? TrancheState.Eligible, page ?? 1, ct) is { } list
                        ? Results.Ok(list)
                        : ApiResults.Forbidden(t)
            )
            .RequireAuthorization()
            .WithTags("Payments")
            .Returns<PaymentList>(
                "The funder's payment list across projects: ?state=Eligible (default; their rule is met) or Approved "
                    + "(waiting to be paid), 50 a page (?page=2…), with the total of all"
            );
        api.MapGet(
                "/payments/xlsx",
                async (TrancheState? state, PaymentQueries q, Texts t, CancellationToken ct) =>
                    await q.ListForStaffAsync(state ?? TrancheState.Approved, 1, ct, 100_000) is { } list
                        ? Results.File(
                            PaymentExport.Xlsx(list, t),
                            ApiDocs.Xlsx,
                            $"mokejimai-{list.State.ToString().ToLowerInvariant()}.xlsx"
                        )
                        : ApiResults.Forbidden(t)
            )
            .RequireAuthorization()
            .WithTags("Payments")
            .ReturnsFile(
                "The payment list as XLSX for the accounting system (?state=Approved by default)",
                ApiDocs.Xlsx
            );

        var group = api.MapGroup("/projects/{projectId:guid}").WithTags("Payments").RequireAuthorization();
        group
            .MapGet(
                "/payments",
                async (Guid projectId, PaymentQueries q, Texts t, CancellationToken ct) =>
                    await q.ForProjectAsync(projectId, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound(t)
            )
            .Returns<ProjectPayments>("The project's agreement state, grant, payments and what is still available");
        group
            .MapPost(
                "/payments/default-schedule",
                async (Guid projectId, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.PlanDefaultAsync(projectId, ct)).ToHttp(t, n => Results.Ok(new PaymentsVersion(n)))
            )
            .Returns<PaymentsVersion>(
                "Plan the call's default schedule (advance on signature, a tranche after each quarterly report, the final "
                    + "one after the final report); answers how many tranches were planned"
            );
        group
            .MapPost(
                "/payments",
                async (Guid projectId, TrancheBody body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.AddAsync(projectId, body.ToInput(), ct)).ToHttp(
                        t,
                        id => Results.Created($"payments/{id}", new { id })
                    )
            )
            .ReturnsCreated("Plan a tranche");
        group
            .MapPut(
                "/payments/{trancheId:guid}",
                async (
                    Guid projectId,
                    Guid trancheId,
                    TrancheBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.ReviseAsync(projectId, trancheId, body.ToInput(), body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Change a planned tranche");
        group
            .MapPost(
                "/payments/{trancheId:guid}/approve",
                async (
                    Guid projectId,
                    Guid trancheId,
                    PaymentsVersion body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.ApproveAsync(projectId, trancheId, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>(
                "Approve a tranche: only when its rule is met and it fits what is still available"
            );
        group
            .MapPost(
                "/payments/{trancheId:guid}/pay",
                async (Guid projectId, Guid trancheId, PayBody body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.PayAsync(projectId, trancheId, body.PaidOn, body.PaymentOrder, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Record an approved tranche as paid: the day and the payment order's number");
        group
            .MapPost(
                "/payments/{trancheId:guid}/cancel",
                async (
                    Guid projectId,
                    Guid trancheId,
                    ReasonBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.CancelAsync(projectId, trancheId, body.Reason, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Cancel a tranche not yet paid, with a reason");
        group
            .MapGet(
                "/agreement/versions",
                async (Guid projectId, PaymentQueries q, Texts t, CancellationToken ct) =>
                    await q.VersionsAsync(projectId, ct) is { } versions ? Results.Ok(versions) : ApiResults.NotFound(t)
            )
            .Returns<AgreementVersions>(
                "The agreement's versions: the original and one per approved amendment with its before and after; "
                    + "the one in force last"
            );
        group
            .MapPost(
                "/agreement/send",
                async (Guid projectId, PaymentsVersion body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.SendForSignatureAsync(projectId, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Send the draft agreement for signature");
        group
            .MapPost(
                "/agreement/sign",
                async (Guid projectId, SignBody body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.SignAsync(projectId, body.SignedOn, body.Signatories, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Record the agreement's signature (the day, who signed): it becomes active");
        group
            .MapPost(
                "/agreement/terminate",
                async (Guid projectId, TerminateBody body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.TerminateAsync(projectId, body.On, body.Reason, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Terminate the agreement with a reason: every tranche not yet paid is cancelled");
        group
            .MapPut(
                "/expenditures/{expenseId:guid}/disallowance",
                async (
                    Guid projectId,
                    Guid expenseId,
                    DisallowBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.DisallowAsync(projectId, expenseId, body.Reason, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>(
                "Disallow an expense at closure with a reason (e.g. recoverable VAT), or admit it again without one"
            );
        group
            .MapPost(
                "/settlement",
                async (Guid projectId, PaymentsVersion body, PaymentService s, Texts t, CancellationToken ct) =>
                    (await s.SettleAsync(projectId, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>(
                "Record the settlement after the final report's approval (the agreement's version): the final payment or "
                    + "a recovery, and closure when nothing is left"
            );
        group
            .MapPost(
                "/recoveries/{recoveryId:guid}/repayments",
                async (
                    Guid projectId,
                    Guid recoveryId,
                    RepayBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.RepayAsync(projectId, recoveryId, body.On, body.Amount, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Record a repayment (also partial) of a recovery");
        group
            .MapPost(
                "/recoveries/{recoveryId:guid}/court",
                async (
                    Guid projectId,
                    Guid recoveryId,
                    CourtBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.ReferToCourtAsync(projectId, recoveryId, body.On, body.Note, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Record a recovery's referral to court");
        group
            .MapPost(
                "/recoveries/{recoveryId:guid}/write-off",
                async (
                    Guid projectId,
                    Guid recoveryId,
                    ReasonBody body,
                    PaymentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.WriteOffAsync(projectId, recoveryId, body.Reason, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Write a recovery off with a reason");
        group
            .MapPost(
                "/amendments",
                async (Guid projectId, AmendmentBody body, AmendmentService s, Texts t, CancellationToken ct) =>
                    (await s.RequestAsync(projectId, body.ToChange(), body.Reason, ct)).ToHttp(
                        t,
                        id => Results.Created($"amendments/{id}", new { id })
                    )
            )
            .ReturnsCreated(
                "Ask for an amendment (the organisation's members or a funder admin): a budget reallocation (from, to, "
                    + "moved), a new end, a new amount with its decision, or a described change of activities or "
                    + "indicators; a reallocation within the call's threshold is recorded at once"
            );
        group
            .MapPost(
                "/amendments/{amendmentId:guid}/review",
                async (
                    Guid projectId,
                    Guid amendmentId,
                    PaymentsVersion body,
                    AmendmentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.ReviewAsync(projectId, amendmentId, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Take an amendment under review (funder admins)");
        group
            .MapPost(
                "/amendments/{amendmentId:guid}/decision",
                async (
                    Guid projectId,
                    Guid amendmentId,
                    DecisionBody body,
                    AmendmentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.DecideAsync(projectId, amendmentId, body.Approve, body.Note, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>(
                "Approve (the change is made and the agreement's version moves) or reject with a note (funder admins)"
            );
        group
            .MapPost(
                "/amendments/{amendmentId:guid}/withdraw",
                async (
                    Guid projectId,
                    Guid amendmentId,
                    PaymentsVersion body,
                    AmendmentService s,
                    Texts t,
                    CancellationToken ct
                ) =>
                    (await s.WithdrawAsync(projectId, amendmentId, body.Version, ct)).ToHttp(
                        t,
                        v => Results.Ok(new PaymentsVersion(v))
                    )
            )
            .Returns<PaymentsVersion>("Withdraw an amendment not yet decided (the side that asked)");
    }
}
