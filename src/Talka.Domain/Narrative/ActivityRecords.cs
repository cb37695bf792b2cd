namespace Talka.Domain.Narrative;

/// <summary>What the records say of one activity of the plan, as a passage about it is checked: the names it goes
/// by (its title and its events' topics), the distinct persons at its events, the people at them each counted at
/// each (attendances and headcounts), its sessions, academic hours and days (distinct session dates where every
/// event has them, otherwise one day per session), and whether any event is recorded at all.</summary>
public sealed record ActivityRecords(
    Guid Id,
    string Title,
    IReadOnlyList<string> Names,
    decimal DistinctParticipants,
    decimal AtEvents,
    decimal Sessions,
    decimal AcademicHours,
    decimal Days,
    int Events
);
