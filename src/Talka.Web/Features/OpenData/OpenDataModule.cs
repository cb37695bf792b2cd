using Microsoft.EntityFrameworkCore.Diagnostics;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.OpenData;

public static class OpenDataModule
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddScoped<OpenDataService>();
        services.AddScoped<OpenDataFiles>();
        services.AddScoped<OpenDataRefresh>();
        services.AddScoped<IInterceptor>(sp => sp.GetRequiredService<OpenDataRefresh>());
        services.AddJobHandler<OpenDataJob>();
        return services;
    }

    /// <summary>Open data for everyone, without an account: the stored files, as the last generation left them.</summary>
    public static void MapOpenData(this WebApplication app)
    {
        var group = app.MapGroup("/open-data").WithTags("Open data").AllowAnonymous()
            .CacheOutput(Infrastructure.Web.PublicCache.FilesPolicy);
        File(group, "/360giving.json", OpenDataFiles.ThreeSixtyGiving,
            "Published grants in the 360Giving 1.4 standard", "application/json");
        File(group, "/grants.csv", OpenDataFiles.Csv, "Published grants as CSV (comma, decimal point, UTF-8)",
            "text/csv");
        File(group, "/iati.xml", OpenDataFiles.Iati, "Published projects as IATI 2.03 activities with their results",
            "application/xml");
    }

    /// <summary>A stored file by GET, and by HEAD with the same headers and no body (link checkers and download
    /// managers ask that way first; the API description lists the GET).</summary>
    private static void File(RouteGroupBuilder group, string path, string name, string summary, string contentType)
    {
        group.MapGet(path, (OpenDataFiles files, HttpContext context, CancellationToken ct) =>
            files.ServeAsync(name, context, ct)).ReturnsFile(summary, contentType);
        group.MapMethods(path, [HttpMethods.Head], (OpenDataFiles files, HttpContext context, CancellationToken ct) =>
            files.ServeAsync(name, context, ct)).ExcludeFromDescription();
    }
}
