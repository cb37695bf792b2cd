namespace Talka.Web.Features.Home;

/// <summary>The programme officer's home: the counts that link to the report queue's filters, the next 60 days'
/// deadlines, the programmes, and how many payments can be approved.</summary>
public sealed record FunderHome(
    int AwaitingReview,
    int Overdue,
    int DueSoon,
    int Returned,
    IReadOnlyList<DeadlineDay> Calendar,
    IReadOnlyList<ProgrammeLink> Programmes,
    bool OwnProgrammes,
    int PaymentsEligible = 0
);
