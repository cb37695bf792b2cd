namespace Talka.Domain.Narrative;

/// <summary>What a project's records say, as a narrative's figures are checked against them: the computed figures
/// (distinct persons; people at events, each counted at each event — attendances and recorded headcounts; sessions,
/// academic hours, volunteers), the funds reported used, the agreement's amount, number and signature day, the
/// application's number, the period, and each activity's own figures (<see cref="ActivityRecords"/>).</summary>
public sealed record ProjectRecords(
    decimal DistinctParticipants,
    decimal AtEvents,
    decimal Sessions,
    decimal AcademicHours,
    decimal Volunteers,
    decimal? FundsUsed,
    decimal? AgreementAmount,
    string? AgreementNumber,
    DateOnly? AgreementSigned,
    string? ApplicationNumber,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<ActivityRecords>? Activities = null
);
