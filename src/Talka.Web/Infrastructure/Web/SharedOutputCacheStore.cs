using Microsoft.AspNetCore.OutputCaching;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// The public cache of one instance among several on one PostgreSQL: pages are kept in this instance's memory, and an
/// eviction here (after a save commits, a programme's counts or the open data refreshed) is also sent to the other
/// instances as a notice on one PostgreSQL channel (NOTIFY), which they evict alike (<see
/// cref="CacheNoticeListener"/>).
/// A notice that cannot be sent is logged; the other instances' copies then end with their time
/// (Talka:PublicCache:Seconds).
/// </summary>
public sealed class SharedOutputCacheStore(IOutputCacheStore local, CacheNotices notices) : IOutputCacheStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        await notices.SendAsync(tag);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        local.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor,
        CancellationToken cancellationToken) => local.SetAsync(key, value, tags, validFor, cancellationToken);
}
