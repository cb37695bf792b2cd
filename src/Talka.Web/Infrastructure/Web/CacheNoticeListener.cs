using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Listens, on a connection of its own, for the other instances' evictions of the public cache (<see
/// cref="CacheNotices"/>) and evicts the same tags here. Whenever it starts listening (at start, and again after a lost
/// connection, when notices may have been missed) it evicts all of this instance's public pages.
/// </summary>
public sealed class CacheNoticeListener(IOutputCacheStore local, CacheNotices notices,
    ILogger<CacheNoticeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not from the pool: LISTEN is state of the session, and the connection is held for the app's life.
        var builder = new NpgsqlConnectionStringBuilder(notices.ConnectionString)
        {
            Pooling = false, KeepAlive = 30, ApplicationName = "talka-cache-notices",
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                var received = new Queue<string>();
                connection.Notification += (_, e) =>
                {
                    if (notices.TagOf(e.Payload) is { } tag) received.Enqueue(tag);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {CacheNotices.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await local.EvictByTagAsync(PublicCache.Tag, stoppingToken);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    while (received.TryDequeue(out var tag)) await local.EvictByTagAsync(tag, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException
                or InvalidOperationException)
            {
                logger.LogWarning(e, "Listening for the other instances' cache evictions failed; trying again.");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
