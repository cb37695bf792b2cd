using Talka.Domain.Organisations;

namespace Talka.Web.Features.Registration;

/// <summary>An NGO's request to be registered: its name, legal form, legal entity code (nine digits with a valid check
/// digit) and the contact person's e-mail.</summary>
public sealed record RegistrationInput(
    string? OrganisationName,
    LegalForm LegalForm,
    string? LegalEntityCode,
    string? ContactEmail,
    string? Language = null
);

/// <summary>A request as the funder admins see it.</summary>
public sealed record RegistrationRow(
    Guid Id,
    string OrganisationName,
    LegalForm LegalForm,
    string LegalEntityCode,
    string ContactEmail,
    DateTime CreatedAt,
    RegistrationState State
);
