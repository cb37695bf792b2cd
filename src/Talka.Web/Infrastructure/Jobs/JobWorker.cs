using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Jobs;

/// <summary>
/// Runs persisted jobs, one at a time per instance: claims the oldest due job by taking its lease (a compare-and-set on
/// the job's version, so two instances never run the same job at once), runs its handler in a scope of its own, and
/// records the outcome. While a job runs its lease is renewed every third of <see cref="Lease"/>
/// (Talka:Jobs:LeaseSeconds, 120 by default): when an instance dies mid-job, another one takes the job over once the
/// lease has run out, and runs it again from the start (a job's handler does its work in one transaction, so nothing of
/// the dead attempt is left). A failure is retried after 10 s, 40 s, 90 s…, up to <see cref="MaxAttempts"/> times, then
/// kept as failed with its error.
/// </summary>
public sealed class JobWorker(
    IServiceProvider services,
    JobSignal signal,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<JobWorker> logger
) : BackgroundService
{
    public const int MaxAttempts = 5;
    private readonly TimeSpan Lease = TimeSpan.FromSeconds(
        Math.Max(3, configuration.GetValue("Talka:Jobs:LeaseSeconds", 120))
    );
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly JobSignal _signal = signal;
    private int _holds;

    /// <summary>Stops this instance taking new jobs until the returned handle is disposed (for a maintenance
    /// window, or a test that must see work still queued). Jobs stay queued; other instances go on.</summary>
    public IDisposable Hold()
    {
        Interlocked.Increment(ref _holds);
        return new Release(this);
    }

    private sealed class Release(JobWorker worker) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
                return;
            Interlocked.Decrement(ref worker._holds);
            worker._signal.Wake();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database may be briefly away; the worker waits for the next poll, it does not stop.
                logger.LogError(error, "The job worker could not claim a job.");
                ran = false;
            }
            if (!ran)
                await _signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>Claims and runs the next due job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _holds) > 0)
            return false;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<Job>()
            .Where(j =>
                (j.Status == JobStatus.Queued && j.NotBefore <= now)
                || (j.Status == JobStatus.Running && j.LeaseUntil < now)
            )
            .OrderBy(j => j.NotBefore)
            .Take(5)
            .ToListAsync(ct);
        foreach (var job in candidates)
        {
            job.Status = JobStatus.Running;
            job.LeaseUntil = now + Lease;
            job.Attempts++;
            job.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // another instance took it
                continue;
            }
            await RunAsync(job, ct);
            return true;
        }
        return false;
    }

    private async Task RunAsync(Job claimed, CancellationToken ct)
    {
        string? error = null;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(claimed, running.Token);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var handler =
                scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == claimed.Kind)
                ?? throw new InvalidOperationException($"No handler runs jobs of kind {claimed.Kind}.");
            await handler.RunAsync(claimed.Payload, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            // An error when it was the last attempt; a warning when the job will run again (a refresh that met
            // changes still coming is expected under load).
            logger.Log(
                claimed.Attempts >= MaxAttempts ? LogLevel.Error : LogLevel.Warning,
                failure,
                "Job {Id} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}.",
                claimed.Id,
                claimed.Kind,
                claimed.Attempts,
                MaxAttempts
            );
            error = failure.GetType().Name + ": " + failure.Message;
        }
        finally
        {
            await running.CancelAsync();
            await renewal;
        }
        await using var outcomeScope = services.CreateAsyncScope();
        var db = outcomeScope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        var job = await db.Set<Job>().SingleAsync(j => j.Id == claimed.Id, CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        job.LeaseUntil = null;
        job.Version++;
        if (error is null)
        {
            job.Status = JobStatus.Done;
            job.FinishedAt = now;
            job.Error = null;
        }
        else if (job.Attempts >= MaxAttempts)
        {
            job.Status = JobStatus.Failed;
            job.FinishedAt = now;
            job.Error = error.Length > 4000 ? error[..4000] : error;
        }
        else
        {
            job.Status = JobStatus.Queued;
            job.NotBefore = now + TimeSpan.FromSeconds(10 * job.Attempts * job.Attempts);
            job.Error = error.Length > 4000 ? error[..4000] : error;
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Keeps the lease of a running job until <paramref name="ct"/> ends: every third of the lease it moves
    /// the lease on, as long as the job is still this claim's (its version unchanged).</summary>
    private async Task RenewAsync(Job claimed, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Lease / 3, clock, ct);
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + Lease;
                var kept = await db.Set<Job>()
                    .Where(j => j.Id == claimed.Id && j.Version == claimed.Version && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct);
                if (kept == 0)
                    logger.LogWarning(
                        "Job {Id} ({Kind}) lost its lease to another instance.",
                        claimed.Id,
                        claimed.Kind
                    );
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The job goes on; if the lease runs out meanwhile, another instance may take it over.
                logger.LogError(error, "Could not renew the lease of job {Id}.", claimed.Id);
            }
        }
    }
}
