using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Delivery;

/// <summary>Refreshes a programme's stored dashboard counts after a change marked them stale.</summary>
public sealed class ProgrammeFiguresJobHandler(ProgrammeFigureStore store, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "programme-figures";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        if (!await store.RefreshAsync(Guid.Parse(payload), clock, ct))
            throw new InvalidOperationException("The programme's records kept changing; its counts will be refreshed on the next attempt.");
    }
}
