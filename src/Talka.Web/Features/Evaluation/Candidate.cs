using Talka.Domain.Applications;
using Talka.Domain.Evaluation;

namespace Talka.Web.Features.Evaluation;

/// <summary>An application of the call that is evaluated or ranked, with its experts' assignments and the progress
/// they make.</summary>
public sealed record Candidate(
    Guid Id,
    string? Number,
    string Title,
    Guid ApplicantId,
    string Applicant,
    ApplicationStatus Status,
    decimal Requested,
    DateTime SubmittedAt,
    IReadOnlyList<Assignment> Assignments,
    EvaluationProgress Progress,
    decimal? TieBreak
)
{
    /// <summary>The statuses of applications that are evaluated: eligible, and those a ranking has placed.</summary>
    public static readonly ApplicationStatus[] Statuses =
    [
        ApplicationStatus.Eligible,
        ApplicationStatus.Reserve,
        ApplicationStatus.Funded,
        ApplicationStatus.Rejected,
    ];

    public RankingEntry Entry => new(Id, Progress.FinalScore ?? 0, Requested, SubmittedAt, TieBreak);
}
