using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Domain.Evaluation;

/// <summary>
/// An approved ranking of a call: numbered (1, 2, … as withdrawals or freed money fund the reserve), with the decision
/// that approved it (the minister's order number and date), the budget, minimum score and partial-funding rule it was
/// computed with, and its lines as they were. Never changed once saved.
/// </summary>
public sealed class RankingVersion
{
    private RankingVersion()
    {
        DecisionNumber = "";
        ApprovedBy = "";
    }

    public RankingVersion(
        Guid callId,
        int number,
        RankingResult result,
        EvaluationSettings settings,
        string? decisionNumber,
        DateOnly? decisionDate,
        DateTime utcNow,
        string approvedBy
    )
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        Number = number;
        DecisionNumber = Guard.Required(decisionNumber, "DecisionNumber", 100);
        DecisionDate = decisionDate ?? throw new DomainException("Required", "DecisionDate");
        Budget = result.Budget;
        Awarded = result.Awarded;
        MinimumScore = settings.MinimumScore;
        PartialFunding = settings.PartialFunding;
        PartialFloor = settings.PartialFloor;
        ApprovedAt = utcNow;
        ApprovedBy = approvedBy;
        LinesJson = JsonSerializer.Serialize(result.Lines, Applications.Application.Json);
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public int Number { get; private set; }
    public string DecisionNumber { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public decimal Budget { get; private set; }
    public decimal Awarded { get; private set; }
    public decimal? MinimumScore { get; private set; }
    public bool PartialFunding { get; private set; }
    public decimal? PartialFloor { get; private set; }
    public DateTime ApprovedAt { get; private set; }
    public string ApprovedBy { get; private set; }
    public string LinesJson { get; private set; } = "[]";

    public IReadOnlyList<RankedLine> Lines =>
        JsonSerializer.Deserialize<List<RankedLine>>(LinesJson, Applications.Application.Json)!;
}
