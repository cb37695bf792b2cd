using Npgsql;

namespace Talka.Web.Infrastructure.Web;

/// <summary>The notices of the public cache's evictions between instances: "instance|tag" on one PostgreSQL channel.
/// Each instance names itself, so that it does not evict twice what it evicted itself.</summary>
public sealed class CacheNotices(string connectionString, ILogger<CacheNotices> logger)
{
    public const string Channel = "talka_public_cache";
    public string Instance { get; } = Guid.NewGuid().ToString("N");
    public string ConnectionString => connectionString;

    public async Task SendAsync(string tag)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{Instance}|{tag}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(e, "The public cache's eviction of {Tag} was not sent to the other instances.", tag);
        }
    }

    /// <summary>The tag of a notice from another instance; null for this instance's own or a malformed one.</summary>
    public string? TagOf(string payload) =>
        payload.Split('|', 2) is [var instance, var tag] && instance != Instance && tag.Length > 0 ? tag : null;
}
