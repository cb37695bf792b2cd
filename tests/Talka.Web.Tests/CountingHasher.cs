using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Tests;

public sealed class CountingHasher : IPasswordHasher<TalkaUser>
{
    private readonly PasswordHasher<TalkaUser> _real = new();
    private int _verifications;
    public int Verifications => _verifications;
    public string HashPassword(TalkaUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(TalkaUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
