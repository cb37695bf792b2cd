using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Domain.Evaluation;

/// <remarks>Stored by name.</remarks>
public enum AssignmentState
{
    /// <summary>Assigned (or, for a third expert nobody could take, waiting for the officer to name one); the expert
    /// has not declared yet and sees nothing of the application.</summary>
    Assigned,

    /// <summary>The expert declared impartiality and confidentiality: they read the application and score it.</summary>
    Declared,

    /// <summary>The expert declared a conflict of interest: recused, the officer assigns someone else.</summary>
    Recused,

    /// <summary>Scores submitted: immutable unless a funder admin reopens them with a reason.</summary>
    Submitted,
}

/// <summary>
/// An expert's evaluation of one application: assigned by the funder's officer (or automatically, as the third
/// expert), declared before anything of the application is shown, scored per criterion with a justification each as a
/// draft, then submitted, when the total is computed and the scores freeze.
/// </summary>
public sealed class Assignment : IVersioned
{
    private Assignment() { }

    public Assignment(Guid callId, Guid applicationId, string? evaluatorId, bool third, DateTime utcNow)
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        ApplicationId = applicationId;
        EvaluatorId = evaluatorId;
        Third = third;
        State = AssignmentState.Assigned;
        AssignedAt = utcNow;
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public Guid ApplicationId { get; private set; }

    /// <summary>The expert's account; null for a third assignment waiting for the officer.</summary>
    public string? EvaluatorId { get; private set; }

    /// <summary>Made because two experts differed by at least the call's threshold.</summary>
    public bool Third { get; private set; }
    public AssignmentState State { get; private set; }
    public DateTime AssignedAt { get; private set; }
    public DateTime? DeclaredAt { get; private set; }

    /// <summary>The declaration's text as the expert signed it.</summary>
    public string? DeclarationText { get; private set; }

    /// <summary>What the expert wrote about their conflict of interest.</summary>
    public string? ConflictNote { get; private set; }
    public string ScoresJson { get; private set; } = "";
    public decimal? Total { get; private set; }
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Why a funder admin last reopened the submitted scores (the audit trail keeps every one).</summary>
    public string? ReopenReason { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<CriterionScore> Scores =>
        ScoresJson.Length == 0
            ? []
            : JsonSerializer.Deserialize<List<CriterionScore>>(ScoresJson, Applications.Application.Json)!;

    /// <summary>Whether the assignment still counts towards the application's experts.</summary>
    public bool Active => State != AssignmentState.Recused;

    /// <summary>Names the expert of a third assignment nobody could take.</summary>
    public void AssignTo(string evaluatorId)
    {
        if (EvaluatorId is not null)
            throw new DomainException("AlreadyAssigned", "EvaluatorId");
        EvaluatorId = evaluatorId;
    }

    /// <summary>Signs the declaration: with no conflict the expert may read and score; with a conflict (its note
    /// required) the expert is recused.</summary>
    public void Declare(bool conflict, string? note, string declarationText, DateTime utcNow)
    {
        if (State != AssignmentState.Assigned || EvaluatorId is null)
            throw new DomainException("AlreadyDeclared", null);
        DeclaredAt = utcNow;
        DeclarationText = declarationText;
        if (conflict)
        {
            ConflictNote = Guard.Required(note, "Text", 2000);
            State = AssignmentState.Recused;
        }
        else
            State = AssignmentState.Declared;
    }

    /// <summary>Saves the draft scores: each criterion's points within 0..maximum; justifications may wait until the
    /// submission.</summary>
    public void SaveScores(CallEvaluation evaluation, IReadOnlyList<CriterionScore> scores)
    {
        if (State != AssignmentState.Declared)
            throw new DomainException(State == AssignmentState.Submitted ? "ScoresSubmitted" : "NotDeclared", null);
        var clean = new List<CriterionScore>();
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i] ?? throw new DomainException("Required", $"Scores[{i}]");
            var criterion =
                evaluation.Criteria.FirstOrDefault(c => c.Code == score.Code)
                ?? throw new DomainException("UnknownCriterion", $"Scores[{i}].Code", score.Code ?? "");
            if (clean.Any(c => c.Code == criterion.Code))
                throw new DomainException("CriterionTwice", $"Scores[{i}].Code", criterion.Code);
            if (score.Points is { } points && (points < 0 || points > criterion.MaxPoints))
                throw new DomainException(
                    "PointsRange",
                    $"Scores[{i}].Points",
                    criterion.Code,
                    LtFormat.Number(criterion.MaxPoints)
                );
            clean.Add(
                new CriterionScore(
                    criterion.Code,
                    score.Points,
                    Guard.Optional(score.Justification, $"Scores[{i}].Justification", 4000)
                )
            );
        }
        ScoresJson = JsonSerializer.Serialize(clean, Applications.Application.Json);
    }

    /// <summary>Submits the scores: every criterion scored and justified; the total is computed and the scores
    /// freeze.</summary>
    public decimal Submit(CallEvaluation evaluation, DateTime utcNow)
    {
        if (State != AssignmentState.Declared)
            throw new DomainException(State == AssignmentState.Submitted ? "ScoresSubmitted" : "NotDeclared", null);
        var scores = Scores;
        for (var i = 0; i < evaluation.Criteria.Count; i++)
        {
            var criterion = evaluation.Criteria[i];
            var score = scores.FirstOrDefault(s => s.Code == criterion.Code);
            if (score?.Points is null)
                throw new DomainException("CriterionNotScored", $"Scores[{criterion.Code}].Points", criterion.Code);
            if (string.IsNullOrWhiteSpace(score.Justification))
                throw new DomainException(
                    "JustificationRequired",
                    $"Scores[{criterion.Code}].Justification",
                    criterion.Code
                );
        }
        Total = evaluation.Total(scores);
        SubmittedAt = utcNow;
        State = AssignmentState.Submitted;
        return Total.Value;
    }

    /// <summary>Reopens submitted scores for the expert to change (a funder admin, with a reason).</summary>
    public void Reopen(string? reason)
    {
        if (State != AssignmentState.Submitted)
            throw new DomainException("NotSubmitted", null);
        ReopenReason = Guard.Required(reason, "Reason", 2000);
        Total = null;
        SubmittedAt = null;
        State = AssignmentState.Declared;
    }
}
