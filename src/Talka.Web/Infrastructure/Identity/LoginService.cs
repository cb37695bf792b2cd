using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// Signs a person in, for the login page (cookie) and the API (bearer token) alike.
/// - An unknown e-mail costs the same password hashing as a known one and gets the same answer, so the login cannot be
///   used to find out who has an account.
/// - No account is ever locked by failed attempts (a stranger could lock anyone out with five requests). Guessing is
/// slowed
///   by rate limits on failed attempts instead: per address (10 in 5 minutes), per account from one address (10 in 15
///   minutes) and per account from everywhere (100 in 15 minutes, against guessing spread over many addresses). The
/// owner
///   logging in from another address is not stopped by someone else's failures, unless they come in the hundreds.
/// - An IPv6 address counts by its /64 network, as a home or office gets a whole one.
/// - Attempts from one address, and for one account, run one at a time (others wait their turn), so parallel requests
///   cannot all pass the check before the first failure is counted.
/// </summary>
public sealed class LoginService(UserManager<TalkaUser> users, SignInManager<TalkaUser> signIn, IPasswordHasher<TalkaUser> hasher,
    LoginLimits limits, IHttpContextAccessor http, Data.TalkaDbContext db, TimeProvider clock)
{
    private static readonly TalkaUser Nobody = new() { UserName = "nobody@talka.invalid" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<TalkaUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <param name="twoFactorCode">For the API (bearer tokens) of an account with two-factor sign-in: the
    /// authenticator's code, or <paramref name="recoveryCode"/> (which works once). The login page asks for them on a
    /// page of their own instead.</param>
    public async Task<LoginOutcome> SignInAsync(string email, string password, string scheme, string? twoFactorCode = null,
        string? recoveryCode = null)
    {
        var address = Network(http.HttpContext?.Connection.RemoteIpAddress ?? IPAddress.None);
        var account = email.Trim().ToUpperInvariant();
        var accountFromAddress = account + " " + address;
        using var inFlightAddress = await limits.InFlight.AcquireAsync("a " + address);
        using var inFlightAccount = await limits.InFlight.AcquireAsync("u " + account);
        if (!inFlightAddress.IsAcquired || !inFlightAccount.IsAcquired) return LoginOutcome.TooManyAttempts;
        // Permit count 0 asks whether any attempt is left, without using one: only failures use them up.
        using (var probeAddress = limits.PerAddress.AttemptAcquire(address, 0))
        using (var probeAccountFromAddress = limits.PerAccountFromAddress.AttemptAcquire(accountFromAddress, 0))
        using (var probeAccount = limits.PerAccount.AttemptAcquire(account, 0))
        {
            if (!probeAddress.IsAcquired || !probeAccountFromAddress.IsAcquired || !probeAccount.IsAcquired) return LoginOutcome.TooManyAttempts;
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
            Fail(address, accountFromAddress, account);
            return LoginOutcome.Failed;
        }
        if (user!.DisabledAt is not null) return LoginOutcome.Disabled;
        signIn.AuthenticationScheme = scheme;
        if (user.TwoFactorEnabled)
        {
            if (scheme == IdentityConstants.ApplicationScheme)
            {
                // Identity remembers the half-signed-in person in its two-factor cookie; the code page finishes.
                var half = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
                return half.Succeeded ? LoginOutcome.SignedIn : half.RequiresTwoFactor ? LoginOutcome.RequiresTwoFactor : LoginOutcome.Failed;
            }
            if (string.IsNullOrWhiteSpace(twoFactorCode) && string.IsNullOrWhiteSpace(recoveryCode)) return LoginOutcome.RequiresTwoFactor;
            var second = !string.IsNullOrWhiteSpace(twoFactorCode)
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(twoFactorCode))
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode!.Replace(" ", "", StringComparison.Ordinal))).Succeeded;
            if (!second)
            {
                Fail(address, accountFromAddress, account);
                return LoginOutcome.Failed;
            }
        }
        // (A successful login uses no attempt.)
        await signIn.SignInAsync(user, isPersistent: false);
        // Straight to the row: a sign-in is not a change of the account for the audit log.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        return LoginOutcome.SignedIn;
    }

    /// <summary>The second step of a page sign-in: the authenticator's code or a recovery code (once), for the person
    /// whose password Identity's two-factor cookie remembers. Wrong codes count against the same limits as wrong
    /// passwords.</summary>
    public async Task<LoginOutcome> SecondStepAsync(string? code, string? recoveryCode)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return LoginOutcome.Failed;
        // Disabled after the password was taken: no session, whatever the code, and the password is asked again.
        if (user.DisabledAt is not null)
        {
            await signIn.SignOutAsync();
            return LoginOutcome.Disabled;
        }
        var address = Network(http.HttpContext?.Connection.RemoteIpAddress ?? IPAddress.None);
        var account = (user.Email ?? "").ToUpperInvariant();
        var accountFromAddress = account + " " + address;
        using (var probeAddress = limits.PerAddress.AttemptAcquire(address, 0))
        using (var probeAccount = limits.PerAccount.AttemptAcquire(account, 0))
        {
            if (!probeAddress.IsAcquired || !probeAccount.IsAcquired) return LoginOutcome.TooManyAttempts;
        }
        var result = !string.IsNullOrWhiteSpace(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync((recoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (!result.Succeeded)
        {
            Fail(address, accountFromAddress, account);
            return LoginOutcome.Failed;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        return LoginOutcome.SignedIn;
    }

    private void Fail(string address, string accountFromAddress, string account)
    {
        limits.PerAddress.AttemptAcquire(address).Dispose();
        limits.PerAccountFromAddress.AttemptAcquire(accountFromAddress).Dispose();
        limits.PerAccount.AttemptAcquire(account).Dispose();
    }

    private static string Digits(string code) => new(code.Where(char.IsDigit).ToArray());

    /// <summary>The key an address counts under: itself for IPv4, its /64 network for IPv6.</summary>
    public static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
