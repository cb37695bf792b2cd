using Talka.Domain.Finance;

namespace Talka.Domain.Agreements;

/// <summary>The change an amendment asks for: the money moved and between which cost categories, the new end of the
/// period, the new amount and the decision behind it, or a described change of activities or indicators.</summary>
public sealed record AmendmentChange(
    AmendmentKind Kind,
    CostCategory? From = null,
    CostCategory? To = null,
    decimal? Moved = null,
    DateOnly? NewEnd = null,
    decimal? NewAmount = null,
    string? Decision = null,
    string? Description = null
);
