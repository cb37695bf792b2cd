using Talka.Domain.Evaluation;

namespace Talka.Web.Features.Evaluation;

/// <summary>A call's criteria and evaluation settings, with the council decision that approved them.</summary>
public sealed record CriteriaInput(
    IReadOnlyList<Criterion>? Criteria,
    string? CouncilDecisionNumber,
    DateOnly? CouncilDecisionDate,
    EvaluationSettings? Settings,
    string? DeclarationText,
    int? AppealMonths
);

/// <summary>Assigns an expert to an application, or (Spread) gives every eligible application its experts, spreading
/// the work evenly among the evaluators who have no conflict.</summary>
public sealed record AssignmentInput(Guid? ApplicationId, string? EvaluatorId, bool Spread = false);

/// <summary>The expert's declaration: no conflict (they then read and score), or a conflict with its
/// description.</summary>
public sealed record DeclarationInput(bool Conflict, string? Text);

/// <summary>Draft scores over the version they were read at.</summary>
public sealed record ScoresInput(IReadOnlyList<CriterionScore>? Scores, int Version);

/// <summary>Why submitted scores are reopened.</summary>
public sealed record ReopenInput(string? Reason);

/// <summary>Approves the ranking computed with these values; Expected is the number of the version in force when the
/// officer looked (0 when none), so that two approvals never both pass.</summary>
public sealed record ApproveInput(
    decimal? Budget,
    decimal? MinScore,
    bool? Partial,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    int Expected
);
