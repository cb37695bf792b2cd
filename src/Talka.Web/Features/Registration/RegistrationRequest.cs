using Talka.Domain.Organisations;

namespace Talka.Web.Features.Registration;

public enum RegistrationState
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>An NGO not yet in Talka asking to be registered: approved by a funder admin, it becomes an organisation
/// and its contact person is invited as the organisation's manager.</summary>
public sealed class RegistrationRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string OrganisationName { get; set; } = "";
    public LegalForm LegalForm { get; set; }
    public string LegalEntityCode { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string Language { get; set; } = "lt";
    public RegistrationState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Guid? OrganisationId { get; set; }
}
