using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>The login rate limits (ASP.NET Core's limiters, per app instance).</summary>
public sealed class LoginLimits : IDisposable
{
    public PartitionedRateLimiter<string> InFlight { get; } = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = 1, QueueLimit = 32, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    public PartitionedRateLimiter<string> PerAccountFromAddress { get; } = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 10, Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
        }));

    public PartitionedRateLimiter<string> PerAddress { get; } = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 10, Window = TimeSpan.FromMinutes(5), QueueLimit = 0,
        }));

    public PartitionedRateLimiter<string> PerAccount { get; } = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 100, Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
        }));

    public void Dispose()
    {
        InFlight.Dispose();
        PerAccountFromAddress.Dispose();
        PerAddress.Dispose();
        PerAccount.Dispose();
    }
}
