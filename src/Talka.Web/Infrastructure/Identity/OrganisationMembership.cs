namespace Talka.Web.Infrastructure.Identity;

/// <summary>A user's membership in an organisation: what makes its records theirs.</summary>
public sealed class OrganisationMembership
{
    public string UserId { get; set; } = "";
    public Guid OrganisationId { get; set; }

    /// <summary>The organisation's manager: invites colleagues to it and removes them.</summary>
    public bool IsManager { get; set; }
}
