namespace Talka.Web.Features.Reports;

/// <summary>A narrative and the figures it states that the records say otherwise.</summary>
public sealed record NarrativeDifferences(
    ContentNarrative Narrative,
    IReadOnlyList<Talka.Domain.Narrative.FactCheck> Checks
);
