namespace Talka.Web.Infrastructure.Jobs;

/// <summary>Runs one kind of <see cref="Job"/>. Registered with <see cref="JobsModule.AddJobHandler{T}"/>; resolved
/// in a scope of its own for each job. Must be safe to run again (a job whose instance died is retried).</summary>
public interface IJobHandler
{
    string Kind { get; }
    Task RunAsync(string payload, CancellationToken ct);
}
