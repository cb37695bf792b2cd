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
        group.MapGet("/360giving.json", (OpenDataFiles files, HttpContext context, CancellationToken ct) =>
                files.ServeAsync(OpenDataFiles.ThreeSixtyGiving, context, ct))
            .ReturnsFile("Published grants in the 360Giving 1.4 standard", "application/json");
        group.MapGet("/grants.csv", (OpenDataFiles files, HttpContext context, CancellationToken ct) =>
                files.ServeAsync(OpenDataFiles.Csv, context, ct))
            .ReturnsFile("Published grants as CSV (comma, decimal point, UTF-8)", "text/csv");
        group.MapGet("/iati.xml", (OpenDataFiles files, HttpContext context, CancellationToken ct) =>
                files.ServeAsync(OpenDataFiles.Iati, context, ct))
            .ReturnsFile("Published projects as IATI 2.03 activities with their results", "application/xml");
    }
}
