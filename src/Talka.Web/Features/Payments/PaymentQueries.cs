using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Payments;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Payments;

/// <summary>Reads of payments. Whether a tranche's rule is met is computed in the database from the agreement's and the
/// reports' states, so the payment list of every project is filtered, summed and paged there.</summary>
public sealed class PaymentQueries(
    TalkaDbContext db,
    ProjectGate gate,
    Infrastructure.Web.ProjectPermissions permissions,
    Infrastructure.Web.ViewerAccessor viewers,
    TimeProvider clock,
    Evidence.EvidenceService evidence
)
{
    public const int PageSize = 50;

    /// <summary>The project's payments for whoever may read its records (null otherwise).</summary>
    public async Task<ProjectPayments?> ForProjectAsync(Guid projectId, CancellationToken ct)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null)
            return null;
        var manage = await permissions.MayAsync(
            Domain.Common.ProjectOperation.ManagePayments,
            context!.Project.OrganisationId,
            context.Project.IsPublished
        );
        return await ForProjectAsync(context, manage, ct);
    }

    /// <summary>The agreement's text for whoever may read the project's records (null otherwise, or without an
    /// agreement).</summary>
    public async Task<AgreementDocument?> DocumentAsync(Guid projectId, CancellationToken ct)
    {
        if (await ForProjectAsync(projectId, ct) is not { Agreement: { } summary } payments)
            return null;
        var project = (await gate.FindAsync(projectId, ct))!.Project;
        var agreement = await db
            .Agreements.AsNoTracking()
            .Include(a => a.Funding)
            .SingleAsync(a => a.Id == summary.Id, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == project.CallId, ct);
        var body = await db.FundingBodies.AsNoTracking().SingleAsync(f => f.Id == call.FundingBodyId, ct);
        var organisation = await db
            .Organisations.AsNoTracking()
            .Where(o => o.Id == project.OrganisationId)
            .Select(o => new { o.Name, o.LegalEntityCode })
            .SingleAsync(ct);
        var returnBy = call.RecoveryDay.After(agreement.PeriodEnd);
        return new AgreementDocument(
            projectId,
            agreement.Number,
            agreement.Status,
            agreement.SignedOn,
            agreement.Signatories,
            body.NameOn(agreement.SignedOn ?? agreement.PeriodStart),
            organisation.Name,
            organisation.LegalEntityCode,
            call.Title,
            call.LegalBasis,
            project.Title,
            agreement.PeriodStart,
            agreement.PeriodEnd,
            agreement.GrantedAmount,
            [.. agreement.Funding.Select(f => new AgreementFundingLine(f.Source, f.Amount))],
            payments.AdvancePercent,
            [.. payments.Tranches.Where(t => t.State != TrancheState.Cancelled)],
            [.. payments.Reports.OrderBy(r => r.Due)],
            returnBy,
            AgreementTemplate.Render(
                call.AgreementTerms,
                new Dictionary<string, string?>
                {
                    ["numeris"] = agreement.Number,
                    ["organizacija"] = organisation.Name,
                    ["kodas"] = organisation.LegalEntityCode,
                    ["projektas"] = project.Title,
                    ["kvietimas"] = call.Title,
                    ["suma"] = agreement.GrantedAmount is { } g ? Domain.Common.LtFormat.Eur(g) : null,
                    ["pradzia"] = Domain.Common.LtFormat.LongDate(agreement.PeriodStart),
                    ["pabaiga"] = Domain.Common.LtFormat.LongDate(agreement.PeriodEnd),
                    ["avansas"] = Domain.Common.LtFormat.Number(payments.AdvancePercent) + " %",
                    ["grazinimas"] = Domain.Common.LtFormat.LongDate(returnBy),
                }
            ),
            summary.Version
        );
    }

    /// <summary>The agreement's versions for whoever may read the project's records (null otherwise, or without an
    /// agreement): the original and one per approved amendment.</summary>
    public async Task<AgreementVersions?> VersionsAsync(Guid projectId, CancellationToken ct)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null)
            return null;
        // The agreement's signing date and its approved amendments, in one query.
        var signed = await db
            .Agreements.AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .Select(a => new
            {
                a.SignedOn,
                Approved = db.Set<Amendment>()
                    .Where(x => x.ProjectId == a.ProjectId && x.AgreementVersion != null)
                    .OrderBy(x => x.AgreementVersion)
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (signed is null)
            return null;
        var approved = signed.Approved;
        List<AgreementVersionRow> versions =
        [
            new(1, signed.SignedOn, null),
            .. approved.Select(a => new AgreementVersionRow(
                a.AgreementVersion!.Value,
                a.DecidedAt is { } at
                    ? DateOnly.FromDateTime(Domain.Common.LtFormat.VilniusTime(at.UtcDateTime))
                    : null,
                a
            )),
        ];
        return new AgreementVersions(projectId, versions[^1].Version, versions[^1].Since, versions);
    }

    /// <summary>The funder's payment list, for funder admins and auditors (null for anyone else).</summary>
    public async Task<PaymentList?> ListForStaffAsync(
        TrancheState state,
        int page,
        CancellationToken ct,
        int? size = null
    ) => (await viewers.GetAsync(ct)).ReadsEverything ? await ListAsync(state, page, ct, size) : null;

    /// <summary>Each tranche with whether its release rule holds now.</summary>
    internal IQueryable<TrancheWithRule> WithRule() =>
        db.Set<Tranche>()
            .Select(t => new TrancheWithRule
            {
                Tranche = t,
                RuleMet =
                    t.Rule == PaymentRule.OnSignature
                        ? db.Agreements.Any(a =>
                            a.ProjectId == t.ProjectId
                            && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.Closed)
                        )
                    : t.Rule == PaymentRule.AfterReport
                        ? db.Set<Report>().Any(r => r.Id == t.ReportId && r.Status == ReportStatus.Approved)
                    : db.Set<Report>()
                        .Any(r =>
                            r.ProjectId == t.ProjectId
                            && r.Kind == ReportKind.Final
                            && r.Status == ReportStatus.Approved
                        ),
            });

    private async Task<ProjectPayments> ForProjectAsync(ProjectContext context, bool canManage, CancellationToken ct)
    {
        var projectId = context.Project.Id;
        var agreement = await db
            .Agreements.AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .Select(a => new AgreementSummary(
                a.Id,
                a.Number,
                a.Status,
                a.SignedOn,
                a.Signatories,
                a.TerminatedOn,
                a.TerminationReason,
                a.GrantedAmount,
                a.Version,
                a.SettledOn,
                a.ClosedOn
            ))
            .SingleOrDefaultAsync(ct);
        var tranches = (
            await WithRule().Where(x => x.Tranche.ProjectId == projectId).OrderBy(x => x.Tranche.Number).ToListAsync(ct)
        )
            .Select(x => Row(x.Tranche, x.RuleMet))
            .ToList();
        var reports = await db.Set<Report>()
            .AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Kind != ReportKind.Activity)
            .OrderBy(r => r.PeriodEnd)
            .ThenBy(r => r.Kind)
            .Select(r => new ReportOption(r.Id, r.Kind, r.PeriodStart, r.PeriodEnd, r.Due, r.Status))
            .ToListAsync(ct);
        // The call's advance and return day, read once for the schedule and the settlement.
        var call = await db
            .Calls.AsNoTracking()
            .Where(c => c.Id == context.Project.CallId)
            .Select(c => new
            {
                c.AdvancePercent,
                c.RecoveryDueMonth,
                c.RecoveryDueDay,
            })
            .SingleAsync(ct);
        var advance = call.AdvancePercent;
        var granted = agreement?.Granted ?? 0;
        var committed = tranches.Where(t => t.State is TrancheState.Paid or TrancheState.Approved).Sum(t => t.Amount);
        SettlementView? settlement = null;
        // The settlement comes with the final report's approval (the reports are read above).
        if (agreement is not null && reports.Any(r => r.Kind == ReportKind.Final && r.Status == ReportStatus.Approved))
        {
            var (computed, expenses) = await SettlementAsync(
                context.Project,
                granted,
                committed,
                RecoveryDay.Create(call.RecoveryDueMonth, call.RecoveryDueDay),
                ct
            );
            settlement = new SettlementView(computed, expenses, agreement.SettledOn, agreement.ClosedOn);
        }
        var today = DateOnly.FromDateTime(Domain.Common.LtFormat.VilniusTime(clock.GetUtcNow().UtcDateTime));
        var recoveries = (
            await db.Set<Recovery>()
                .AsNoTracking()
                .Where(r => r.ProjectId == projectId)
                .OrderBy(r => r.DueOn)
                .ToListAsync(ct)
        )
            .Select(r => new RecoveryRow(
                r.Id,
                r.Amount,
                r.DueOn,
                r.Repaid,
                r.Outstanding,
                r.Repayments,
                r.CourtOn,
                r.CourtNote,
                r.WriteOffReason,
                r.Overdue(today),
                r.Version
            ))
            .ToList();
        var paid = tranches.Where(t => t.State == TrancheState.Paid).Sum(t => t.Amount);
        var approved = tranches.Where(t => t.State == TrancheState.Approved).Sum(t => t.Amount);
        var planned = tranches.Where(t => t.State != TrancheState.Cancelled).Sum(t => t.Amount);
        return new ProjectPayments(
            projectId,
            context.Project.Title,
            agreement,
            granted,
            paid,
            approved,
            planned,
            granted - paid - approved,
            tranches,
            reports,
            advance,
            canManage,
            settlement,
            recoveries,
            await db.Set<Amendment>()
                .AsNoTracking()
                .Where(a => a.ProjectId == projectId)
                .OrderByDescending(a => a.Number)
                .ToListAsync(ct),
            canManage || context.CanWrite,
            agreement is null
                ? []
                : await evidence.ListAsync(context, Domain.Delivery.EvidenceOwner.Agreement, agreement.Id, ct),
            await db.Set<Domain.Projects.PlannedIndicator>()
                .AsNoTracking()
                .Where(i => i.ProjectId == projectId)
                .OrderBy(i => i.Position)
                .Select(i => new Projects.IndicatorView(i.Id, i.Name, i.Unit, i.Target, i.Metric))
                .ToListAsync(ct)
        );
    }

    /// <summary>The settlement from the ledger: the expenses incurred and paid by the project's end, by cost
    /// category, less those disallowed, against what was paid or approved to pay.</summary>
    internal async Task<(Settlement Computed, IReadOnlyList<SettlementExpense> Expenses)> SettlementAsync(
        Domain.Projects.Project project,
        decimal granted,
        decimal paid,
        RecoveryDay recoveryDay,
        CancellationToken ct
    )
    {
        var end = project.End;
        var expenses = await db.Set<Domain.Finance.Expenditure>()
            .AsNoTracking()
            .Where(e => e.ProjectId == project.Id && e.DocumentDate <= end && e.PaidOn != null && e.PaidOn <= end)
            .OrderBy(e => e.Category)
            .ThenBy(e => e.DocumentDate)
            .Select(e => new SettlementExpense(
                e.Id,
                e.DocumentNumber,
                e.Supplier,
                e.Category,
                e.Amount,
                e.DisallowedReason,
                e.Version
            ))
            .ToListAsync(ct);
        var lines = expenses
            .GroupBy(e => e.Category)
            .Select(g => new SettlementLine(
                g.Key,
                g.Sum(e => e.Amount),
                g.Where(e => e.DisallowedReason != null).Sum(e => e.Amount)
            ))
            .ToList();
        return (new Settlement(lines, granted, paid, recoveryDay.After(end)), expenses);
    }

    /// <summary>The call's day for returning unused funds (10 January of the next year by default).</summary>
    internal async Task<RecoveryDay> RecoveryDayAsync(Guid callId, CancellationToken ct)
    {
        var day = await db
            .Calls.AsNoTracking()
            .Where(c => c.Id == callId)
            .Select(c => new { c.RecoveryDueMonth, c.RecoveryDueDay })
            .SingleAsync(ct);
        return RecoveryDay.Create(day.RecoveryDueMonth, day.RecoveryDueDay);
    }

    /// <summary>The funder's payment list: tranches of every project in one state (eligible to approve, or approved
    /// and waiting to be paid), oldest plan first, with the total of all of them.</summary>
    private async Task<PaymentList> ListAsync(TrancheState state, int page, CancellationToken ct, int? size)
    {
        var take = size ?? PageSize;
        page = Math.Max(1, page);
        var query = InState(state);
        var total = await query.CountAsync(ct);
        // Summed as double on SQLite, which cannot sum decimals; exact on PostgreSQL.
        var sum = db.Database.IsSqlite()
            ? (decimal)await query.SumAsync(t => (double)t.Amount, ct)
            : await query.SumAsync(t => t.Amount, ct);
        var lines = await (
            from t in query
            join p in db.Projects on t.ProjectId equals p.Id
            join o in db.Organisations on p.OrganisationId equals o.Id
            orderby t.PlannedOn, p.Title, t.Number
            select new PaymentLine(
                t.Id,
                p.Id,
                p.Title,
                o.Name,
                o.LegalEntityCode,
                db.Agreements.Where(a => a.ProjectId == p.Id).Select(a => a.Number).FirstOrDefault(),
                t.Number,
                t.Amount,
                t.PlannedOn,
                t.Rule,
                t.ApprovedAt,
                t.Version
            )
        )
            .Skip((page - 1) * take)
            .Take(take)
            .ToListAsync(ct);
        return new PaymentList(
            new Organisations.Page<PaymentLine>(lines, page, take, total),
            decimal.Round(sum, 2),
            state
        );
    }

    /// <summary>Whether the project's final report is approved: what a settlement waits for.</summary>
    internal Task<bool> FinalApprovedAsync(Guid projectId, CancellationToken ct) =>
        db.Set<Report>()
            .AnyAsync(
                r => r.ProjectId == projectId && r.Kind == ReportKind.Final && r.Status == ReportStatus.Approved,
                ct
            );

    /// <summary>How many tranches of every project are in a state (eligible or approved): the funder's home
    /// counts.</summary>
    public Task<int> CountAsync(TrancheState state, CancellationToken ct) => InState(state).CountAsync(ct);

    /// <summary>Unpaid, uncancelled tranches: approved ones, or planned ones whose rule is (eligible) or is not
    /// (planned) met.</summary>
    private IQueryable<Tranche> InState(TrancheState state) =>
        WithRule()
            .Where(x =>
                x.Tranche.CancelReason == null
                && x.Tranche.PaidOn == null
                && (
                    state == TrancheState.Approved ? x.Tranche.Approved
                    : state == TrancheState.Paid ? false
                    : !x.Tranche.Approved && x.RuleMet == (state == TrancheState.Eligible)
                )
            )
            .Select(x => x.Tranche);

    internal static TrancheRow Row(Tranche t, bool ruleMet) =>
        new(
            t.Id,
            t.Number,
            t.Amount,
            t.PlannedOn,
            t.Rule,
            t.ReportId,
            t.StateWhen(ruleMet),
            t.ApprovedBy,
            t.ApprovedAt,
            t.PaidOn,
            t.PaymentOrder,
            t.CancelReason,
            t.Version
        );
}

/// <summary>A tranche and whether its release rule holds (set by member, so that queries compose on it).</summary>
internal sealed class TrancheWithRule
{
    public required Tranche Tranche { get; init; }
    public bool RuleMet { get; init; }
}
