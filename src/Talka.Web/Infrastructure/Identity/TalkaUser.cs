using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

public sealed class TalkaUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

/// <summary>A user's membership in an organisation: what makes its records theirs.</summary>
public sealed class OrganisationMembership
{
    public string UserId { get; set; } = "";
    public Guid OrganisationId { get; set; }
}
