using Microsoft.AspNetCore.Identity;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Auth;

public sealed record LoginInput(string? Email, string? Password);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        // Answers {"tokenType":"Bearer","accessToken":"...","expiresIn":3600,"refreshToken":"..."}; send the accessToken as a Bearer token.
        api.MapPost("/auth/login", async (LoginInput input, SignInManager<TalkaUser> signIn, UserManager<TalkaUser> users, Texts t) =>
        {
            if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrWhiteSpace(input.Password))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["email"] = string.IsNullOrWhiteSpace(input.Email) ? [t["Error.Required"]] : [],
                    ["password"] = string.IsNullOrWhiteSpace(input.Password) ? [t["Error.Required"]] : [],
                }.Where(e => e.Value.Length > 0).ToDictionary(), title: t["Api.ValidationTitle"]);
            var user = await users.FindByEmailAsync(input.Email.Trim());
            if (user is null)
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]);
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
                return Results.Problem(statusCode: StatusCodes.Status423Locked, title: t["Login.LockedOut"]);
            if (!result.Succeeded)
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]);
            // The bearer token handler has written the token response.
            return Results.Empty;
        }).AllowAnonymous().WithTags("Auth");
    }
}
