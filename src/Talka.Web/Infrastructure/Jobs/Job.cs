namespace Talka.Web.Infrastructure.Jobs;

/// <summary>
/// Background work, persisted: it survives a restart and any app instance sharing the database may run it. A worker
/// claims a queued job by taking its lease (optimistic, on <see cref="Version"/>); a job whose lease ran out (its
/// instance stopped) is claimed again.
/// </summary>
public sealed class Job : Talka.Web.Infrastructure.Data.INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the handler needs, as the handler writes it (an id, usually).</summary>
    public string Payload { get; set; } = "";
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public int Attempts { get; set; }

    // Times are UTC DateTime, not DateTimeOffset: SQLite compares and orders them, which the queue needs.
    public DateTime CreatedAt { get; set; }

    /// <summary>Not run before this time (a retry waits a little longer each time).</summary>
    public DateTime NotBefore { get; set; }

    /// <summary>While running: the lease. Another worker may take the job once it has passed.</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Error { get; set; }
    public int Version { get; set; }
}
