using Talka.Domain.Common;

namespace Talka.Domain.Applications;

public enum ApplicationStatus { Draft, Submitted, Eligible, Ineligible, Evaluated, Funded, Reserve, Rejected, Withdrawn }

/// <summary>An application (paraiška) to a call. The selection workflow comes later; this holds the record.</summary>
public sealed class Application
{
    private readonly List<ApplicationPartner> _partners = [];

    private Application() { Title = ""; }

    public Application(Guid callId, Guid applicantId, string? number, string title, ApplicationStatus status)
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        ApplicantId = applicantId;
        Number = Guard.Optional(number, nameof(Number), 100);
        Title = Guard.Required(title, nameof(Title), 500);
        Status = status;
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public Guid ApplicantId { get; private set; }
    public string? Number { get; private set; }
    public string Title { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public IReadOnlyList<ApplicationPartner> Partners => _partners;

    public void AddPartner(Guid organisationId)
    {
        if (organisationId == ApplicantId) throw new DomainException("PartnerIsApplicant", "Partners");
        if (_partners.All(p => p.OrganisationId != organisationId)) _partners.Add(new ApplicationPartner(Id, organisationId));
    }
}

public sealed class ApplicationPartner
{
    private ApplicationPartner() { }
    internal ApplicationPartner(Guid applicationId, Guid organisationId) { ApplicationId = applicationId; OrganisationId = organisationId; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganisationId { get; private set; }
}
