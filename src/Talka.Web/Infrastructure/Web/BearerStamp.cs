using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// A bearer token carries the security stamp its user had when it was issued. Logging out (or changing the password)
/// gives the user a new stamp, and every request with an older token is answered 401, as the cookie is by <see
/// cref="StampValidator"/>. A change of roles gives a new stamp too, so a token still accepted carries the user's
/// roles.
/// </summary>
public static class BearerStamp
{
    public static IApplicationBuilder UseBearerStampCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var stamp = context.RequestServices.GetRequiredService<SessionStamp>();
            if (!await stamp.IsCurrentAsync(context.User, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return;
            }
        }
        await next(context);
    });
}
