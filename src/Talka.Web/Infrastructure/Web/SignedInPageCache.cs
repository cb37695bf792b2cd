using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Output caching of a page for one signed-in user in one browser (<see cref="PublicCache.ProjectPagePolicy"/>: the
/// project page, which an organisation's people open again and again as they work): the page as this user saw it, kept
/// under a key made of everything it was drawn from besides the records (the session's claims, the user's
/// organisations and unread notifications as this request's stamp check read them, the browser's antiforgery cookie
/// that its forms' tokens are bound to, the language and the query), and evicted with the public pages whenever the
/// records behind it change (<see cref="PublicCacheEviction"/>). Nobody is ever served another user's page: the
/// user's claims are part of the key, and an entry is looked up only after the request's authentication, stamp check,
/// second-factor requirement and authorization have passed. Not kept: a page whose response sets a cookie (a renewed
/// session, a new antiforgery cookie) or is not 200 (the default policy before this one decides), and a request
/// carrying a message to show once (TempData) is neither served from the cache nor stored.
/// </summary>
internal sealed class SignedInPageCache(IOptions<AntiforgeryOptions> antiforgeryOptions) : IOutputCachePolicy
{
    /// <summary>The cookie that carries a message shown once after a redirect (Razor Pages' cookie TempData).</summary>
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    /// <summary>Marks a request whose page this policy lets the cache keep.</summary>
    private static readonly object Marker = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true) return ValueTask.CompletedTask;
        var request = http.Request;
        var antiforgery = antiforgeryOptions.Value.Cookie.Name;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.Authorization.Count > 0
            || request.Cookies.ContainsKey(TempDataCookie)
            || antiforgery is null || !request.Cookies.TryGetValue(antiforgery, out var token)
            || http.RequestServices.GetRequiredService<SessionStamp>().State is not { } state)
            return ValueTask.CompletedTask;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        http.Items[Marker] = true;
        context.CacheVaryByRules.VaryByValues["viewer"] = Fingerprint(http.User, state, token);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    /// <summary>Keeps the page if the default policy's rules allow it (200, no cookie set), whatever else switched
    /// storage off for a signed-in user's response (<see cref="AllowStorage"/>).</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (Keeps(context.HttpContext))
            context.AllowCacheStorage =
                response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0;
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether this request's page is one the cache may keep for its signed-in user.</summary>
    public static bool Keeps(HttpContext context) => context.Items.ContainsKey(Marker);

    /// <summary>Lets the cache keep the page after all: a form's antiforgery token switches storage off, for a cache
    /// shared by all would hand one browser's token to another, but this copy is kept for the user and the
    /// antiforgery cookie that the token belongs to. Called once the page is written whole and before the cache sees
    /// its first byte (which is when it decides whether to hold the body); <see cref="ServeResponseAsync"/> decides
    /// again at the end.</summary>
    public static void AllowStorage(HttpContext context)
    {
        if (Keeps(context) && context.Features.Get<IOutputCacheFeature>() is { } feature)
            feature.Context.AllowCacheStorage = true;
    }

    /// <summary>A digest of what a signed-in user's page is drawn from besides the records.</summary>
    private static string Fingerprint(System.Security.Claims.ClaimsPrincipal user, SignedInState state, string token)
    {
        var text = new StringBuilder();
        foreach (var claim in user.Claims) text.Append(claim.Type).Append('=').Append(claim.Value).Append('\n');
        text.Append("organisations=").AppendJoin(',', state.Organisations.Order()).Append('\n');
        text.Append("manages=").AppendJoin(',', state.ManagedOrganisations.Order()).Append('\n');
        text.Append("unread=").Append(state.UnreadNotifications).Append('\n');
        text.Append("antiforgery=").Append(token);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
