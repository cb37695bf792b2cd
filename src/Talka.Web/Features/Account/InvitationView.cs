namespace Talka.Web.Features.Account;

/// <summary>An invitation as its sender sees it (never its link).</summary>
public sealed record InvitationView(
    Guid Id,
    string Email,
    string Role,
    Guid? OrganisationId,
    bool Manager,
    DateTime ExpiresAt
);

/// <summary>What the invited person is shown before they accept.</summary>
public sealed record InvitationSummary(string Email, string Role, string? OrganisationName, DateTime ExpiresAt);

/// <summary>Who accepted an invitation.</summary>
public sealed record AcceptedInvitation(string UserId, string Email);
