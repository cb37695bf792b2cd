using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Common;
using Talka.Domain.Payments;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

/// <summary>Writes of the agreement's lifecycle and the project's payments, each one use case in one transaction,
/// funder admins only. Every approval of a tranche reads its rule and what is still available inside the transaction
/// and bumps the agreement's version, so two approvals racing for the last of the grant cannot both pass.</summary>
public sealed class PaymentService(
    TalkaDbContext db,
    ProjectGate gate,
    ProjectPermissions permissions,
    PaymentQueries queries,
    Writes writes,
    ViewerAccessor viewers,
    Notifier notifier,
    ProgrammeOfficers officers,
    Reports.ReportScheduler scheduler,
    TimeProvider clock
)
{
    private DateOnly Today => DateOnly.FromDateTime(LtFormat.VilniusTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The call's default schedule for a project that has none: the advance on signature, a tranche after
    /// each quarterly report's approval, the final one after the final report's.</summary>
    public async Task<Result<int>> PlanDefaultAsync(Guid projectId, CancellationToken ct = default)
    {
        // The reports the tranches wait for are made first, on their own.
        if (await gate.FindAsync(projectId, ct) is { CanRead: true } readable)
            await scheduler.EnsureAsync(readable, ct);
        return await WithAgreementAsync(
            projectId,
            async (context, agreement) =>
            {
                var granted = agreement.GrantedAmount ?? throw new DomainException("Required", "GrantedAmount");
                var existing = await db.Set<Tranche>().Where(t => t.ProjectId == projectId).ToListAsync(ct);
                if (existing.Any(t => !t.Cancelled))
                    throw new DomainException("ScheduleExists", "Tranches");
                var advance = await db
                    .Calls.Where(c => c.Id == context.Project.CallId)
                    .Select(c => c.AdvancePercent)
                    .SingleAsync(ct);
                var reports = await db.Set<Report>()
                    .Where(r => r.ProjectId == projectId && r.Kind != ReportKind.Activity)
                    .Select(r => new PaymentSchedule.ReportSlot(r.Id, r.Kind, r.PeriodEnd, r.Due))
                    .ToListAsync(ct);
                var number = PaymentSchedule.NextNumber(existing);
                var plan = PaymentSchedule.Default(granted, advance, agreement.SignedOn ?? Today, reports);
                foreach (var input in plan)
                    db.Add(new Tranche(projectId, number++, input));
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(plan.Count);
            },
            ct
        );
    }

    public Task<Result<Guid>> AddAsync(Guid projectId, TrancheInput input, CancellationToken ct = default) =>
        WithAgreementAsync(
            projectId,
            async (_, agreement) =>
            {
                await EnsureReportAsync(projectId, input, ct);
                var tranches = await db.Set<Tranche>().Where(t => t.ProjectId == projectId).ToListAsync(ct);
                var tranche = new Tranche(projectId, PaymentSchedule.NextNumber(tranches), input);
                PaymentSchedule.EnsureWithinGrant(agreement.GrantedAmount ?? 0, [.. tranches, tranche]);
                db.Add(tranche);
                await db.SaveChangesAsync(ct);
                return Result<Guid>.Success(tranche.Id);
            },
            ct
        );

    public Task<Result<int>> ReviseAsync(
        Guid projectId,
        Guid trancheId,
        TrancheInput input,
        int version,
        CancellationToken ct = default
    ) =>
        WithTrancheAsync(
            projectId,
            trancheId,
            version,
            async (_, agreement, tranche, tranches) =>
            {
                await EnsureReportAsync(projectId, input, ct);
                tranche.Revise(input);
                PaymentSchedule.EnsureWithinGrant(agreement.GrantedAmount ?? 0, tranches);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(tranche.Version);
            },
            ct
        );

    public Task<Result<int>> ApproveAsync(
        Guid projectId,
        Guid trancheId,
        int version,
        CancellationToken ct = default
    ) =>
        WithTrancheAsync(
            projectId,
            trancheId,
            version,
            async (_, agreement, tranche, tranches) =>
            {
                if (!agreement.IsSigned)
                    throw new DomainException("AgreementNotSigned", "Approved");
                var ruleMet = await queries
                    .WithRule()
                    .Where(x => x.Tranche.Id == trancheId)
                    .Select(x => x.RuleMet)
                    .SingleAsync(ct);
                var viewer = await viewers.GetAsync(ct);
                tranche.Approve(
                    ruleMet,
                    PaymentSchedule.Available(agreement.GrantedAmount ?? 0, tranches, tranche),
                    viewer.Email ?? "",
                    clock.GetUtcNow()
                );
                // The agreement's version moves with every approval: a second approval racing for the same money
                // meets a conflict instead of passing on a stale sum.
                db.Entry(agreement).Property(a => a.Version).IsModified = true;
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(tranche.Version);
            },
            ct
        );

    public Task<Result<int>> PayAsync(
        Guid projectId,
        Guid trancheId,
        DateOnly? paidOn,
        string? paymentOrder,
        int version,
        CancellationToken ct = default
    ) =>
        WithTrancheAsync(
            projectId,
            trancheId,
            version,
            async (context, agreement, tranche, _) =>
            {
                tranche.Pay(paidOn ?? throw new DomainException("Required", "PaidOn"), paymentOrder, Today);
                await notifier.NotifyAsync(
                    await notifier.MembersOfAsync(context.Project.OrganisationId, ct),
                    NotificationKinds.TranchePaid,
                    $"/projects/{projectId}/payments",
                    [context.Project.Title, LtFormat.Eur(tranche.Amount), LtFormat.Date(paidOn.Value)],
                    ct: ct
                );
                await db.SaveChangesAsync(ct);
                await CloseIfDoneAsync(agreement, ct);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(tranche.Version);
            },
            ct
        );

    public Task<Result<int>> CancelAsync(
        Guid projectId,
        Guid trancheId,
        string? reason,
        int version,
        CancellationToken ct = default
    ) =>
        WithTrancheAsync(
            projectId,
            trancheId,
            version,
            async (_, _, tranche, _) =>
            {
                tranche.Cancel(reason);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(tranche.Version);
            },
            ct
        );

    public Task<Result<int>> SendForSignatureAsync(Guid projectId, int version, CancellationToken ct = default) =>
        WithAgreementAsync(
            projectId,
            async (_, agreement) =>
            {
                writes.ExpectVersion(agreement, version);
                agreement.SendForSignature();
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(agreement.Version);
            },
            ct
        );

    public Task<Result<int>> SignAsync(
        Guid projectId,
        DateOnly? signedOn,
        string? signatories,
        int version,
        CancellationToken ct = default
    ) =>
        WithAgreementAsync(
            projectId,
            async (context, agreement) =>
            {
                writes.ExpectVersion(agreement, version);
                agreement.Sign(signedOn ?? throw new DomainException("Required", "SignedOn"), signatories, Today);
                await NotifyEligibleAsync(context, ct);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(agreement.Version);
            },
            ct
        );

    /// <summary>Terminates the agreement: every tranche not yet paid is cancelled with the same reason.</summary>
    public Task<Result<int>> TerminateAsync(
        Guid projectId,
        DateOnly? on,
        string? reason,
        int version,
        CancellationToken ct = default
    ) =>
        WithAgreementAsync(
            projectId,
            async (_, agreement) =>
            {
                writes.ExpectVersion(agreement, version);
                agreement.Terminate(on ?? throw new DomainException("Required", "TerminatedOn"), reason);
                foreach (var tranche in await db.Set<Tranche>().Where(t => t.ProjectId == projectId).ToListAsync(ct))
                    if (!tranche.Paid && !tranche.Cancelled)
                        tranche.Cancel(reason);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(agreement.Version);
            },
            ct
        );

    /// <summary>Disallows an expense at closure with a reason (e.g. recoverable VAT), or admits it again without
    /// one. Only before the settlement is recorded.</summary>
    public Task<Result<int>> DisallowAsync(
        Guid projectId,
        Guid expenseId,
        string? reason,
        int version,
        CancellationToken ct = default
    ) =>
        WithAgreementAsync(
            projectId,
            async (_, agreement) =>
            {
                if (agreement.SettledOn is not null)
                    throw new DomainException("AlreadySettled", "DisallowedReason");
                var expense = await db.Set<Domain.Finance.Expenditure>()
                    .SingleOrDefaultAsync(e => e.Id == expenseId && e.ProjectId == projectId, ct);
                if (expense is null)
                    return Result<int>.NotFound();
                writes.ExpectVersion(expense, version);
                expense.Disallow(reason);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(expense.Version);
            },
            ct
        );

    /// <summary>Records the settlement once the final report is approved: every tranche not approved or paid is
    /// cancelled; a positive balance becomes the final payment (eligible at once), a negative one a recovery due on
    /// the settlement's day (10 January of the next year by default); with nothing to pay or recover, the agreement
    /// closes.</summary>
    public Task<Result<int>> SettleAsync(Guid projectId, int version, CancellationToken ct = default) =>
        WithAgreementAsync(
            projectId,
            async (context, agreement) =>
            {
                writes.ExpectVersion(agreement, version);
                if (!await queries.FinalApprovedAsync(projectId, ct))
                    throw new DomainException("SettlementNeedsFinalReport", "Status");
                var tranches = await db.Set<Tranche>().Where(t => t.ProjectId == projectId).ToListAsync(ct);
                var (settlement, _) = await queries.SettlementAsync(
                    context.Project,
                    agreement.GrantedAmount ?? 0,
                    tranches.Where(t => t.Committed).Sum(t => t.Amount),
                    await queries.RecoveryDayAsync(context.Project.CallId, ct),
                    ct
                );
                agreement.Settle(Today, settlement.Admitted);
                foreach (var open in tranches.Where(t => !t.Committed && !t.Cancelled))
                    open.Cancel("Atsiskaityta: mokama pagal atsiskaitymą.");
                if (settlement.FinalPayment > 0)
                    db.Add(
                        new Tranche(
                            projectId,
                            PaymentSchedule.NextNumber(tranches),
                            new TrancheInput(settlement.FinalPayment, Today, PaymentRule.AfterFinalReport)
                        )
                    );
                if (settlement.Recovery > 0)
                    db.Add(new Recovery(projectId, settlement.Recovery, settlement.RecoveryDue));
                await db.SaveChangesAsync(ct);
                await CloseIfDoneAsync(agreement, ct);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(agreement.Version);
            },
            ct
        );

    public Task<Result<int>> RepayAsync(
        Guid projectId,
        Guid recoveryId,
        DateOnly? on,
        decimal amount,
        int version,
        CancellationToken ct = default
    ) => WithRecoveryAsync(projectId, recoveryId, version, r => r.Repay(on, amount, Today), ct);

    public Task<Result<int>> ReferToCourtAsync(
        Guid projectId,
        Guid recoveryId,
        DateOnly? on,
        string? note,
        int version,
        CancellationToken ct = default
    ) => WithRecoveryAsync(projectId, recoveryId, version, r => r.ReferToCourt(on, note), ct);

    public Task<Result<int>> WriteOffAsync(
        Guid projectId,
        Guid recoveryId,
        string? reason,
        int version,
        CancellationToken ct = default
    ) => WithRecoveryAsync(projectId, recoveryId, version, r => r.WriteOff(reason), ct);

    private Task<Result<int>> WithRecoveryAsync(
        Guid projectId,
        Guid recoveryId,
        int version,
        Action<Recovery> change,
        CancellationToken ct
    ) =>
        WithAgreementAsync(
            projectId,
            async (_, agreement) =>
            {
                var recovery = await db.Set<Recovery>()
                    .SingleOrDefaultAsync(r => r.Id == recoveryId && r.ProjectId == projectId, ct);
                if (recovery is null)
                    return Result<int>.NotFound();
                writes.ExpectVersion(recovery, version);
                change(recovery);
                // A repayment is a new row of the recovery: the recovery's own version moves with it.
                db.Entry(recovery).Property(r => r.Version).IsModified = true;
                await db.SaveChangesAsync(ct);
                await CloseIfDoneAsync(agreement, ct);
                await db.SaveChangesAsync(ct);
                return Result<int>.Success(recovery.Version);
            },
            ct
        );

    /// <summary>Closes a settled agreement when no tranche is left to pay and every recovery is repaid or written
    /// off: the project becomes read-only.</summary>
    private async Task CloseIfDoneAsync(Agreement agreement, CancellationToken ct)
    {
        if (agreement.SettledOn is null || agreement.Status != AgreementStatus.Active)
            return;
        var unpaid = await db.Set<Tranche>()
            .AnyAsync(t => t.ProjectId == agreement.ProjectId && t.PaidOn == null && t.CancelReason == null, ct);
        var recoveries = await db.Set<Recovery>().Where(r => r.ProjectId == agreement.ProjectId).ToListAsync(ct);
        if (!unpaid && recoveries.All(r => r.Settled))
            agreement.Close(Today);
    }

    /// <summary>Tells the programme's officers that tranches of the project became eligible (after a report's approval
    /// or the signature), once per tranche. Added to the caller's unit of work.</summary>
    public async Task NotifyEligibleAsync(ProjectContext context, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var eligible = await queries
            .WithRule()
            .Where(x =>
                x.Tranche.ProjectId == context.Project.Id
                && x.RuleMet
                && !x.Tranche.Approved
                && x.Tranche.CancelReason == null
            )
            .Select(x => new
            {
                x.Tranche.Id,
                x.Tranche.Number,
                x.Tranche.Amount,
            })
            .ToListAsync(ct);
        if (eligible.Count == 0)
            return;
        var reviewers = await officers.ReviewersOfAsync(context.Project.Id, ct);
        foreach (var tranche in eligible)
            await notifier.NotifyAsync(
                reviewers,
                NotificationKinds.TrancheEligible,
                "/payments",
                [context.Project.Title, LtFormat.Eur(tranche.Amount), tranche.Number.ToString()],
                key: $"tranche-eligible:{tranche.Id}",
                ct: ct
            );
    }

    private async Task EnsureReportAsync(Guid projectId, TrancheInput input, CancellationToken ct)
    {
        if (
            input.ReportId is { } reportId
            && !await db.Set<Report>().AnyAsync(r => r.Id == reportId && r.ProjectId == projectId, ct)
        )
            throw new DomainException("UnknownRow", "ReportId");
    }

    private Task<Result<T>> WithAgreementAsync<T>(
        Guid projectId,
        Func<ProjectContext, Agreement, Task<Result<T>>> action,
        CancellationToken ct
    ) =>
        writes.Run(async () =>
        {
            var context = await gate.FindAsync(projectId, ct);
            if (ProjectGate.ReadRefusal(context) is not null)
                return Result<T>.NotFound();
            if (
                !await permissions.MayAsync(
                    ProjectOperation.ManagePayments,
                    context!.Project.OrganisationId,
                    context.Project.IsPublished
                )
            )
                return Result<T>.Forbidden();
            var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.ProjectId == projectId, ct);
            if (agreement is null)
                throw new DomainException("AgreementMissing", "Agreement");
            return await action(context, agreement);
        });

    private Task<Result<T>> WithTrancheAsync<T>(
        Guid projectId,
        Guid trancheId,
        int version,
        Func<ProjectContext, Agreement, Tranche, IReadOnlyList<Tranche>, Task<Result<T>>> action,
        CancellationToken ct
    ) =>
        WithAgreementAsync(
            projectId,
            async (context, agreement) =>
            {
                var tranches = await db.Set<Tranche>().Where(t => t.ProjectId == projectId).ToListAsync(ct);
                if (tranches.SingleOrDefault(t => t.Id == trancheId) is not { } tranche)
                    return Result<T>.NotFound();
                writes.ExpectVersion(tranche, version);
                return await action(context, agreement, tranche, tranches);
            },
            ct
        );
}
