using Talka.Domain.Evaluation;

namespace Talka.Domain.Tests;

/// <summary>The evaluation's arithmetic as the evaluation issue states it: when a third expert is called, how the
/// final score is formed, and the ranking within the budget with partial funding, the reserve and a
/// withdrawal.</summary>
public sealed class EvaluationTests
{
    private static readonly DateTime Day = new(2026, 3, 2, 10, 0, 0);

    [Fact]
    public void Scores_80_and_45_against_a_threshold_of_30_of_100_call_a_third_whose_70_makes_the_final_75()
    {
        var settings = new EvaluationSettings(DivergencePercent: 30m);
        Assert.True(Scoring.NeedsThird(settings, 100m, 80m, 45m));
        Assert.False(Scoring.NeedsThird(settings, 100m, 80m, 51m));
        Assert.Equal(75m, Scoring.Final([80m, 45m, 70m]));
        Assert.Equal(62.5m, Scoring.Final([80m, 45m]));
    }

    [Fact]
    public void With_a_minimum_of_50_scores_40_and_10_call_no_third_and_are_not_funded()
    {
        var settings = new EvaluationSettings(MinimumScore: 50m);
        Assert.False(Scoring.NeedsThird(settings, 100m, 40m, 10m));
        var ranking = Ranking.Rank(
            [new RankingEntry(Guid.NewGuid(), Scoring.Final([40m, 10m]), 5_000m, Day)],
            100_000m,
            settings
        );
        Assert.Equal(RankingDecision.NotFunded, Assert.Single(ranking.Lines).Decision);
        Assert.Equal(0m, ranking.Awarded);
    }

    private static (RankingEntry A, RankingEntry B, RankingEntry C) Three() =>
        (
            new RankingEntry(Guid.NewGuid(), 90m, 60_000m, Day),
            new RankingEntry(Guid.NewGuid(), 85m, 30_000m, Day),
            new RankingEntry(Guid.NewGuid(), 80m, 25_000m, Day)
        );

    [Fact]
    public void A_budget_of_100_000_funds_60_000_and_30_000_and_the_third_partially_with_10_000_above_a_5_000_floor()
    {
        var (a, b, c) = Three();
        var ranking = Ranking.Rank(
            [c, a, b],
            100_000m,
            new EvaluationSettings(PartialFunding: true, PartialFloor: 5_000m)
        );
        Assert.Equal(
            [
                (a.ApplicationId, RankingDecision.Funded, 60_000m),
                (b.ApplicationId, RankingDecision.Funded, 30_000m),
                (c.ApplicationId, RankingDecision.PartiallyFunded, 10_000m),
            ],
            ranking.Lines.Select(l => (l.ApplicationId, l.Decision, l.Awarded))
        );
        Assert.Equal(0m, ranking.Left);
        // Above the remainder, the floor leaves it on the reserve list.
        var floored = Ranking.Rank(
            [a, b, c],
            100_000m,
            new EvaluationSettings(PartialFunding: true, PartialFloor: 12_000m)
        );
        Assert.Equal(RankingDecision.Reserve, floored.Lines[2].Decision);
    }

    [Fact]
    public void Without_partial_funding_the_third_is_reserve_1_and_a_withdrawal_of_the_30_000_project_funds_it()
    {
        var (a, b, c) = Three();
        var settings = new EvaluationSettings();
        var first = Ranking.Rank([a, b, c], 100_000m, settings);
        Assert.Equal((RankingDecision.Reserve, 1), (first.Lines[2].Decision, first.Lines[2].ReserveRank));
        Assert.Equal(90_000m, first.Awarded);
        var second = Ranking.Rank([a, c], 100_000m, settings);
        Assert.Equal(
            (c.ApplicationId, RankingDecision.Funded, 25_000m),
            (second.Lines[1].ApplicationId, second.Lines[1].Decision, second.Lines[1].Awarded)
        );
        Assert.True(second.Awarded <= 100_000m);
    }

    [Fact]
    public void Ties_go_to_the_higher_score_on_the_named_criterion_then_to_the_earlier_submission()
    {
        var late = new RankingEntry(Guid.NewGuid(), 70m, 1_000m, Day.AddHours(1), 20m);
        var early = new RankingEntry(Guid.NewGuid(), 70m, 1_000m, Day, 20m);
        var stronger = new RankingEntry(Guid.NewGuid(), 70m, 1_000m, Day.AddDays(1), 25m);
        var ranking = Ranking.Rank([late, early, stronger], 10_000m, new EvaluationSettings());
        Assert.Equal(
            [stronger.ApplicationId, early.ApplicationId, late.ApplicationId],
            ranking.Lines.Select(l => l.ApplicationId)
        );
    }
}
