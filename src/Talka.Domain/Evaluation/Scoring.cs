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
        var counted = Counted(totals);
        return Math.Round(counted.Average(i => totals[i]), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Which of the totals the final score counts (their positions): all of one or two; of three or more, the
    /// two closest (the higher pair where two pairs are equally close). The tie-break reads the same experts.</summary>
    public static IReadOnlyList<int> Counted(IReadOnlyList<decimal> totals)
    {
        if (totals.Count == 0)
            throw new ArgumentException("No scores.", nameof(totals));
        if (totals.Count < 3)
            return [.. Enumerable.Range(0, totals.Count)];
        var ordered = Enumerable.Range(0, totals.Count).OrderBy(i => totals[i]).ThenBy(i => i).ToList();
        var best = Enumerable
            .Range(0, ordered.Count - 1)
            .Select(i => (Low: ordered[i], High: ordered[i + 1]))
            .OrderBy(p => totals[p.High] - totals[p.Low])
            .ThenByDescending(p => totals[p.High])
            .First();
        return [best.Low, best.High];
    }
}
