namespace Talka.Domain.Evaluation;

/// <summary>An expert's points on one criterion with the written justification (both may be empty in a
/// draft).</summary>
public sealed record CriterionScore(string Code, decimal? Points, string? Justification);
