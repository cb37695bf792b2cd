using Talka.Domain.Common;

namespace Talka.Domain.Organisations;

public enum LegalForm
{
    Association,            // asociacija
    PublicInstitution,      // viešoji įstaiga (VšĮ)
    CharityFoundation,      // labdaros ir paramos fondas
    ReligiousCommunity,     // religinė bendruomenė / bendrija
    PublicOrganisation,     // visuomeninė organizacija (legacy)
    PrivateLimitedCompany,  // UAB
    SmallPartnership,       // MB
    BudgetaryInstitution,   // biudžetinė įstaiga
    Unspecified,            // the source does not say
}

public sealed record OrganisationDetails(
    string Name, LegalForm LegalForm, string? LegalEntityCode, bool ConfirmCheckDigitWarning,
    string? Municipality, string? Address, string? Website, string? ContactEmail, string? ContactPhone,
    bool IsUmbrella);

/// <summary>An organisation: an NGO, an umbrella association, a partner, a supplier or an expert's firm.</summary>
public sealed class Organisation : IVersioned
{
    private readonly List<UmbrellaMembership> _members = [];

    private Organisation() { Name = ""; }

    public Organisation(OrganisationDetails details)
    {
        Id = Guid.CreateVersion7();
        Name = "";
        Apply(details);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The name as searched: lower case, no diacritics (<see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; } = "";
    public LegalForm LegalForm { get; private set; }
    public string? LegalEntityCode { get; private set; }
    /// <summary>True when the code fails the check digit and a user confirmed it anyway (old codes).</summary>
    public bool CheckDigitOverridden { get; private set; }
    public string? Municipality { get; private set; }
    public string? Address { get; private set; }
    public string? Website { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsUmbrella { get; private set; }
    public IReadOnlyList<UmbrellaMembership> Members => _members;
    public int Version { get; set; }

    public void Update(OrganisationDetails details) => Apply(details);

    private void Apply(OrganisationDetails d)
    {
        Name = Guard.Required(d.Name, nameof(Name), 300);
        SearchName = SearchText.Normalize(Name);
        LegalForm = d.LegalForm;
        var code = Common.LegalEntityCode.Normalise(d.LegalEntityCode);
        if (code.Length == 0)
        {
            LegalEntityCode = null;
            CheckDigitOverridden = false;
        }
        else
        {
            switch (Common.LegalEntityCode.Check(code))
            {
                case Common.LegalEntityCode.Verdict.Malformed:
                    throw new DomainException("LegalEntityCodeMalformed", nameof(LegalEntityCode));
                case Common.LegalEntityCode.Verdict.CheckDigitMismatch when !d.ConfirmCheckDigitWarning:
                    throw new DomainException("LegalEntityCodeCheckDigit", nameof(LegalEntityCode));
                case var verdict:
                    CheckDigitOverridden = verdict == Common.LegalEntityCode.Verdict.CheckDigitMismatch;
                    break;
            }
            LegalEntityCode = code;
        }
        Municipality = string.IsNullOrWhiteSpace(d.Municipality) ? null : Municipalities.Require(d.Municipality, nameof(Municipality));
        Address = Guard.Optional(d.Address, nameof(Address), 300);
        Website = Guard.Optional(d.Website, nameof(Website), 300);
        if (Website is not null && !Uri.TryCreate(Website.Contains("://") ? Website : "https://" + Website, UriKind.Absolute, out _))
            throw new DomainException("WebsiteInvalid", nameof(Website));
        ContactEmail = Guard.Optional(d.ContactEmail, nameof(ContactEmail), 200);
        if (ContactEmail is not null && (!ContactEmail.Contains('@') || ContactEmail.Contains(' ')))
            throw new DomainException("EmailInvalid", nameof(ContactEmail));
        ContactPhone = Guard.Optional(d.ContactPhone, nameof(ContactPhone), 50);
        if (!d.IsUmbrella && _members.Count > 0) throw new DomainException("UmbrellaHasMembers", nameof(IsUmbrella));
        IsUmbrella = d.IsUmbrella;
    }

    public void AddMember(Organisation member)
    {
        if (!IsUmbrella) throw new DomainException("NotUmbrella", "Members");
        if (member.Id == Id) throw new DomainException("MemberIsSelf", "Members");
        if (_members.Any(m => m.MemberId == member.Id)) return;
        _members.Add(new UmbrellaMembership(Id, member.Id));
    }

    public void RemoveMember(Guid memberId) => _members.RemoveAll(m => m.MemberId == memberId);
}

/// <summary>An organisation's membership in an umbrella organisation.</summary>
public sealed class UmbrellaMembership
{
    private UmbrellaMembership() { }
    internal UmbrellaMembership(Guid umbrellaId, Guid memberId) { UmbrellaId = umbrellaId; MemberId = memberId; }
    public Guid UmbrellaId { get; private set; }
    public Guid MemberId { get; private set; }
}
