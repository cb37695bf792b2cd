using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Domain.Tests;

public class KindsTests
{
    [Fact]
    public void Every_event_kind_is_an_activity_kind_and_comes_back_as_itself()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
            Assert.Equal(kind, kind.AsActivity().AsEvent());
    }

    [Theory]
    [InlineData(ActivityKind.Deliverable)]
    [InlineData(ActivityKind.Survey)]
    [InlineData(ActivityKind.Audit)]
    [InlineData(ActivityKind.Publicity)]
    [InlineData(ActivityKind.Other)]
    public void Work_that_is_not_an_event_has_no_event_kind(ActivityKind kind) => Assert.Null(kind.AsEvent());

    [Fact]
    public void An_event_of_another_kind_is_the_plans_other_event() =>
        Assert.Equal(ActivityKind.Event, EventKind.Other.AsActivity());
}
