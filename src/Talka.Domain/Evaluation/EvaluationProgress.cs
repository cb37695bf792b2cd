namespace Talka.Domain.Evaluation;

/// <summary>Where an application's evaluation stands: the totals submitted, whether a third expert is called, and the
/// final score once enough experts have submitted.</summary>
public sealed record EvaluationProgress(int Submitted, int Required, bool ThirdNeeded, decimal? FinalScore)
{
    public bool Complete => FinalScore is not null;

    /// <summary>The progress from the submitted totals: the call's number of experts, one more when the first two
    /// differ by the threshold (<see cref="Scoring.NeedsThird"/>).</summary>
    public static EvaluationProgress Of(CallEvaluation evaluation, IReadOnlyList<decimal> submitted)
    {
        var settings = evaluation.Settings;
        var experts = settings.ExpertsPerApplication;
        var third =
            experts == 2
            && submitted.Count >= 2
            && Scoring.NeedsThird(settings, evaluation.MaximumTotal, submitted[0], submitted[1]);
        var required = experts + (third ? 1 : 0);
        return new EvaluationProgress(
            submitted.Count,
            required,
            third,
            submitted.Count >= required ? Scoring.Final(submitted) : null
        );
    }
}
