namespace Talka.Web.Features.Account;

/// <summary>A person with an account, as the funder admins' user list shows them.</summary>
public sealed record UserRow(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<MemberOf> Organisations,
    DateTime? LastSignInAt,
    bool Disabled
);

/// <summary>An organisation a person belongs to, and whether they manage it.</summary>
public sealed record MemberOf(Guid OrganisationId, string Name, bool Manager);

/// <summary>A member of one organisation.</summary>
public sealed record MemberRow(string UserId, string Email, bool Manager);
