using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// Checks a signed-in request's security stamp against the user's on every request (<see cref="SessionStamp"/>): a
/// logout elsewhere, a new password, new roles or a disabled account end the session at once. Unlike Identity's own
/// validator checking at every request, it does not rebuild the principal and re-issue the cookie each time (two more
/// queries, an encryption and a 1 KB header per response): every change of a user's roles gives the user a new stamp,
/// so a principal whose stamp is current carries the user's roles.
/// </summary>
public sealed class StampValidator(SessionStamp stamp) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal
            && await stamp.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.RequestServices.GetRequiredService<SignInManager<TalkaUser>>().SignOutAsync();
    }
}
