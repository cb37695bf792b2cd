namespace Talka.Web.Infrastructure.Jobs;

/// <summary>Wakes this instance's worker when a job is queued here, so it need not wait for its next poll. Other
/// instances find the job on their poll.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException) { } // already awake
    }

    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        try
        {
            await _signal.WaitAsync(poll, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
