namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Headers every response carries. The Content-Security-Policy allows scripts, styles, images and fonts from Talka
/// itself
/// only (Chart.js is served by Talka): no inline script, no inline style, no framing, no plug-ins. The API reference
/// (/scalar) is a page Talka does not write: it gets a policy that lets its own inline bootstrap run, and nothing else
/// from outside.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy =
                context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : Policy;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
