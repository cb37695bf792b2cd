using Microsoft.EntityFrameworkCore;
using Talka.Domain.Applications;
using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>Reads of the evaluation as each reader may see them: an expert's own assignments (an application's content
/// only after the declaration), the officer's board and ranking simulation (funder admins and auditors), and the funded
/// list of an approved ranking (public).</summary>
public sealed class EvaluationQueries(TalkaDbContext db, ViewerAccessor viewers)
{
    public async Task<IReadOnlyList<AssignmentRow>?> MineAsync(CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.IsEvaluator)
            return null;
        var rows = await (
            from a in db.Set<Assignment>().AsNoTracking()
            where a.EvaluatorId == viewer.UserId
            join p in db.Applications on a.ApplicationId equals p.Id
            join c in db.Calls on a.CallId equals c.Id
            join o in db.Organisations on p.ApplicantId equals o.Id
            orderby a.AssignedAt descending
            select new
            {
                a.Id,
                a.CallId,
                Call = c.Title,
                p.Number,
                Applicant = o.Name,
                p.Title,
                a.State,
                a.Total,
                a.Third,
            }
        )
            .Take(500)
            .ToListAsync(ct);
        return
        [
            .. rows.Select(r => new AssignmentRow(
                r.Id,
                r.CallId,
                r.Call,
                r.Number,
                r.Applicant,
                r.State is AssignmentState.Declared or AssignmentState.Submitted ? r.Title : null,
                r.State,
                r.Total,
                r.Third
            )),
        ];
    }

    public async Task<AssignmentView?> AssignmentAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        var a = await db.Set<Assignment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !viewer.May(AssignmentOperation.Read, a.EvaluatorId, a.State))
            return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
        var evaluation = call.Evaluation ?? throw new InvalidOperationException("An assignment without criteria.");
        var application = await db
            .Applications.AsNoTracking()
            .Where(p => p.Id == a.ApplicationId)
            .Select(p => new { p.Number, p.ApplicantId })
            .SingleAsync(ct);
        var applicant = await db
            .Organisations.Where(o => o.Id == application.ApplicantId)
            .Select(o => o.Name)
            .SingleAsync(ct);
        var partners = await (
            from p in db.Set<ApplicationPartner>()
            where p.ApplicationId == a.ApplicationId
            join o in db.Organisations on p.OrganisationId equals o.Id
            orderby o.Name
            select o.Name
        ).ToListAsync(ct);
        IReadOnlyList<CriterionScore> scores =
            viewer.May(AssignmentOperation.Evaluate, a.EvaluatorId, a.State) || viewer.ReadsEverything ? a.Scores : [];
        var evaluator = a.EvaluatorId is null
            ? null
            : await db.Users.Where(u => u.Id == a.EvaluatorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new AssignmentView(
            a.Id,
            a.CallId,
            call.Title,
            a.ApplicationId,
            application.Number,
            applicant,
            partners,
            a.EvaluatorId,
            evaluator,
            a.State,
            a.Third,
            a.DeclarationText ?? evaluation.DeclarationText,
            a.DeclaredAt,
            a.ConflictNote,
            evaluation.Criteria,
            scores,
            a.Total,
            evaluation.Total(scores),
            evaluation.MaximumTotal,
            a.SubmittedAt,
            a.ReopenReason,
            a.Version,
            viewer.May(AssignmentOperation.Declare, a.EvaluatorId, a.State),
            viewer.May(AssignmentOperation.Evaluate, a.EvaluatorId, a.State) && a.State == AssignmentState.Declared,
            viewer.May(AssignmentOperation.Manage, a.EvaluatorId, a.State) && a.State == AssignmentState.Submitted
        );
    }

    /// <summary>The call's evaluated applications with their assignments and progress (one call's, never
    /// more).</summary>
    /// <param name="applicationId">Only this application (one expert's submission asks of its own).</param>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(
        Guid callId,
        CallEvaluation evaluation,
        CancellationToken ct = default,
        Guid? applicationId = null
    )
    {
        var applications = await (
            from p in db.Applications.AsNoTracking()
            where
                p.CallId == callId
                && Candidate.Statuses.Contains(p.Status)
                && p.ContentJson != ""
                && (applicationId == null || p.Id == applicationId)
            join o in db.Organisations on p.ApplicantId equals o.Id
            select new
            {
                p.Id,
                p.Number,
                p.Title,
                p.ApplicantId,
                Applicant = o.Name,
                p.Status,
                p.ContentJson,
                p.FirstSubmittedAt,
            }
        ).ToListAsync(ct);
        var assignments = (
            await db.Set<Assignment>()
                .AsNoTracking()
                .Where(a => a.CallId == callId && (applicationId == null || a.ApplicationId == applicationId))
                .ToListAsync(ct)
        ).ToLookup(a => a.ApplicationId);
        var tie = evaluation.Settings.TieBreakCriterion;
        return
        [
            .. applications
                .Select(p =>
                {
                    var mine = assignments[p.Id].OrderBy(a => a.AssignedAt).ToList();
                    var submitted = mine.Where(a => a.State == AssignmentState.Submitted)
                        .OrderBy(a => a.SubmittedAt)
                        .ToList();
                    var progress = EvaluationProgress.Of(evaluation, [.. submitted.Select(a => a.Total!.Value)]);
                    // The tie-break reads the experts the final score counts.
                    decimal? tieBreak =
                        tie is null || submitted.Count == 0
                            ? null
                            : Scoring
                                .Counted([.. submitted.Select(a => a.Total!.Value)])
                                .Average(i => evaluation.Total(submitted[i].Scores.Where(s => s.Code == tie)));
                    return new Candidate(
                        p.Id,
                        p.Number,
                        p.Title,
                        p.ApplicantId,
                        p.Applicant,
                        p.Status,
                        ApplicationContent.FromJson(p.ContentJson).Requested,
                        p.FirstSubmittedAt ?? DateTime.MaxValue,
                        mine,
                        progress,
                        tieBreak
                    );
                })
                .OrderBy(c => c.Number),
        ];
    }

    /// <summary>The evaluators who may be assigned (the Evaluator role, not disabled) with their load in the
    /// call.</summary>
    public async Task<IReadOnlyList<EvaluatorOption>> EvaluatorsAsync(Guid callId, CancellationToken ct = default)
    {
        var people = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Evaluator
            join u in db.Users on ur.UserId equals u.Id
            where u.DisabledAt == null
            select new
            {
                u.Id,
                u.DisplayName,
                u.Email,
            }
        ).ToListAsync(ct);
        var load = await db.Set<Assignment>()
            .Where(a => a.CallId == callId && a.EvaluatorId != null && a.State != AssignmentState.Recused)
            .GroupBy(a => a.EvaluatorId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return
        [
            .. people
                .Select(p => new EvaluatorOption(
                    p.Id,
                    p.DisplayName.Length > 0 ? p.DisplayName : p.Email ?? "",
                    p.Email ?? "",
                    load.GetValueOrDefault(p.Id)
                ))
                .OrderBy(p => p.Load)
                .ThenBy(p => p.Email, StringComparer.Ordinal),
        ];
    }

    /// <summary>Per application, the evaluators who are members of its applicant or of a partner (never to be
    /// assigned to it).</summary>
    public async Task<ILookup<Guid, string>> ConflictsAsync(
        IReadOnlyCollection<Guid> applicationIds,
        CancellationToken ct = default
    )
    {
        var applicants = await db
            .Applications.Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { ApplicationId = a.Id, OrganisationId = a.ApplicantId })
            .ToListAsync(ct);
        var partners = await db.Set<ApplicationPartner>()
            .Where(p => applicationIds.Contains(p.ApplicationId))
            .Select(p => new { p.ApplicationId, p.OrganisationId })
            .ToListAsync(ct);
        var pairs = applicants.Concat(partners).ToList();
        var organisations = pairs.Select(p => p.OrganisationId).Distinct().ToList();
        var members = (
            await db
                .OrganisationMemberships.Where(m => organisations.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(ct)
        ).ToLookup(m => m.OrganisationId, m => m.UserId);
        return pairs
            .SelectMany(p => members[p.OrganisationId].Select(u => (p.ApplicationId, UserId: u)))
            .ToLookup(p => p.ApplicationId, p => p.UserId);
    }

    public async Task<BoardView?> BoardAsync(Guid callId, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanSeeEvaluation)
            return null;
        if (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
            return null;
        var evaluation = call.Evaluation;
        var evaluators = await EvaluatorsAsync(callId, ct);
        var people = evaluators.ToDictionary(e => e.Id);
        var candidates = evaluation is null ? [] : await CandidatesAsync(callId, evaluation, ct);
        var conflicts = await ConflictsAsync([.. candidates.Select(c => c.Id)], ct);
        var rows = candidates
            .Select(c =>
            {
                var active = c.Assignments.Where(a => a.Active).ToList();
                var missing = Math.Max(0, c.Progress.Required - active.Count(a => a.EvaluatorId is not null));
                return new BoardRow(
                    c.Id,
                    c.Number,
                    c.Applicant,
                    c.Title,
                    c.Status,
                    [
                        .. c.Assignments.Select(a => new BoardAssignment(
                            a.Id,
                            a.EvaluatorId,
                            a.EvaluatorId is null ? null : people.GetValueOrDefault(a.EvaluatorId)?.Name,
                            a.EvaluatorId is null ? null : people.GetValueOrDefault(a.EvaluatorId)?.Email,
                            a.State,
                            a.Total,
                            a.Third
                        )),
                    ],
                    c.Progress,
                    missing,
                    [
                        .. evaluators.Where(e =>
                            !conflicts[c.Id].Contains(e.Id) && c.Assignments.All(a => a.EvaluatorId != e.Id)
                        ),
                    ]
                );
            })
            .ToList();
        var all = candidates.SelectMany(c => c.Assignments).ToList();
        return new BoardView(
            call.Id,
            call.Title,
            call.MinGrant,
            evaluation,
            all.Any(a => a.DeclaredAt != null),
            rows,
            evaluators,
            all.Count(a => a.State is AssignmentState.Declared or AssignmentState.Submitted),
            all.Count(a => a.State == AssignmentState.Submitted),
            candidates.Count(c => c.Progress.ThirdNeeded && c.Progress.Submitted < c.Progress.Required),
            viewer.CanManageEvaluation
        );
    }

    /// <summary>The ranking with the given budget (the call's by default), minimum score and partial-funding rule (the
    /// call's settings by default): a simulation, nothing saved.</summary>
    public async Task<RankingView?> RankingAsync(
        Guid callId,
        decimal? budget,
        decimal? minScore,
        bool? partial,
        CancellationToken ct = default
    )
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanSeeEvaluation)
            return null;
        if (
            await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct)
            is not { Evaluation: { } ev } call
        )
            return null;
        var settings = (
            ev.Settings with
            {
                MinimumScore = minScore ?? ev.Settings.MinimumScore,
                PartialFunding = partial ?? ev.Settings.PartialFunding,
            }
        ).Validated();
        var money = budget ?? call.TotalBudget ?? 0;
        Guard.NonNegativeAmount(money, "budget");
        var candidates = await CandidatesAsync(callId, ev, ct);
        var complete = candidates.Where(c => c.Progress.Complete).ToDictionary(c => c.Id);
        var result = Ranking.Rank(complete.Values.Select(c => c.Entry), money, settings);
        var versions = await VersionsAsync(callId, ct);
        return new RankingView(
            call.Id,
            call.Title,
            call.TotalBudget,
            money,
            settings.MinimumScore,
            settings.PartialFunding,
            settings.PartialFloor,
            ev.MaximumTotal,
            [
                .. result.Lines.Select(l =>
                {
                    var c = complete[l.ApplicationId];
                    return RankingLineView.Of(l, c.Number, c.Applicant, c.Title);
                }),
            ],
            result.Awarded,
            result.Left,
            [
                .. candidates
                    .Where(c => !c.Progress.Complete)
                    .Select(c => new PendingRow(c.Id, c.Number, c.Title, c.Progress.Submitted, c.Progress.Required)),
            ],
            versions,
            versions.Count == 0 ? 0 : versions[^1].Number,
            viewer.CanManageEvaluation
        );
    }

    public Task<List<RankingVersionRow>> VersionsAsync(Guid callId, CancellationToken ct = default) =>
        db.Set<RankingVersion>()
            .AsNoTracking()
            .Where(v => v.CallId == callId)
            .OrderBy(v => v.Number)
            .Select(v => new RankingVersionRow(
                v.Number,
                v.DecisionNumber,
                v.DecisionDate,
                v.Budget,
                v.Awarded,
                v.ApprovedAt,
                v.ApprovedBy
            ))
            .ToListAsync(ct);

    /// <summary>The funded applications of the approved ranking in force (public once approved); null before.</summary>
    public async Task<FundedList?> FundedAsync(Guid callId, CancellationToken ct = default)
    {
        if (await LatestAsync(callId, null, ct) is not { } version)
            return null;
        var lines = await LinesAsync(
            version.Lines.Where(l => l.Decision is RankingDecision.Funded or RankingDecision.PartiallyFunded),
            ct
        );
        return new FundedList(
            version.Number,
            version.DecisionNumber,
            version.DecisionDate,
            [.. lines.Select(l => new FundedRow(l.Rank, l.Number, l.Applicant, l.Title, l.Score, l.Awarded))]
        );
    }

    /// <summary>An approved version (the one in force when no number is given) as a document, for funder admins and
    /// auditors.</summary>
    public async Task<RankingDocument?> DocumentAsync(Guid callId, int? number, CancellationToken ct = default)
    {
        if (!(await viewers.GetAsync(ct)).CanSeeEvaluation)
            return null;
        if (await LatestAsync(callId, number, ct) is not { } version)
            return null;
        var call = await db.Calls.Where(c => c.Id == callId).Select(c => c.Title).SingleAsync(ct);
        return new RankingDocument(
            call,
            version.Number,
            version.DecisionNumber,
            version.DecisionDate,
            version.Budget,
            version.Awarded,
            version.MinimumScore,
            version.PartialFunding,
            await LinesAsync(version.Lines, ct)
        );
    }

    private Task<RankingVersion?> LatestAsync(Guid callId, int? number, CancellationToken ct) =>
        db.Set<RankingVersion>()
            .AsNoTracking()
            .Where(v => v.CallId == callId && (number == null || v.Number == number))
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);

    private async Task<IReadOnlyList<RankingLineView>> LinesAsync(IEnumerable<RankedLine> lines, CancellationToken ct)
    {
        var list = lines.ToList();
        var ids = list.Select(l => l.ApplicationId).ToList();
        var names = await (
            from p in db.Applications
            where ids.Contains(p.Id)
            join o in db.Organisations on p.ApplicantId equals o.Id
            select new
            {
                p.Id,
                p.Number,
                p.Title,
                Applicant = o.Name,
            }
        ).ToDictionaryAsync(p => p.Id, ct);
        return
        [
            .. list.Where(l => names.ContainsKey(l.ApplicationId))
                .Select(l =>
                {
                    var p = names[l.ApplicationId];
                    return RankingLineView.Of(l, p.Number, p.Applicant, p.Title);
                }),
        ];
    }
}
