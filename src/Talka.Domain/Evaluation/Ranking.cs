using Talka.Domain.Common;

namespace Talka.Domain.Evaluation;

/// <summary>Where an application stands in a ranking.</summary>
public enum RankingDecision
{
    Funded,
    PartiallyFunded,
    Reserve,
    NotFunded,
}

/// <summary>An evaluated application as the ranking reads it: its final score, the score on the tie-break criterion,
/// when it was first submitted, and the amount it asks for.</summary>
public sealed record RankingEntry(
    Guid ApplicationId,
    decimal Score,
    decimal Requested,
    DateTime SubmittedAt,
    decimal? TieBreakScore = null
);

/// <summary>An application's line in a ranking: its place, the decision, the amount awarded, its place on the reserve
/// list.</summary>
public sealed record RankedLine(
    Guid ApplicationId,
    int Rank,
    decimal Score,
    decimal Requested,
    RankingDecision Decision,
    decimal Awarded,
    int? ReserveRank
);

/// <summary>A ranking: its lines in rank order and the money left.</summary>
public sealed record RankingResult(IReadOnlyList<RankedLine> Lines, decimal Budget, decimal Awarded)
{
    public decimal Left => Budget - Awarded;
}

/// <summary>
/// The ranking within the budget: by final score, ties broken by the named criterion's score and then by earlier
/// submission; funded from the top while the budget lasts; the first that does not fit is funded partially when the
/// call allows it and the remainder reaches the floor, otherwise it and the rest at or above the minimum score form the
/// reserve in rank order; below the minimum score, not funded. Awards never exceed the budget.
/// </summary>
public static class Ranking
{
    public static RankingResult Rank(IEnumerable<RankingEntry> entries, decimal budget, EvaluationSettings settings)
    {
        Guard.NonNegativeAmount(budget, nameof(budget));
        var ordered = entries
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.TieBreakScore ?? 0)
            .ThenBy(e => e.SubmittedAt)
            .ThenBy(e => e.ApplicationId)
            .ToList();
        var lines = new List<RankedLine>();
        var left = budget;
        var reserve = 0;
        var fundingOpen = true;
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            if (settings.MinimumScore is { } minimum && entry.Score < minimum)
            {
                lines.Add(
                    new RankedLine(
                        entry.ApplicationId,
                        i + 1,
                        entry.Score,
                        entry.Requested,
                        RankingDecision.NotFunded,
                        0,
                        null
                    )
                );
                continue;
            }
            if (fundingOpen && entry.Requested <= left)
            {
                left -= entry.Requested;
                lines.Add(
                    new RankedLine(
                        entry.ApplicationId,
                        i + 1,
                        entry.Score,
                        entry.Requested,
                        RankingDecision.Funded,
                        entry.Requested,
                        null
                    )
                );
                continue;
            }
            if (fundingOpen && settings.PartialFunding && left > 0 && left >= (settings.PartialFloor ?? 0))
            {
                lines.Add(
                    new RankedLine(
                        entry.ApplicationId,
                        i + 1,
                        entry.Score,
                        entry.Requested,
                        RankingDecision.PartiallyFunded,
                        left,
                        null
                    )
                );
                left = 0;
                fundingOpen = false;
                continue;
            }
            // The first that does not fit closes the funded part: what follows waits on the reserve list.
            fundingOpen = false;
            lines.Add(
                new RankedLine(
                    entry.ApplicationId,
                    i + 1,
                    entry.Score,
                    entry.Requested,
                    RankingDecision.Reserve,
                    0,
                    ++reserve
                )
            );
        }
        return new RankingResult(lines, budget, budget - left);
    }
}
