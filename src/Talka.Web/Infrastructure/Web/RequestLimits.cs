using Microsoft.AspNetCore.Http.Features;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// The largest request Talka reads (Talka:MaxRequestMegabytes, 64 MB by default): above the largest file a page takes
/// (imports, evidence files of 10 MB), so that a too-large file reaches the form and is refused beside its field,
/// naming the
/// file limit; anything larger still is refused by the server with a page that names this limit.
/// </summary>
public static class RequestLimits
{
    public static int Megabytes(IConfiguration configuration) =>
        configuration.GetValue<int?>("Talka:MaxRequestMegabytes") ?? 64;

    /// <summary>Whether an exception (or one inside it) says the request was larger than the limit.</summary>
    public static bool IsTooLarge(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
            if (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A page request that announces a body above the limit is answered 413 at once, before antiforgery or model
    /// binding
    /// read the form, and the status page names the limit.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, IConfiguration configuration)
    {
        long bytes = Megabytes(configuration) * 1024L * 1024L;
        return app.Use(async (context, next) =>
        {
            var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
            if (context.Request.ContentLength > bytes && !reExecuted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        });
    }

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        long bytes = Megabytes(builder.Configuration) * 1024L * 1024L;
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = bytes);
        builder.Services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = bytes);
        return builder;
    }
}
