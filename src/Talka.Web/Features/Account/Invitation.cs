namespace Talka.Web.Features.Account;

/// <summary>An invitation to Talka: a single-use link, valid for <see cref="Lifetime"/>, that sets the invited
/// person's password and gives them the role (and, for an organisation's member, the membership) named here. Only a
/// hash of the link's token is kept.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid? OrganisationId { get; set; }
    public bool Manager { get; set; }
    public string Language { get; set; } = "lt";
    public string TokenHash { get; set; } = "";
    public string? InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
}
