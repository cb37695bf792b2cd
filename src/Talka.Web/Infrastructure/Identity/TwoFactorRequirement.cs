using Microsoft.AspNetCore.Identity;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// Where Talka:TwoFactor:RequiredForFunderAdmins is on (by default in production), a funder admin who has not set up
/// two-factor sign-in reaches nothing but the set-up page (and sign-out): pages redirect there, the API answers 403
/// saying why.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPath = "/account/two-factor-setup";
    private static readonly string[] Open =
    [
        SetupPath,
        "/account/logout",
        "/account/language",
        "/css",
        "/js",
        "/lib",
        "/status",
        "/error",
        "/health",
    ];

    public static IApplicationBuilder UseTwoFactorRequirement(
        this IApplicationBuilder app,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        if (!configuration.GetValue("Talka:TwoFactor:RequiredForFunderAdmins", environment.IsProduction()))
            return app;
        return app.Use(
            async (context, next) =>
            {
                if (
                    context.User.IsInRole(Roles.FunderAdmin)
                    && !Open.Any(p => context.Request.Path.StartsWithSegments(p))
                )
                {
                    var users = context.RequestServices.GetRequiredService<UserManager<TalkaUser>>();
                    if (await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
                    {
                        if (context.Request.Path.StartsWithSegments("/api"))
                        {
                            var texts = context.RequestServices.GetRequiredService<Texts>();
                            await Results
                                .Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["TwoFactor.Required"])
                                .ExecuteAsync(context);
                        }
                        else
                            context.Response.Redirect(SetupPath);
                        return;
                    }
                }
                await next(context);
            }
        );
    }
}
