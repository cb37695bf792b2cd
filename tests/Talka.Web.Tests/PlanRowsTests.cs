using Talka.Web.Features.Projects;

namespace Talka.Web.Tests;

/// <summary>The plan editor's row buttons, without a server: rows added, removed and moved, activities following
/// their objective.</summary>
public sealed class PlanRowsTests
{
    private static PlanForm Form() => new()
    {
        Objectives = [new() { Text = "A" }, new() { Text = "B" }, new() { Text = "C" }],
        Activities =
        [
            new() { Title = "a1", ObjectiveNumber = 1 }, new() { Title = "b1", ObjectiveNumber = 2 },
            new() { Title = "c1", ObjectiveNumber = 3 },
        ],
    };

    [Fact]
    public void Moving_an_objective_up_takes_its_activities_with_it()
    {
        var form = Form();
        Assert.Equal("Objectives_0", PlanRows.Apply(form, "up:Objectives:1"));
        Assert.Equal(["B", "A", "C"], form.Objectives.Select(o => o.Text));
        Assert.Equal([2, 1, 3], form.Activities.Select(a => a.ObjectiveNumber));
    }

    [Fact]
    public void Removing_an_objective_leaves_its_activities_to_be_given_another_and_renumbers_the_rest()
    {
        var form = Form();
        Assert.Equal("Objectives_1", PlanRows.Apply(form, "remove:Objectives:1"));
        Assert.Equal(["A", "C"], form.Objectives.Select(o => o.Text));
        Assert.Equal([1, 0, 2], form.Activities.Select(a => a.ObjectiveNumber));
    }

    [Fact]
    public void Activities_are_added_at_the_end_moved_down_and_removed()
    {
        var form = Form();
        Assert.Equal("Activities_3", PlanRows.Apply(form, "add:Activities"));
        Assert.Equal(4, form.Activities.Count);
        Assert.Equal("Activities_1", PlanRows.Apply(form, "down:Activities:0"));
        Assert.Equal(["b1", "a1", "c1", null], form.Activities.Select(a => a.Title));
        PlanRows.Apply(form, "remove:Activities:3");
        Assert.Equal(["b1", "a1", "c1"], form.Activities.Select(a => a.Title));
    }

    [Theory]
    [InlineData("up:Activities:0")]
    [InlineData("down:Activities:2")]
    [InlineData("remove:Activities:7")]
    [InlineData("remove:Nothing:0")]
    [InlineData("nonsense")]
    public void A_move_past_the_ends_or_an_unknown_command_changes_nothing(string command)
    {
        var form = Form();
        PlanRows.Apply(form, command);
        Assert.Equal(["a1", "b1", "c1"], form.Activities.Select(a => a.Title));
        Assert.Equal(["A", "B", "C"], form.Objectives.Select(o => o.Text));
    }
}
