namespace Talka.Domain.Evaluation;

/// <summary>How experts' totals become an application's final score (always computed, never typed).</summary>
public static class Scoring
{
    /// <summary>Whether two experts differ enough to call a third: by at least the divergence share of the maximum
    /// total, unless both are below the minimum score (the application is not funded either way).</summary>
    public static bool NeedsThird(EvaluationSettings settings, decimal maximumTotal, decimal first, decimal second)
    {
        if (settings.MinimumScore is { } minimum && first < minimum && second < minimum)
            return false;
        return Math.Abs(first - second) >= maximumTotal * settings.DivergencePercent / 100m;
    }

    /// <summary>The final score: the mean of the experts' totals; with three or more, the mean of the two closest (the
    /// higher pair where two pairs are equally close).</summary>
    public static decimal Final(IReadOnlyList<decimal> totals)
    {
        if (totals.Count == 0)
            throw new ArgumentException("No scores.", nameof(totals));
        if (totals.Count < 3)
            return Math.Round(totals.Average(), 2, MidpointRounding.AwayFromZero);
        var ordered = totals.OrderBy(t => t).ToList();
        var best = Enumerable
            .Range(0, ordered.Count - 1)
            .Select(i => (Low: ordered[i], High: ordered[i + 1]))
            .OrderBy(p => p.High - p.Low)
            .ThenByDescending(p => p.High)
            .First();
        return Math.Round((best.Low + best.High) / 2m, 2, MidpointRounding.AwayFromZero);
    }
}
