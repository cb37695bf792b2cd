namespace Talka.Domain.Delivery;

/// <summary>How many of an event's sessions fall in a quarter.</summary>
public sealed record QuarterSessions(Quarter Quarter, int Sessions);
