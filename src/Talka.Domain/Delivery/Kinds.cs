using Talka.Domain.Projects;

namespace Talka.Domain.Delivery;

/// <summary>One list of kinds for the plan and the work: an event is of the kind of the activity it delivers. The
/// event kinds are the activity kinds an event can be; an event "of another kind" is the plan's "other event".</summary>
public static class Kinds
{
    public static ActivityKind AsActivity(this EventKind kind) => kind switch
    {
        EventKind.Training => ActivityKind.Training,
        EventKind.Seminar => ActivityKind.Seminar,
        EventKind.Consultation => ActivityKind.Consultation,
        EventKind.Supervision => ActivityKind.Supervision,
        EventKind.LivingLibrarySession => ActivityKind.LivingLibrarySession,
        _ => ActivityKind.Event,
    };

    /// <summary>The kind an event of this activity is, or null when the activity is not delivered by events (a
    /// publication, a survey, an audit, publicity, other work).</summary>
    public static EventKind? AsEvent(this ActivityKind kind) => kind switch
    {
        ActivityKind.Training => EventKind.Training,
        ActivityKind.Seminar => EventKind.Seminar,
        ActivityKind.Consultation => EventKind.Consultation,
        ActivityKind.Supervision => EventKind.Supervision,
        ActivityKind.LivingLibrarySession => EventKind.LivingLibrarySession,
        ActivityKind.Event => EventKind.Other,
        _ => null,
    };
}
