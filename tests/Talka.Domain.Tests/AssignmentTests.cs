using Talka.Domain.Common;
using Talka.Domain.Evaluation;

namespace Talka.Domain.Tests;

/// <summary>An expert's assignment and a call's criteria: nothing before the declaration, a conflict recuses, points
/// within the maximum, a justification for each, a computed total that freezes, a reopening only with a reason; the
/// progress that calls a third expert; who may do what.</summary>
public sealed class AssignmentTests
{
    private static readonly DateTime Day = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private static CallEvaluation Criteria(decimal? minimum = 50m) =>
        new CallEvaluation(
            [new Criterion("A", "Aktualumas", null, 60m), new Criterion("B", "Biudžetas", null, 20m, 2m)],
            null,
            null,
            new EvaluationSettings(MinimumScore: minimum),
            ""
        ).Validated(3_000m);

    private static Assignment Declared(CallEvaluation evaluation)
    {
        var assignment = new Assignment(Guid.NewGuid(), Guid.NewGuid(), "expert", false, Day);
        assignment.Declare(false, null, evaluation.DeclarationText, Day);
        return assignment;
    }

    [Fact]
    public void An_expert_scores_nothing_before_declaring_and_a_declared_conflict_needs_its_description_and_recuses()
    {
        var evaluation = Criteria();
        var assignment = new Assignment(Guid.NewGuid(), Guid.NewGuid(), "expert", false, Day);
        Assert.Equal("NotDeclared", Assert.Throws<DomainException>(() => assignment.SaveScores(evaluation, [])).Code);
        Assert.Equal("Text", Assert.Throws<DomainException>(() => assignment.Declare(true, " ", "", Day)).Field);
        assignment.Declare(true, "Pareiškėjo valdybos narys", evaluation.DeclarationText, Day);
        Assert.Equal(AssignmentState.Recused, assignment.State);
        Assert.False(assignment.Active);
        Assert.Equal(
            "AlreadyDeclared",
            Assert.Throws<DomainException>(() => assignment.Declare(false, null, "", Day)).Code
        );
    }

    [Fact]
    public void Points_stay_within_each_maximum_every_score_is_justified_and_the_weighted_total_freezes_on_submission()
    {
        var evaluation = Criteria();
        var assignment = Declared(evaluation);
        var tooMany = Assert.Throws<DomainException>(() =>
            assignment.SaveScores(evaluation, [new CriterionScore("A", 60.5m, null)])
        );
        Assert.Equal(("PointsRange", "Scores[0].Points"), (tooMany.Code, tooMany.Field));
        Assert.Equal(
            "UnknownCriterion",
            Assert
                .Throws<DomainException>(() => assignment.SaveScores(evaluation, [new CriterionScore("Z", 1m, null)]))
                .Code
        );
        assignment.SaveScores(
            evaluation,
            [new CriterionScore("A", 45m, "Aktualu."), new CriterionScore("B", 15m, null)]
        );
        var unjustified = Assert.Throws<DomainException>(() => assignment.Submit(evaluation, Day));
        Assert.Equal("Scores[B].Justification", unjustified.Field);

        assignment.SaveScores(
            evaluation,
            [new CriterionScore("A", 45m, "Aktualu."), new CriterionScore("B", 15m, "Pagrįsta.")]
        );
        Assert.Equal(75m, assignment.Submit(evaluation, Day));
        Assert.Equal(100m, evaluation.MaximumTotal);
        Assert.Equal(
            "ScoresSubmitted",
            Assert
                .Throws<DomainException>(() =>
                    assignment.SaveScores(evaluation, [new CriterionScore("A", 60m, "Daugiau.")])
                )
                .Code
        );
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => assignment.Reopen("")).Field);
        assignment.Reopen("Supainioti kriterijai");
        Assert.Equal((AssignmentState.Declared, (decimal?)null), (assignment.State, assignment.Total));
    }

    [Fact]
    public void The_minimum_defaults_to_half_the_maximum_and_the_partial_floor_never_goes_below_the_minimum_grant()
    {
        var evaluation = Criteria(minimum: null);
        Assert.Equal(50m, evaluation.Settings.MinimumScore);
        Assert.Equal(3_000m, evaluation.Settings.PartialFloor);
        var low = new CallEvaluation(
            [new Criterion("A", "Aktualumas", null, 100m)],
            null,
            null,
            new EvaluationSettings(PartialFloor: 2_999m),
            ""
        );
        Assert.Equal("FloorBelowMinimumGrant", Assert.Throws<DomainException>(() => low.Validated(3_000m)).Code);
        var tie = low with { Settings = new EvaluationSettings(TieBreakCriterion: "X") };
        Assert.Equal("UnknownCriterion", Assert.Throws<DomainException>(() => tie.Validated(null)).Code);
        var twice = low with
        {
            Criteria = [new Criterion("A", "Vienas", null, 10m), new Criterion("a", "Du", null, 10m)],
        };
        Assert.Equal("CriterionTwice", Assert.Throws<DomainException>(() => twice.Validated(null)).Code);
    }

    [Fact]
    public void Progress_calls_a_third_for_80_and_45_completes_with_its_70_at_75_and_calls_none_for_40_and_10()
    {
        var evaluation = Criteria();
        var apart = EvaluationProgress.Of(evaluation, [80m, 45m]);
        Assert.Equal((true, 3, (decimal?)null), (apart.ThirdNeeded, apart.Required, apart.FinalScore));
        Assert.Equal(75m, EvaluationProgress.Of(evaluation, [80m, 45m, 70m]).FinalScore);
        var low = EvaluationProgress.Of(evaluation, [40m, 10m]);
        Assert.Equal((false, 25m), (low.ThirdNeeded, low.FinalScore!.Value));
        Assert.False(EvaluationProgress.Of(evaluation, [80m]).Complete);
        // The tie-break reads the same two experts the final score counts: the third and the first.
        Assert.Equal([2, 0], Scoring.Counted([80m, 45m, 70m]));
    }

    [Fact]
    public void An_evaluator_sees_only_their_own_assignment_and_its_application_only_after_declaring()
    {
        var expert = new Viewer("e1", "e1@test", new HashSet<string> { Roles.Evaluator }, new HashSet<Guid>());
        var admin = new Viewer("a", "a@test", new HashSet<string> { Roles.FunderAdmin }, new HashSet<Guid>());
        var auditor = new Viewer("u", "u@test", new HashSet<string> { Roles.Auditor }, new HashSet<Guid>());
        Assert.True(expert.May(AssignmentOperation.Declare, "e1", AssignmentState.Assigned));
        Assert.False(expert.May(AssignmentOperation.Evaluate, "e1", AssignmentState.Assigned));
        Assert.True(expert.May(AssignmentOperation.Evaluate, "e1", AssignmentState.Declared));
        Assert.False(expert.May(AssignmentOperation.Evaluate, "e1", AssignmentState.Recused));
        Assert.False(expert.May(AssignmentOperation.Read, "e2", AssignmentState.Declared));
        Assert.False(expert.May(ApplicationOperation.Read, Guid.NewGuid()));
        Assert.True(expert.May(ApplicationOperation.Read, Guid.NewGuid(), declaredExpert: true));
        Assert.False(expert.May(AssignmentOperation.Manage, "e1", AssignmentState.Submitted));
        Assert.True(admin.May(AssignmentOperation.Manage, "e1", AssignmentState.Submitted));
        Assert.False(admin.May(AssignmentOperation.Evaluate, "e1", AssignmentState.Declared));
        Assert.True(auditor.May(AssignmentOperation.Read, "e1", AssignmentState.Declared));
        Assert.False(auditor.May(AssignmentOperation.Manage, "e1", AssignmentState.Submitted));
    }
}
