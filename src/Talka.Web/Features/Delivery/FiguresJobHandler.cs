using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Delivery;

/// <summary>Refreshes a project's stored figures after a change marked them stale (<see
/// cref="FiguresInterceptor"/>).</summary>
public sealed class FiguresJobHandler(FigureStore store, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "figures";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        if (!await store.RefreshOptimisticAsync(Guid.Parse(payload), clock, ct))
            throw new InvalidOperationException("The project's records kept changing; its figures will be refreshed on the next attempt.");
    }
}
