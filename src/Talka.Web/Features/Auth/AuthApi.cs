using Microsoft.AspNetCore.Identity;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Auth;

/// <summary>An e-mail and password; for an account with two-factor sign-in also the authenticator's code (or a
/// recovery code, which works once).</summary>
public sealed record LoginInput(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        // Answers {"tokenType":"Bearer","accessToken":"...","expiresIn":3600,"refreshToken":"..."}; send the
        // accessToken as a Bearer token.
        api.MapPost("/auth/login", async (LoginInput input, LoginService login, HttpContext http, Texts t) =>
        {
            if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrWhiteSpace(input.Password))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["email"] = string.IsNullOrWhiteSpace(input.Email) ? [t["Error.Required"]] : [],
                    ["password"] = string.IsNullOrWhiteSpace(input.Password) ? [t["Error.Required"]] : [],
                }.Where(e => e.Value.Length > 0).ToDictionary(), title: t["Api.ValidationTitle"]);
            switch (await login.SignInAsync(input.Email, input.Password, IdentityConstants.BearerScheme, input.TwoFactorCode,
                        input.TwoFactorRecoveryCode))
            {
                case LoginOutcome.RequiresTwoFactor:
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["TwoFactor.CodeNeeded"]);
                case LoginOutcome.TooManyAttempts:
                    http.Response.Headers.RetryAfter = "300";
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: t["Login.TooManyAttempts"]);
                case LoginOutcome.Failed:
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]);
                case LoginOutcome.Disabled:
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Login.Disabled"]);
                default:
                    // The bearer token handler has written the token response.
                    return Results.Empty;
            }
        }).AllowAnonymous().WithTags("Auth")
            .Returns<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>("Log in and get a bearer token")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Ends every session of the user: the new security stamp refuses each bearer token and cookie issued before it.
        api.MapPost("/auth/logout", async (HttpContext http, UserManager<TalkaUser> users) =>
        {
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            return Results.NoContent();
        }).RequireAuthorization().WithTags("Auth").ReturnsNothing("Log out everywhere: every token and cookie of the user ends");
    }
}
