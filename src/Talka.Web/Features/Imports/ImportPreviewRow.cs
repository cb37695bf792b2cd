using Talka.Domain.Delivery;

namespace Talka.Web.Features.Imports;

/// <summary>A row of the file as it will be saved: the participant's values as Talka read them (the category, the
/// municipality, the age band… matched from what was typed) and the event it records attendance at.</summary>
public sealed record ImportPreviewRow(
    int Row,
    ParticipantDetails Participant,
    bool New,
    int? EventNumber,
    decimal? Hours
);
