using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Applications;
using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Web.Features.Applications;
using Talka.Web.Features.Notifications;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>
/// The evaluation of a call's eligible applications, for the pages and the API alike: a funder admin sets the criteria
/// and assigns experts (never one who is a member of the applicant or a partner); an expert declares, scores with
/// justifications and submits; a third expert is assigned when two differ by the threshold; the funder admin approves
/// the ranking within the budget as a numbered version, and the applicants are told. Every write runs in one
/// transaction (<see cref="Writes"/>); the authorization is <see cref="Viewer.May(AssignmentOperation, string?,
/// AssignmentState)"/>.
/// </summary>
public sealed class EvaluationService(
    TalkaDbContext db,
    ViewerAccessor viewers,
    Writes writes,
    TimeProvider clock,
    Notifier notifier,
    EvaluationQueries queries
)
{
    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<Result<CallEvaluation>> SetCriteriaAsync(
        Guid callId,
        CriteriaInput input,
        CancellationToken ct = default
    )
    {
        if (!(await viewers.GetAsync(ct)).CanManageEvaluation)
            return Result<CallEvaluation>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await db.Calls.SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
                return Result<CallEvaluation>.NotFound();
            if (await db.Set<Assignment>().AnyAsync(a => a.CallId == callId && a.DeclaredAt != null, ct))
                throw new DomainException("EvaluationStarted", "Criteria");
            var saved = call.SetEvaluation(
                new CallEvaluation(
                    input.Criteria ?? [],
                    input.CouncilDecisionNumber,
                    input.CouncilDecisionDate,
                    input.Settings ?? new EvaluationSettings(),
                    input.DeclarationText ?? "",
                    input.AppealMonths ?? 1
                )
            );
            await db.SaveChangesAsync(ct);
            return Result<CallEvaluation>.Success(saved);
        });
    }

    /// <summary>Assigns the named expert to the application, or (Spread) gives every eligible application the experts
    /// it lacks, each time the one with the fewest of the call's applications who has no conflict.</summary>
    public async Task<Result<IReadOnlyList<Guid>>> AssignAsync(
        Guid callId,
        AssignmentInput input,
        CancellationToken ct = default
    )
    {
        if (!(await viewers.GetAsync(ct)).CanManageEvaluation)
            return Result<IReadOnlyList<Guid>>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
                return Result<IReadOnlyList<Guid>>.NotFound();
            var evaluation = call.Evaluation ?? throw new DomainException("NoCriteria", null);
            var candidates = (await queries.CandidatesAsync(callId, evaluation, ct))
                .Where(c => c.Status == ApplicationStatus.Eligible)
                .ToList();
            var evaluators = (await queries.EvaluatorsAsync(callId, ct)).ToList();
            var load = evaluators.ToDictionary(e => e.Id, e => e.Load);
            var created = new List<Guid>();
            if (input.Spread)
            {
                var conflicts = await queries.ConflictsAsync([.. candidates.Select(c => c.Id)], ct);
                foreach (var candidate in candidates)
                {
                    // Anyone already on the application, recused ones included, is never picked again.
                    var taken = candidate
                        .Assignments.Where(a => a.EvaluatorId is not null)
                        .Select(a => a.EvaluatorId!)
                        .ToHashSet();
                    var open = candidate.Assignments.Where(a => a.EvaluatorId is null).ToList();
                    var lacking =
                        candidate.Progress.Required
                        - candidate.Assignments.Count(a => a.Active && a.EvaluatorId is not null);
                    for (var i = 0; i < lacking; i++)
                    {
                        var pick = load.Where(e => !taken.Contains(e.Key) && !conflicts[candidate.Id].Contains(e.Key))
                            .OrderBy(e => e.Value)
                            .ThenBy(e => evaluators.FindIndex(x => x.Id == e.Key))
                            .Select(e => e.Key)
                            .FirstOrDefault();
                        if (pick is null)
                            break;
                        created.Add(await PlaceAsync(callId, candidate, pick, open, ct));
                        taken.Add(pick);
                        load[pick]++;
                    }
                }
            }
            else
            {
                var applicationId = input.ApplicationId ?? throw new DomainException("Required", "ApplicationId");
                var evaluatorId = input.EvaluatorId ?? throw new DomainException("Required", "EvaluatorId");
                var candidate =
                    candidates.SingleOrDefault(c => c.Id == applicationId)
                    ?? throw new DomainException("NotEligibleForEvaluation", "ApplicationId");
                if (!load.ContainsKey(evaluatorId))
                    throw new DomainException("NotAnEvaluator", "EvaluatorId");
                if (candidate.Assignments.Any(a => a.Active && a.EvaluatorId == evaluatorId))
                    throw new DomainException("AlreadyAssigned", "EvaluatorId");
                if (candidate.Assignments.Any(a => a.EvaluatorId == evaluatorId))
                    throw new DomainException("EvaluatorRecused", "EvaluatorId");
                if (
                    candidate.Assignments.Count(a => a.Active && a.EvaluatorId is not null)
                        >= candidate.Progress.Required
                    && candidate.Assignments.All(a => a.EvaluatorId is not null)
                )
                    throw new DomainException("EnoughExperts", "ApplicationId", candidate.Progress.Required);
                if ((await queries.ConflictsAsync([applicationId], ct))[applicationId].Contains(evaluatorId))
                    throw new DomainException("EvaluatorConflict", "EvaluatorId", candidate.Applicant);
                created.Add(
                    await PlaceAsync(
                        callId,
                        candidate,
                        evaluatorId,
                        [.. candidate.Assignments.Where(a => a.EvaluatorId is null)],
                        ct
                    )
                );
            }
            await db.SaveChangesAsync(ct);
            return Result<IReadOnlyList<Guid>>.Success(created);
        });
    }

    /// <summary>Gives the expert an open third assignment of the application if there is one, else a new one; they are
    /// told.</summary>
    private async Task<Guid> PlaceAsync(
        Guid callId,
        Candidate candidate,
        string evaluatorId,
        List<Assignment> open,
        CancellationToken ct
    )
    {
        Assignment assignment;
        if (open.Count > 0)
        {
            assignment = await db.Set<Assignment>().SingleAsync(a => a.Id == open[0].Id, ct);
            assignment.AssignTo(evaluatorId);
            open.RemoveAt(0);
        }
        else
        {
            assignment = new Assignment(callId, candidate.Id, evaluatorId, false, UtcNow);
            db.Add(assignment);
        }
        await notifier.NotifyAsync(
            [evaluatorId],
            NotificationKinds.EvaluationAssigned,
            $"/assignments/{assignment.Id}",
            [candidate.Number ?? "", candidate.Applicant],
            ct: ct
        );
        return assignment.Id;
    }

    /// <summary>The expert's declaration: with no conflict they read and score; with a conflict they are recused and
    /// the funder admins are asked to reassign.</summary>
    public async Task<Result<AssignmentState>> DeclareAsync(
        Guid id,
        DeclarationInput input,
        CancellationToken ct = default
    ) =>
        await writes.Run(async () =>
        {
            var viewer = await viewers.GetAsync(ct);
            if (await db.Set<Assignment>().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } assignment)
                return Result<AssignmentState>.NotFound();
            if (!viewer.May(AssignmentOperation.Read, assignment.EvaluatorId, assignment.State))
                return Result<AssignmentState>.NotFound();
            if (viewer.UserId != assignment.EvaluatorId || !viewer.IsEvaluator)
                return Result<AssignmentState>.Forbidden();
            await EnsureUnderEvaluationAsync(assignment, ct);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == assignment.CallId, ct);
            assignment.Declare(input.Conflict, input.Text, call.Evaluation!.DeclarationText, UtcNow);
            if (assignment.State == AssignmentState.Recused)
            {
                var number = await db
                    .Applications.Where(a => a.Id == assignment.ApplicationId)
                    .Select(a => a.Number)
                    .SingleAsync(ct);
                await notifier.NotifyAsync(
                    await FunderAdminsAsync(ct),
                    NotificationKinds.EvaluationRecused,
                    $"/calls/{assignment.CallId}/evaluation",
                    [number ?? "", viewer.Email ?? ""],
                    ct: ct
                );
            }
            await db.SaveChangesAsync(ct);
            return Result<AssignmentState>.Success(assignment.State);
        });

    /// <summary>Saves the draft scores over the version they were read at (autosave does this as the expert
    /// types).</summary>
    public async Task<Result<int>> SaveScoresAsync(Guid id, ScoresInput input, CancellationToken ct = default) =>
        await writes.Run(async () =>
        {
            if (await ScorableAsync(id, ct) is not { } found)
                return await RefusalAsync<int>(id, ct);
            var (assignment, evaluation) = found;
            // Submitted scores say so, whatever version the expert's page was made from.
            if (assignment.State == AssignmentState.Submitted)
                throw new DomainException("ScoresSubmitted", null);
            writes.ExpectVersion(assignment, input.Version);
            assignment.SaveScores(evaluation, input.Scores ?? []);
            await db.SaveChangesAsync(ct);
            return Result<int>.Success(assignment.Version);
        });

    /// <summary>Submits the scores (they freeze); when the application's first two experts differ by the call's
    /// threshold, a third assignment is made for the evaluator with the fewest applications and no conflict, or left
    /// open for the officer when there is none.</summary>
    public async Task<Result<decimal>> SubmitAsync(Guid id, CancellationToken ct = default) =>
        await writes.Run(async () =>
        {
            if (await ScorableAsync(id, ct) is not { } found)
                return await RefusalAsync<decimal>(id, ct);
            var (assignment, evaluation) = found;
            var total = assignment.Submit(evaluation, UtcNow);
            await db.SaveChangesAsync(ct);
            var candidate = (
                await queries.CandidatesAsync(assignment.CallId, evaluation, ct, assignment.ApplicationId)
            ).SingleOrDefault(c => c.Id == assignment.ApplicationId);
            if (candidate is null)
                return Result<decimal>.Success(total);
            var active = candidate.Assignments.Count(a => a.Active);
            if (candidate.Progress.ThirdNeeded && active < candidate.Progress.Required)
            {
                var conflicts = (await queries.ConflictsAsync([candidate.Id], ct))[candidate.Id].ToHashSet();
                var pick = (await queries.EvaluatorsAsync(assignment.CallId, ct)).FirstOrDefault(e =>
                    !conflicts.Contains(e.Id) && candidate.Assignments.All(a => a.EvaluatorId != e.Id)
                );
                var third = new Assignment(assignment.CallId, candidate.Id, pick?.Id, true, UtcNow);
                db.Add(third);
                if (pick is not null)
                    await notifier.NotifyAsync(
                        [pick.Id],
                        NotificationKinds.EvaluationAssigned,
                        $"/assignments/{third.Id}",
                        [candidate.Number ?? "", candidate.Applicant],
                        ct: ct
                    );
                else
                    await notifier.NotifyAsync(
                        await FunderAdminsAsync(ct),
                        NotificationKinds.EvaluationThirdOpen,
                        $"/calls/{assignment.CallId}/evaluation",
                        [candidate.Number ?? ""],
                        ct: ct
                    );
                await db.SaveChangesAsync(ct);
            }
            return Result<decimal>.Success(total);
        });

    /// <summary>Reopens submitted scores for the expert (a funder admin, with the reason the audit trail keeps); not
    /// once a ranking has placed the application.</summary>
    public async Task<Result<bool>> ReopenAsync(Guid id, ReopenInput input, CancellationToken ct = default) =>
        await writes.Run(async () =>
        {
            var viewer = await viewers.GetAsync(ct);
            if (await db.Set<Assignment>().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } assignment)
                return Result<bool>.NotFound();
            if (!viewer.May(AssignmentOperation.Manage, assignment.EvaluatorId, assignment.State))
                return viewer.May(AssignmentOperation.Read, assignment.EvaluatorId, assignment.State)
                    ? Result<bool>.Forbidden()
                    : Result<bool>.NotFound();
            assignment.Reopen(input.Reason);
            var status = await db
                .Applications.Where(a => a.Id == assignment.ApplicationId)
                .Select(a => a.Status)
                .SingleAsync(ct);
            if (status != ApplicationStatus.Eligible)
                throw new DomainException("AlreadyRanked", null);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });

    /// <summary>
    /// Approves the ranking computed with the given budget (never above the call's), minimum score and partial-funding
    /// rule as the next numbered version, with the decision's number and date: every evaluated application is placed
    /// (an earlier version's awards are kept), the newly funded become projects, and each applicant whose place
    /// changed is told, with the appeal deadline. Refused while an application is still being evaluated, and when
    /// another approval came first (the version the officer saw is no longer the one in force).
    /// </summary>
    public async Task<Result<int>> ApproveAsync(Guid callId, ApproveInput input, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanManageEvaluation)
            return Result<int>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
                return Result<int>.NotFound();
            var evaluation = call.Evaluation ?? throw new DomainException("NoCriteria", null);
            var last =
                await db.Set<RankingVersion>().Where(v => v.CallId == callId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
            if (last != input.Expected)
                throw new DbUpdateConcurrencyException("Another ranking was approved meanwhile.");
            var budget = input.Budget ?? call.TotalBudget ?? throw new DomainException("Required", "Budget");
            Guard.NonNegativeAmount(budget, "Budget");
            if (call.TotalBudget is { } ceiling && budget > ceiling)
                throw new DomainException("BudgetAboveCall", "Budget", ceiling);
            var settings = (
                evaluation.Settings with
                {
                    MinimumScore = input.MinScore ?? evaluation.Settings.MinimumScore,
                    PartialFunding = input.Partial ?? evaluation.Settings.PartialFunding,
                }
            ).Validated();
            var candidates = await queries.CandidatesAsync(callId, evaluation, ct);
            if (candidates.Count(c => !c.Progress.Complete) is var pending and > 0)
                throw new DomainException("EvaluationIncomplete", null, pending);
            if (candidates.Count == 0)
                throw new DomainException("NothingToRank", null);
            var result = Ranking.Rank(candidates.Select(c => c.Entry), budget, settings);
            var version = new RankingVersion(
                callId,
                last + 1,
                result,
                settings,
                input.DecisionNumber,
                input.DecisionDate,
                UtcNow,
                viewer.Email ?? ""
            );
            db.Add(version);
            var date = version.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var reference = $"{version.DecisionNumber}, {date}";
            var appealUntil = DateOnly.FromDateTime(LtFormat.VilniusTime(UtcNow)).AddMonths(evaluation.AppealMonths);
            var ids = result.Lines.Select(l => l.ApplicationId).ToList();
            var tracked = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var told = new List<(Application Application, RankedLine Line)>();
            foreach (var line in result.Lines)
            {
                var application = tracked[line.ApplicationId];
                var fundedBefore = application.Status == ApplicationStatus.Funded;
                if (!application.Place(line, reference, appealUntil))
                    continue;
                told.Add((application, line));
                // Newly funded: it becomes a project; one funded before keeps its project, with the larger award.
                if (!fundedBefore && line.Decision is RankingDecision.Funded or RankingDecision.PartiallyFunded)
                    ProjectFromApplication.Add(db, application, call);
            }
            await db.SaveChangesAsync(ct);
            foreach (var (application, line) in told)
            {
                await notifier.NotifyAsync(
                    await notifier.MembersOfAsync(application.ApplicantId, ct),
                    line.Decision switch
                    {
                        RankingDecision.Funded or RankingDecision.PartiallyFunded =>
                            NotificationKinds.ApplicationFunded,
                        RankingDecision.Reserve => NotificationKinds.ApplicationReserve,
                        _ => NotificationKinds.ApplicationNotFunded,
                    },
                    $"/applications/{application.Id}",
                    [
                        application.Number ?? "",
                        application.Title,
                        line.Decision switch
                        {
                            RankingDecision.Funded or RankingDecision.PartiallyFunded => LtFormat.Eur(line.Awarded),
                            RankingDecision.Reserve => line.ReserveRank!.Value.ToString(CultureInfo.InvariantCulture),
                            _ => LtFormat.Number(line.Score),
                        },
                        LtFormat.Date(appealUntil),
                    ],
                    ct: ct
                );
            }
            // The transactional check: whatever raced, the call's awards stay within its budget.
            var awarded = (
                await db
                    .Applications.Where(a => a.CallId == callId && a.Status == ApplicationStatus.Funded)
                    .Select(a => a.Awarded)
                    .ToListAsync(ct)
            ).Sum(a => a ?? 0);
            if (awarded > budget)
                throw new DomainException("AwardsAboveBudget", "Budget", budget);
            await db.SaveChangesAsync(ct);
            return Result<int>.Success(version.Number);
        });
    }

    private async Task<(Assignment, CallEvaluation)?> ScorableAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var assignment = await db.Set<Assignment>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null || !viewer.May(AssignmentOperation.Evaluate, assignment.EvaluatorId, assignment.State))
            return null;
        await EnsureUnderEvaluationAsync(assignment, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == assignment.CallId, ct);
        return (assignment, call.Evaluation!);
    }

    /// <summary>Only an eligible application, not yet placed by a ranking nor withdrawn, is declared for and
    /// scored.</summary>
    private async Task EnsureUnderEvaluationAsync(Assignment assignment, CancellationToken ct)
    {
        var status = await db
            .Applications.Where(a => a.Id == assignment.ApplicationId)
            .Select(a => a.Status)
            .SingleAsync(ct);
        if (status != ApplicationStatus.Eligible)
            throw new DomainException("NotUnderEvaluation", null);
    }

    /// <summary>Not found for one who may not see the assignment; forbidden for one who may see it but not do
    /// this.</summary>
    private async Task<Result<T>> RefusalAsync<T>(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var found = await db.Set<Assignment>()
            .AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.EvaluatorId, a.State })
            .SingleOrDefaultAsync(ct);
        if (found is null || !viewer.May(AssignmentOperation.Read, found.EvaluatorId, found.State))
            return Result<T>.NotFound();
        // The expert's own assignment in the wrong state is a rule, with its message; anyone else is forbidden.
        if (viewer.UserId == found.EvaluatorId)
            throw new DomainException(
                found.State == AssignmentState.Submitted ? "ScoresSubmitted" : "NotDeclared",
                null
            );
        return Result<T>.Forbidden();
    }

    private async Task<IReadOnlyList<string>> FunderAdminsAsync(CancellationToken ct) =>
        await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.FunderAdmin
            select ur.UserId
        ).ToListAsync(ct);
}
