using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// The signed-in principal, built at sign-in: the user's id, name, e-mail, security stamp and roles, with one query
/// for the roles (Identity's role-aware factory asks three more times, for user claims and role claims Talka does not
/// use). A change of roles gives a new stamp, which ends the session (<see cref="StampValidator"/>).
/// </summary>
public sealed class TalkaClaimsFactory(UserManager<TalkaUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TalkaUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TalkaUser user)
    {
        var types = Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email) identity.AddClaim(new Claim(types.EmailClaimType, email));
        identity.AddClaim(new Claim(types.SecurityStampClaimType, user.SecurityStamp ?? ""));
        foreach (var role in await UserManager.GetRolesAsync(user)) identity.AddClaim(new Claim(types.RoleClaimType, role));
        return identity;
    }
}
