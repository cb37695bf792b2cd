using Microsoft.AspNetCore.Identity;
using Talka.Domain.Accounts;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>Identity's check of every new password (invitation, reset, change, create-admin) is the domain's
/// <see cref="PasswordPolicy"/>, with its reason in the user's language.</summary>
public sealed class PolicyPasswordValidator(Texts texts) : IPasswordValidator<TalkaUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<TalkaUser> manager, TalkaUser user, string? password)
    {
        var personal = (user.Email ?? user.UserName ?? "").Split('@')[0];
        return Task.FromResult(
            PasswordPolicy.Check(password ?? "", [personal]) is { } problem
                ? IdentityResult.Failed(
                    new IdentityError
                    {
                        Code = "Password" + problem,
                        Description = texts[
                            "Password." + problem,
                            PasswordPolicy.MinimumLength,
                            PasswordPolicy.MaximumLength
                        ],
                    }
                )
                : IdentityResult.Success
        );
    }
}
