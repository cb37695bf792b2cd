using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Finance;
using Talka.Domain.Payments;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

/// <summary>Amendments of a project's agreement: asked by the organisation's members or a funder admin, reviewed and
/// decided by a funder admin, withdrawn by the side that asked. An approved amendment (or a reallocation within the
/// call's threshold, recorded at once) changes the budget, the period or the amount in the same transaction, and the
/// agreement's version moves with it.</summary>
public sealed class AmendmentService(
    TalkaDbContext db,
    ProjectGate gate,
    ProjectPermissions permissions,
    Writes writes,
    ViewerAccessor viewers,
    Notifier notifier,
    ProgrammeOfficers officers,
    TimeProvider clock
)
{
    public Task<Result<Guid>> RequestAsync(
        Guid projectId,
        AmendmentChange change,
        string? reason,
        CancellationToken ct = default
    ) =>
        writes.Run(async () =>
        {
            var context = await gate.FindAsync(projectId, ct);
            if (ProjectGate.ReadRefusal(context) is not null)
                return Result<Guid>.NotFound();
            var funder = await MayManageAsync(context!);
            if (!funder && !context!.CanWrite)
                return Result<Guid>.Forbidden();
            var agreement = await AgreementAsync(projectId, ct);
            var existing = await db.Set<Amendment>().Where(a => a.ProjectId == projectId).ToListAsync(ct);
            var viewer = await viewers.GetAsync(ct);
            var amendment = Amendment.Request(
                projectId,
                existing.Count == 0 ? 1 : existing.Max(a => a.Number) + 1,
                change,
                reason,
                funder,
                viewer.Email ?? "",
                clock.GetUtcNow(),
                await TermsAsync(context!, agreement, ct),
                existing.Count(a => a.State == AmendmentState.Approved)
            );
            db.Add(amendment);
            if (amendment.State == AmendmentState.Approved)
                await ApplyAsync(context!, agreement, amendment, ct);
            else
                await notifier.NotifyAsync(
                    funder
                        ? await notifier.MembersOfAsync(context!.Project.OrganisationId, ct)
                        : await officers.ReviewersOfAsync(projectId, ct),
                    NotificationKinds.AmendmentRequested,
                    $"/projects/{projectId}/payments",
                    [context!.Project.Title, amendment.Number.ToString()],
                    ct: ct
                );
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(amendment.Id);
        });

    public Task<Result<int>> ReviewAsync(
        Guid projectId,
        Guid amendmentId,
        int version,
        CancellationToken ct = default
    ) =>
        WithAmendmentAsync(
            projectId,
            amendmentId,
            version,
            true,
            (_, _, a) =>
            {
                a.Review();
                return Task.CompletedTask;
            },
            ct
        );

    public Task<Result<int>> DecideAsync(
        Guid projectId,
        Guid amendmentId,
        bool approve,
        string? note,
        int version,
        CancellationToken ct = default
    ) =>
        WithAmendmentAsync(
            projectId,
            amendmentId,
            version,
            true,
            async (context, agreement, a) =>
            {
                var approved = await db.Set<Amendment>()
                    .CountAsync(x => x.ProjectId == projectId && x.State == AmendmentState.Approved, ct);
                var viewer = await viewers.GetAsync(ct);
                a.Decide(
                    approve,
                    viewer.Email ?? "",
                    clock.GetUtcNow(),
                    note,
                    approved,
                    await TermsAsync(context, agreement, ct)
                );
                if (approve)
                    await ApplyAsync(context, agreement, a, ct);
                await notifier.NotifyAsync(
                    await notifier.MembersOfAsync(context.Project.OrganisationId, ct),
                    NotificationKinds.AmendmentDecided,
                    $"/projects/{projectId}/payments",
                    [context.Project.Title, a.Number.ToString()],
                    ct: ct
                );
            },
            ct
        );

    public Task<Result<int>> WithdrawAsync(
        Guid projectId,
        Guid amendmentId,
        int version,
        CancellationToken ct = default
    ) =>
        WithAmendmentAsync(
            projectId,
            amendmentId,
            version,
            false,
            (_, _, a) =>
            {
                a.Withdraw();
                return Task.CompletedTask;
            },
            ct
        );

    private async Task<bool> MayManageAsync(ProjectContext context) =>
        await permissions.MayAsync(
            ProjectOperation.ManagePayments,
            context.Project.OrganisationId,
            context.Project.IsPublished
        );

    private async Task<Agreement> AgreementAsync(Guid projectId, CancellationToken ct) =>
        await db.Agreements.Include(a => a.Funding).SingleOrDefaultAsync(a => a.ProjectId == projectId, ct)
        ?? throw new DomainException("AgreementMissing", "Agreement");

    /// <param name="decide">Reviewing and deciding are the funder's; withdrawing is the side's that asked.</param>
    private Task<Result<int>> WithAmendmentAsync(
        Guid projectId,
        Guid amendmentId,
        int version,
        bool decide,
        Func<ProjectContext, Agreement, Amendment, Task> action,
        CancellationToken ct
    ) =>
        writes.Run(async () =>
        {
            var context = await gate.FindAsync(projectId, ct);
            if (ProjectGate.ReadRefusal(context) is not null)
                return Result<int>.NotFound();
            var funder = await MayManageAsync(context!);
            var amendment = await db.Set<Amendment>()
                .SingleOrDefaultAsync(a => a.Id == amendmentId && a.ProjectId == projectId, ct);
            if (decide ? !funder : !(funder || context!.CanWrite))
                return Result<int>.Forbidden();
            if (amendment is null)
                return Result<int>.NotFound();
            if (!decide && amendment.ByFunder != funder)
                return Result<int>.Forbidden();
            writes.ExpectVersion(amendment, version);
            await action(context!, await AgreementAsync(projectId, ct), amendment);
            await db.SaveChangesAsync(ct);
            return Result<int>.Success(amendment.Version);
        });

    /// <summary>The agreement as it stands: amount, what is paid or approved, period, the call's period, the budget's
    /// grant by category and the call's reallocation threshold.</summary>
    private async Task<Amendment.Terms> TermsAsync(ProjectContext context, Agreement agreement, CancellationToken ct)
    {
        var projectId = context.Project.Id;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == context.Project.CallId, ct);
        var budget = await db.Set<BudgetLine>()
            .AsNoTracking()
            .Where(l => l.ProjectId == projectId)
            .ToDictionaryAsync(l => l.Category, l => l.GrantAmount, ct);
        var tranches = await db.Set<Tranche>()
            .AsNoTracking()
            .Where(t => t.ProjectId == projectId && t.CancelReason == null)
            .Select(t => new { t.Amount, Committed = t.Approved || t.PaidOn != null })
            .ToListAsync(ct);
        return new Amendment.Terms(
            agreement.GrantedAmount ?? 0,
            tranches.Where(t => t.Committed).Sum(t => t.Amount),
            tranches.Sum(t => t.Amount),
            agreement.PeriodStart,
            agreement.PeriodEnd,
            new DateRange(call.ProjectPeriodStart, call.ProjectPeriodEnd),
            budget,
            call.Rules.ReallocationThresholdPercent,
            await PlanAsync(projectId, ct)
        );
    }

    /// <summary>The plan's indicators (name and target) and activities (title and description), by id.</summary>
    private async Task<IReadOnlyDictionary<Guid, Amendment.PlanRow>> PlanAsync(Guid projectId, CancellationToken ct)
    {
        var indicators = await db.Set<Talka.Domain.Projects.PlannedIndicator>()
            .AsNoTracking()
            .Where(i => i.ProjectId == projectId)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.Target,
            })
            .ToListAsync(ct);
        var activities = await db.Set<Talka.Domain.Projects.Activity>()
            .AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Description,
            })
            .ToListAsync(ct);
        return indicators
            .Select(i => (i.Id, Item: new Amendment.PlanRow(i.Name, i.Target, null)))
            .Concat(activities.Select(a => (a.Id, Item: new Amendment.PlanRow(a.Title, null, a.Description))))
            .ToDictionary(x => x.Id, x => x.Item);
    }

    /// <summary>Changes the project's plan and moves its version, so a plan form opened before the amendment is
    /// refused rather than undoing it.</summary>
    private async Task PlanOfAsync(Guid projectId, CancellationToken ct, Action<Talka.Domain.Projects.Project> change)
    {
        var project = await db
            .Projects.Include(p => p.Indicators)
            .Include(p => p.Activities)
            .SingleAsync(p => p.Id == projectId, ct);
        change(project);
        db.Entry(project).Property(p => p.Version).IsModified = true;
    }

    /// <summary>Replaces the project's budget lines (a budget's lines are its value) and moves the budget's version,
    /// so a budget form opened before the amendment is refused.</summary>
    private async Task ReplaceBudgetAsync(
        Guid projectId,
        IReadOnlyList<BudgetLine> lines,
        IReadOnlyList<BudgetLineInput> inputs,
        decimal? granted,
        CancellationToken ct
    )
    {
        var built = Budgets.Build(projectId, [.. inputs.Where(l => l.GrantAmount != 0 || l.OwnFunds != 0)], granted);
        db.RemoveRange(lines);
        await db.SaveChangesAsync(ct);
        db.AddRange(built);
        if (await db.Set<ProjectBudget>().SingleOrDefaultAsync(b => b.ProjectId == projectId, ct) is { } head)
            db.Entry(head).Property(b => b.Version).IsModified = true;
    }

    /// <summary>Makes an approved amendment's change: the budget's lines, the agreement's and the project's period, the
    /// agreement's amount (its call's funding source moving by the difference, the budget rescaled), an indicator's
    /// target or an activity's description. Another change of activities or indicators, described in words, is made on
    /// the plan.</summary>
    private async Task ApplyAsync(ProjectContext context, Agreement agreement, Amendment a, CancellationToken ct)
    {
        var projectId = context.Project.Id;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == context.Project.CallId, ct);
        var funding = agreement.Funding.Select(f => new AgreementFundingLine(f.Source, f.Amount)).ToList();
        switch (a.Kind)
        {
            case AmendmentKind.BudgetReallocation:
                var lines = await db.Set<BudgetLine>().Where(l => l.ProjectId == projectId).ToListAsync(ct);
                var inputs = lines
                    .Select(l => new BudgetLineInput(
                        l.Category,
                        l.GrantAmount
                            - (l.Category == a.From ? a.Moved!.Value : 0)
                            + (l.Category == a.To ? a.Moved!.Value : 0),
                        l.OwnFunds
                    ))
                    .ToList();
                if (lines.All(l => l.Category != a.To))
                    inputs.Add(new BudgetLineInput(a.To!.Value, a.Moved!.Value, 0));
                await ReplaceBudgetAsync(projectId, lines, inputs, null, ct);
                break;
            case AmendmentKind.Period:
                agreement.Update(
                    call,
                    new AgreementDetails(
                        agreement.Number,
                        agreement.SignedOn,
                        agreement.PeriodStart,
                        a.NewEnd!.Value,
                        agreement.GrantedAmount,
                        funding
                    )
                );
                var project = await db.Projects.SingleAsync(p => p.Id == projectId, ct);
                project.SetPeriod(agreement.PeriodStart, agreement.PeriodEnd);
                break;
            case AmendmentKind.Indicators when a.IndicatorId is { } indicatorId:
                await PlanOfAsync(projectId, ct, p => p.AmendIndicatorTarget(indicatorId, a.NewTarget!.Value));
                break;
            case AmendmentKind.Activities when a.ActivityId is { } activityId:
                await PlanOfAsync(projectId, ct, p => p.AmendActivityDescription(activityId, a.NewActivityDescription));
                break;
            case AmendmentKind.Amount:
                var delta = a.NewAmount!.Value - (agreement.GrantedAmount ?? 0);
                var index = funding.FindIndex(f => f.Source == call.FundingSource);
                if (index < 0)
                    index = funding.FindIndex(f => f.Source != FundingSource.OwnFunds);
                if (index >= 0)
                    funding[index] = funding[index] with { Amount = funding[index].Amount + delta };
                agreement.Update(
                    call,
                    new AgreementDetails(
                        agreement.Number,
                        agreement.SignedOn,
                        agreement.PeriodStart,
                        agreement.PeriodEnd,
                        a.NewAmount,
                        funding
                    )
                );
                // The budget's grant part follows the new amount, each category in proportion.
                var budget = await db.Set<BudgetLine>().Where(l => l.ProjectId == projectId).ToListAsync(ct);
                if (budget.Sum(l => l.GrantAmount) > 0)
                    await ReplaceBudgetAsync(
                        projectId,
                        budget,
                        Budgets.Rescale(
                            [.. budget.Select(l => new BudgetLineInput(l.Category, l.GrantAmount, l.OwnFunds))],
                            a.NewAmount!.Value
                        ),
                        a.NewAmount,
                        ct
                    );
                break;
        }
        // The agreement's version moves with every amendment in force.
        db.Entry(agreement).Property(x => x.Version).IsModified = true;
    }
}
