namespace Talka.Domain.Narrative;

/// <summary>How a stated figure stands against the records.</summary>
public enum Verdict
{
    Agrees,

    /// <summary>The records say otherwise: both values are given.</summary>
    Differs,

    /// <summary>The records hold nothing to compare it with (an agreement number with no agreement recorded).</summary>
    NoMatchingRecord,

    /// <summary>A part of the project (one activity's participants), a kind the records do not count, or a figure
    /// that could mean more than one record: never compared by guess.</summary>
    NotComparable,
}

/// <summary>A stated figure and its verdict: the value recorded where one was compared, and which figure of the
/// records it was (its metric, for the same drill-down links the indicators page has) and, where the passage speaks
/// of one activity, that activity.</summary>
public sealed record FactCheck(
    NarrativeFact Fact,
    Verdict Verdict,
    decimal? Recorded,
    string? RecordedText,
    string? Source,
    ActivityRecords? Activity = null
);
