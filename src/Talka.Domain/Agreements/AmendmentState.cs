namespace Talka.Domain.Agreements;

/// <summary>Requested → under review → approved or rejected; the requester may withdraw it until it is
/// decided.</summary>
public enum AmendmentState
{
    Requested,
    UnderReview,
    Approved,
    Rejected,
    Withdrawn,
}
