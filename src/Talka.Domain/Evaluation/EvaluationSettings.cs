using Talka.Domain.Common;

namespace Talka.Domain.Evaluation;

/// <summary>
/// A call's evaluation settings, each a per-call value with the default SELECTION.md gives (never a constant in code):
/// experts per application, the divergence that calls a third expert (a share of the maximum total), the minimum score
/// to be funded, the criterion that breaks ties first, and whether the last application within the budget may be
/// funded partially, not below a floor.
/// </summary>
public sealed record EvaluationSettings(
    int ExpertsPerApplication = 2,
    decimal DivergencePercent = 30m,
    decimal? MinimumScore = null,
    string? TieBreakCriterion = null,
    bool PartialFunding = false,
    decimal? PartialFloor = null
)
{
    /// <summary>The settings with each value checked.</summary>
    public EvaluationSettings Validated()
    {
        if (ExpertsPerApplication is < 1 or > 10)
            throw new DomainException("CountRange", nameof(ExpertsPerApplication));
        if (DivergencePercent is <= 0 or > 100)
            throw new DomainException("PercentRange", nameof(DivergencePercent));
        if (MinimumScore is < 0)
            throw new DomainException("ScoreNegative", nameof(MinimumScore));
        if (PartialFloor is { } floor)
            Guard.NonNegativeAmount(floor, nameof(PartialFloor));
        return this;
    }
}
