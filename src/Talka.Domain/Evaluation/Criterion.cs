namespace Talka.Domain.Evaluation;

/// <summary>An evaluation criterion of a call: points 0..<see cref="MaxPoints"/>, counted with its weight.</summary>
public sealed record Criterion(string Code, string Title, string? Description, decimal MaxPoints, decimal Weight = 1m);
