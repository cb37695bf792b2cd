using Talka.Domain.Applications;
using Talka.Domain.Evaluation;

namespace Talka.Web.Features.Evaluation;

/// <summary>An expert's assignment as a list row: before the declaration only the call, the number and who
/// applies.</summary>
public sealed record AssignmentRow(
    Guid Id,
    Guid CallId,
    string Call,
    string? Number,
    string Applicant,
    string? Title,
    AssignmentState State,
    decimal? Total,
    bool Third
);

/// <summary>One assignment whole: the declaration to sign (with the applicant and its partners, so that the expert can
/// tell a conflict), the criteria, the draft or submitted scores, the submitted total and the total of the scores shown
/// (the draft's as it stands).</summary>
public sealed record AssignmentView(
    Guid Id,
    Guid CallId,
    string Call,
    Guid ApplicationId,
    string? Number,
    string Applicant,
    IReadOnlyList<string> Partners,
    string? EvaluatorId,
    string? Evaluator,
    AssignmentState State,
    bool Third,
    string DeclarationText,
    DateTime? DeclaredAt,
    string? ConflictNote,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<CriterionScore> Scores,
    decimal? Total,
    decimal ScoreTotal,
    decimal MaximumTotal,
    DateTime? SubmittedAt,
    string? ReopenReason,
    int Version,
    bool MayDeclare,
    bool MayScore,
    bool MayReopen
);

/// <summary>An evaluator the officer may assign, with how many of the call's applications they already have.</summary>
public sealed record EvaluatorOption(string Id, string Name, string Email, int Load);

/// <summary>An expert's assignment on the officer's board.</summary>
public sealed record BoardAssignment(
    Guid Id,
    string? EvaluatorId,
    string? Evaluator,
    string? EvaluatorEmail,
    AssignmentState State,
    decimal? Total,
    bool Third
);

/// <summary>An application on the officer's board: its experts, its progress and the evaluators who may still be
/// assigned to it (no conflict, not already on it).</summary>
public sealed record BoardRow(
    Guid ApplicationId,
    string? Number,
    string Applicant,
    string Title,
    ApplicationStatus Status,
    IReadOnlyList<BoardAssignment> Assignments,
    EvaluationProgress Progress,
    int Missing,
    IReadOnlyList<EvaluatorOption> Assignable
);

/// <summary>The officer's board of a call: criteria and settings, each eligible application with its experts, and
/// totals of the progress.</summary>
public sealed record BoardView(
    Guid CallId,
    string Call,
    decimal? MinGrant,
    CallEvaluation? Evaluation,
    bool Started,
    IReadOnlyList<BoardRow> Rows,
    IReadOnlyList<EvaluatorOption> Evaluators,
    int Declared,
    int Scored,
    int ThirdNeeded,
    bool MayManage
);

/// <summary>A line of a ranking: the application, its final score, what it asks, the decision and the award.</summary>
public sealed record RankingLineView(
    Guid ApplicationId,
    string? Number,
    string Applicant,
    string Title,
    int Rank,
    decimal Score,
    decimal Requested,
    RankingDecision Decision,
    decimal Awarded,
    int? ReserveRank
)
{
    public static RankingLineView Of(RankedLine l, string? number, string applicant, string title) =>
        new(
            l.ApplicationId,
            number,
            applicant,
            title,
            l.Rank,
            l.Score,
            l.Requested,
            l.Decision,
            l.Awarded,
            l.ReserveRank
        );
}

/// <summary>An application whose evaluation is not complete (it keeps the ranking from being approved).</summary>
public sealed record PendingRow(Guid ApplicationId, string? Number, string Title, int Submitted, int Required);

/// <summary>An approved ranking version.</summary>
public sealed record RankingVersionRow(
    int Number,
    string DecisionNumber,
    DateOnly DecisionDate,
    decimal Budget,
    decimal Awarded,
    DateTime ApprovedAt,
    string ApprovedBy
);

/// <summary>A ranking as simulated with the given budget, minimum score and partial-funding rule (nothing saved), the
/// applications still being evaluated, and the versions approved so far.</summary>
public sealed record RankingView(
    Guid CallId,
    string Call,
    decimal? CallBudget,
    decimal Budget,
    decimal? MinimumScore,
    bool Partial,
    decimal? PartialFloor,
    decimal MaximumTotal,
    IReadOnlyList<RankingLineView> Lines,
    decimal Awarded,
    decimal Left,
    IReadOnlyList<PendingRow> Pending,
    IReadOnlyList<RankingVersionRow> Versions,
    int Current,
    bool MayApprove
);

/// <summary>A funded application as the public call page lists it once the ranking is approved.</summary>
public sealed record FundedRow(
    int Rank,
    string? Number,
    string Applicant,
    string Title,
    decimal Score,
    decimal Awarded
);

/// <summary>The approved ranking's public part: the version, its decision and the funded applications.</summary>
public sealed record FundedList(
    int Version,
    string DecisionNumber,
    DateOnly DecisionDate,
    IReadOnlyList<FundedRow> Rows
);

/// <summary>An approved ranking version as a document (the PDF): its decision, the values it was computed with and its
/// lines.</summary>
public sealed record RankingDocument(
    string Call,
    int Version,
    string DecisionNumber,
    DateOnly DecisionDate,
    decimal Budget,
    decimal Awarded,
    decimal? MinimumScore,
    bool Partial,
    IReadOnlyList<RankingLineView> Lines
);
