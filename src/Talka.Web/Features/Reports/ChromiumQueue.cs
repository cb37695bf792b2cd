namespace Talka.Web.Features.Reports;

/// <summary>
/// Bounds the Chromium processes this instance runs at once (Talka:Chromium:Concurrency, default 2): a PDF waits its
/// turn, up to 30 seconds, and past that the caller is told to try again rather than the machine being swamped.
/// </summary>
public sealed class ChromiumQueue(IConfiguration configuration)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, configuration.GetValue("Talka:Chromium:Concurrency", 2)));

    /// <summary>Runs the work in a slot; null when no slot freed up in time.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
        where T : class
    {
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(30), ct))
            return null;
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }
}
