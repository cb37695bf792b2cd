using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Tests;

/// <summary>Talka with a password hasher that counts its verifications (around the real one).</summary>
public sealed class CountingHasherFactory : TalkaFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<TalkaUser>>(Hasher));
    }
}
