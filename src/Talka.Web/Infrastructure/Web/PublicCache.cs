using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Output caching of what the public reads (home, project and programme pages, open data): for visitors who are not
/// signed in (a signed-in user's pages are not served from it; the project page keeps a copy per user and browser,
/// <see cref="ProjectPagePolicy"/>), by path, query, language and
/// whether the client takes gzip (then the page is kept compressed), with an ETag so that a browser's repeated visit
/// gets 304. A save that changes records evicts the cache of this instance at once: a change to a project's delivery
/// records (which NGOs make all day) only that project's page, any other change everything; the programme and national
/// counts' refresh the pages that show them (<see cref="CountsTag"/>), the open-data files' regeneration the files.
/// On PostgreSQL every eviction is also sent to the other instances, which evict alike (<see
/// cref="SharedOutputCacheStore"/>); a page is kept at most Talka:PublicCache:Seconds (30 by default).
/// </summary>
public static class PublicCache
{
    public const string Policy = "Public";
    /// <summary>The project page: for visitors as <see cref="Policy"/>, and for a signed-in user their own copy
    /// (<see cref="SignedInPageCache"/>), evicted alike.</summary>
    public const string ProjectPagePolicy = "ProjectPage";
    /// <summary>The open-data files: kept compressed for clients that take gzip; the uncompressed file, megabytes, is
    /// written to the others by the endpoint 64 KB at a time (the cache hands a copy to the connection in one piece:
    /// 64 downloads at once held 118 MB of the server's buffers).</summary>
    public const string FilesPolicy = "PublicFiles";
    public const string Tag = "public";
    /// <summary>The pages that show programmes' or the national counts: the home page and the programme
    /// pages.</summary>
    public const string CountsTag = "counts";
    /// <summary>The open-data files.</summary>
    public const string FilesTag = "open-data";
    /// <summary>The key of this instance's own store of cached pages, where several instances share
    /// evictions.</summary>
    private const string LocalStore = "local";

    /// <summary>The tag of a project's public page.</summary>
    public static string ProjectTag(Guid projectId) => $"project:{projectId}";

    public static IServiceCollection AddPublicCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = Math.Max(1, configuration.GetValue("Talka:PublicCache:Seconds", 30));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => Public(policy, seconds));
            options.AddPolicy(ProjectPagePolicy, policy => Public(policy, seconds).AddPolicy<SignedInPageCache>());
            options.AddPolicy(FilesPolicy,
                policy => Public(policy, seconds).With(c => AcceptsGzip(c.HttpContext.Request)));
        });
        // Public pages compressed with gzip for a client that takes it, inside the cache: compressed once per cached
        // variant, then served as stored. Only public responses to visitors (the same for everyone, nothing secret in
        // them), so also over https.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(options =>
            options.Level = System.IO.Compression.CompressionLevel.Optimal);
        // Several instances on one PostgreSQL tell each other what they evict (SharedOutputCacheStore).
        if (configuration["Talka:Database:Provider"] is { } provider
            && provider.Equals(Data.Database.Postgres, StringComparison.OrdinalIgnoreCase)
            && configuration.GetConnectionString("Talka") is { Length: > 0 } connectionString)
        {
            var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(memory);
            services.AddSingleton(sp => new CacheNotices(Data.Database.Tuned(connectionString),
                sp.GetRequiredService<ILogger<CacheNotices>>()));
            services.AddKeyedSingleton<IOutputCacheStore>(LocalStore, (sp, _) =>
                memory.ImplementationFactory is { } make
                ? (IOutputCacheStore)make(sp)
                : (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, memory.ImplementationType!));
            services.AddSingleton<IOutputCacheStore>(sp => new SharedOutputCacheStore(
                sp.GetRequiredKeyedService<IOutputCacheStore>(LocalStore), sp.GetRequiredService<CacheNotices>()));
            services.AddHostedService(sp => new CacheNoticeListener(
                sp.GetRequiredKeyedService<IOutputCacheStore>(LocalStore), sp.GetRequiredService<CacheNotices>(),
                sp.GetRequiredService<ILogger<CacheNoticeListener>>()));
        }
        services.AddScoped<PublicCacheEviction>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp =>
            sp.GetRequiredService<PublicCacheEviction>());
        return services;
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder policy, int seconds) => policy
        .Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag).AddPolicy<RecordTags>().SetVaryByQuery("*")
        // By language, and by whether the client takes gzip (two variants, not one per Accept-Encoding string).
        .VaryByValue(context => new KeyValuePair<string, string>("variant",
            $"{CultureInfo.CurrentUICulture.Name}|{(AcceptsGzip(context.Request) ? "gzip" : "identity")}"));

    /// <summary>Whether the client accepts a gzip-compressed body (named, or "*", with a quality above 0).</summary>
    public static bool AcceptsGzip(HttpRequest request) => request.GetTypedHeaders().AcceptEncoding.Any(e =>
        (e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || e.Value == "*") && e.Quality is not 0);

    /// <summary>Tags a cached page by what it shows, so that a change evicts only the pages it alters.</summary>
    private sealed class RecordTags : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var path = context.HttpContext.Request.Path;
            if (path.StartsWithSegments("/open-data")) context.Tags.Add(FilesTag);
            else if (path == "/" || path.StartsWithSegments("/programmes")) context.Tags.Add(CountsTag);
            else if (path.StartsWithSegments("/projects/details")
                && Guid.TryParse(context.HttpContext.GetRouteValue("id")?.ToString(), out var project))
                context.Tags.Add(ProjectTag(project));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
            ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
            ValueTask.CompletedTask;
    }

    /// <summary>The output cache, and inside it the ETag of each public page computed from its bytes (a request whose
    /// If-None-Match names it gets 304) and the pages' compression; the open-data files set their own. A signed-in
    /// user's page is held whole too, so that the cache may keep it (<see cref="SignedInPageCache.AllowStorage"/>).
    /// </summary>
    public static WebApplication UsePublicCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.Use(async (context, next) =>
        {
            var isPublic = IsPublic(context);
            var signedIn = !isPublic && SignedInPageCache.Keeps(context);
            if (!isPublic && !signedIn)
            {
                await next();
                return;
            }
            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                context.Response.Body = original;
            }
            if (signedIn) SignedInPageCache.AllowStorage(context);
            else if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                var etag = $"\"{Convert.ToBase64String(hash)[..22]}\"";
                context.Response.Headers.ETag = etag;
                if (NoneMatchNames(context.Request, etag))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
        app.UseWhen(IsPublic, compressed => compressed.UseResponseCompression());
        return app;
    }

    /// <summary>Whether the request's If-None-Match names this ETag: "*", or one of a list, compared as HTTP says
    /// for it (weakly: a W/ tag matches its strong form).</summary>
    public static bool NoneMatchNames(HttpRequest request, string etag)
    {
        var tags = request.GetTypedHeaders().IfNoneMatch;
        if (tags.Count == 0) return false;
        var ours = Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any)
            || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>A visitor's GET of a page the public cache keeps (the open-data files set their own ETag and
    /// encoding).</summary>
    private static bool IsPublic(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is Policy or ProjectPagePolicy
        && HttpMethods.IsGet(context.Request.Method) && context.User.Identity?.IsAuthenticated != true;
}
