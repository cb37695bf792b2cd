using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

public enum LoginOutcome { SignedIn, Failed, TooManyAttempts }

/// <summary>
/// Signs a person in, for the login page (cookie) and the API (bearer token) alike.
/// - An unknown e-mail costs the same password hashing as a known one and gets the same answer, so the login cannot be
///   used to find out who has an account.
/// - No account is ever locked by failed attempts (a stranger could lock anyone out with five requests). Guessing is slowed
///   by rate limits on failed attempts instead: per address (10 in 5 minutes) and per account across all addresses (30 in
///   15 minutes). The owner logging in from another address is not stopped by someone else's five failures.
/// </summary>
public sealed class LoginService(UserManager<TalkaUser> users, SignInManager<TalkaUser> signIn, IPasswordHasher<TalkaUser> hasher,
    LoginLimits limits, IHttpContextAccessor http)
{
    private static readonly TalkaUser Nobody = new() { UserName = "nobody@talka.invalid" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<TalkaUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<LoginOutcome> SignInAsync(string email, string password, string scheme)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress ?? IPAddress.None;
        var normalized = email.Trim().ToUpperInvariant();
        // Permit count 0 asks whether any attempt is left, without using one: only failures use them up.
        using (var probeAddress = limits.PerAddress.AttemptAcquire(address.ToString(), 0))
        using (var probeAccount = limits.PerAccount.AttemptAcquire(normalized, 0))
        {
            if (!probeAddress.IsAcquired || !probeAccount.IsAcquired) return LoginOutcome.TooManyAttempts;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        bool valid;
        if (user is null || user.PasswordHash is null)
        {
            // The same work as checking a real password, for the same answer in the same time.
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password);
            valid = false;
        }
        else
        {
            valid = (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
        }
        if (!valid)
        {
            limits.PerAddress.AttemptAcquire(address.ToString()).Dispose();
            limits.PerAccount.AttemptAcquire(normalized).Dispose();
            return LoginOutcome.Failed;
        }
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInAsync(user!, isPersistent: false);
        return LoginOutcome.SignedIn;
    }
}

/// <summary>The login rate limits (ASP.NET Core's limiters, per app instance).</summary>
public sealed class LoginLimits : IDisposable
{
    public PartitionedRateLimiter<string> PerAddress { get; } = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 10, Window = TimeSpan.FromMinutes(5), QueueLimit = 0,
        }));

    public PartitionedRateLimiter<string> PerAccount { get; } = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 30, Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
        }));

    public void Dispose()
    {
        PerAddress.Dispose();
        PerAccount.Dispose();
    }
}
