using Microsoft.AspNetCore.OutputCaching;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

/// <summary>Refreshes a programme's stored dashboard counts after a change marked them stale.</summary>
public sealed class ProgrammeFiguresJobHandler(ProgrammeFigureStore store, TimeProvider clock, IOutputCacheStore cache)
    : IJobHandler
{
    public const string JobKind = "programme-figures";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var programme = Guid.Parse(payload);
        if (!await store.RefreshAsync(programme, clock, ct))
            throw new InvalidOperationException(
                "The programme's records kept changing; its counts will be refreshed on the next attempt.");
        // Visitors' pages show the counts as stored, and this instance's cache may hold them with the previous ones
        // (others' copies end with their cache time).
        await cache.EvictByTagAsync(PublicCache.CountsTag, ct);
    }
}
