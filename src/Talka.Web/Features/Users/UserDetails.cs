using Talka.Web.Features.Account;

namespace Talka.Web.Features.Users;

/// <summary>One account as the funder admins' user page shows it.</summary>
public sealed record UserDetails(
    string Id,
    string Email,
    string Language,
    IReadOnlyList<string> Roles,
    IReadOnlyList<MemberOf> Organisations,
    DateTime? LastSignInAt,
    bool Disabled,
    bool TwoFactorEnabled
);
