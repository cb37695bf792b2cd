using Talka.Domain.Finance;

namespace Talka.Domain.Agreements;

/// <summary>The change an amendment asks for: the money moved and between which cost categories, the new end of the
/// period, the new amount and the decision behind it, an indicator's new target, an activity's new description, or
/// another change of activities or indicators described in words.</summary>
public sealed record AmendmentChange(
    AmendmentKind Kind,
    CostCategory? From = null,
    CostCategory? To = null,
    decimal? Moved = null,
    DateOnly? NewEnd = null,
    decimal? NewAmount = null,
    string? Decision = null,
    string? Description = null,
    Guid? IndicatorId = null,
    decimal? NewTarget = null,
    Guid? ActivityId = null,
    string? NewActivityDescription = null
);
