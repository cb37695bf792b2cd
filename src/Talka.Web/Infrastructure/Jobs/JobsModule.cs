namespace Talka.Web.Infrastructure.Jobs;

public static class JobsModule
{
    /// <summary>The queue and this instance's worker. Register after the database preparation, so that the worker
    /// starts on a migrated database.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        services.AddJobHandler<HousekeepingJob>();
        return services;
    }

    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services)
        where T : class, IJobHandler => services.AddScoped<IJobHandler, T>();
}
