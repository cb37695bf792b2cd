namespace Talka.Web.Features.Home;

/// <summary>An NGO member's project on their home page: its next report, reports returned to them, and what is
/// missing.</summary>
public sealed record MemberProject(
    Guid Id,
    string Title,
    DateOnly? NextDue,
    Guid? NextReportId,
    int Returned,
    bool NoBudget,
    bool NoEventsLastQuarter
);
