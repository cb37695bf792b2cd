using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Tests;

/// <summary>Logins that reveal nobody and lock nobody out; sessions that end at logout; headers on every
/// page.</summary>
public sealed class SessionSecurityTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private HttpClient From(string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(TalkaFactory.ClientHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    [Fact]
    public async Task Five_failed_logins_from_one_address_do_not_lock_the_owner_out_from_another_and_the_attacker_is_slowed()
    {
        var attacker = From("203.0.113.7");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, TalkaFactory.Auditor, "spejimas-" + i)).StatusCode);

        // The owner, from home, gets in at once.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(From("198.51.100.20"), TalkaFactory.Auditor, TalkaFactory.Password)).StatusCode);

        // The attacker's address runs out of attempts after ten failures, whatever account it tries.
        for (var i = 5; i < 10; i++) await LoginAsync(attacker, TalkaFactory.Evaluator, "spejimas-" + i);
        var slowed = await LoginAsync(attacker, TalkaFactory.Admin, TalkaFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.Equal("Per daug nesėkmingų bandymų. Palaukite kelias minutes ir bandykite dar kartą.",
            (await slowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.True(slowed.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("::ffff:198.51.100.20", "198.51.100.20")]
    public void An_ipv6_address_counts_by_its_64_network(string address, string key) =>
        Assert.Equal(key, LoginService.Network(IPAddress.Parse(address)));

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password_after_the_same_password_check()
    {
        var client = From("192.0.2.44");
        var before = factory.Hasher.Verifications;
        var known = await LoginAsync(client, TalkaFactory.MemberA, "ne-tas-slaptazodis");
        var afterKnown = factory.Hasher.Verifications;
        var unknown = await LoginAsync(client, "niekas@nera.lt", "ne-tas-slaptazodis");
        var afterUnknown = factory.Hasher.Verifications;

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        string Title(JsonElement problem) => problem.GetProperty("title").GetString()!;
        Assert.Equal(Title(await known.Content.ReadFromJsonAsync<JsonElement>()), Title(await unknown.Content.ReadFromJsonAsync<JsonElement>()));
        // The time a login takes is the password hashing (100 000 PBKDF2 rounds); both answers cost exactly one.
        Assert.Equal(1, afterKnown - before);
        Assert.Equal(1, afterUnknown - afterKnown);
    }

    [Fact]
    public async Task A_cookie_and_a_bearer_token_captured_before_logout_are_refused_after_it()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await LoginCookieAsync(client, TalkaFactory.MemberB);
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/organisations", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);

        var home = await (await SendAsync(client, HttpMethod.Get, "/", cookie)).Content.ReadAsStringAsync();
        var logout = await SendAsync(client, HttpMethod.Post, "/account/logout", cookie,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(home) }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // The same cookie, replayed by someone who copied it before the logout: the login page, not the organisations.
        var replay = await SendAsync(client, HttpMethod.Get, "/organisations", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("http://localhost/account/login", replay.Headers.Location?.ToString());
        // The bearer token issued before the logout is refused too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organisations")).StatusCode);
    }

    [Fact]
    public async Task Each_signed_in_request_is_checked_against_the_stamp_without_the_session_cookie_issued_again()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await LoginCookieAsync(client, TalkaFactory.MemberA);
        var page = await SendAsync(client, HttpMethod.Get, "/organisations", cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var set) ? set : [],
            c => c.StartsWith("talka.auth=", StringComparison.Ordinal));
        // A new stamp (as a change of password or roles gives) ends the session at its next request.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == TalkaFactory.MemberA)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString())));
        var after = await SendAsync(client, HttpMethod.Get, "/organisations", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/login", after.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_account_marked_disabled_ends_its_session_and_its_token_even_with_its_stamp_unchanged()
    {
        var email = TestAccounts.Address("isjungta");
        var api = await TestAccounts.InvitedAsync(factory, email, "Auditor");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await LoginCookieAsync(client, email, TestAccounts.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/notifications", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        // Disabled by a path that forgot the stamp (a script, a future feature): the account is still refused.
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .Select(u => u.SecurityStamp).SingleAsync());
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTime.UtcNow)));

        var page = await SendAsync(client, HttpMethod.Get, "/notifications", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task The_api_logout_ends_the_bearer_token()
    {
        var api = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organisations")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_cannot_change_anything_through_the_api()
    {
        // Another site's form could make the browser send the session cookie with a POST: the API takes changes from
        // bearer tokens only, so the cookie alone is answered 401 and nothing is created.
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var response = await browser.PostAsJsonAsync("/api/v1/programmes", new { title = "Per slapuką", fundingBodyId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Reads still take the cookie (the pages link to downloads).
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/organisations")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/account/login")]
    [InlineData("/status/404")]
    public async Task Every_html_page_carries_the_security_headers(string url)
    {
        var response = await factory.Browser().GetAsync(url);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        // No page of Talka's own carries an inline script or style that the policy would block.
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_auth_cookie_is_secure()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        // The proxy on the same machine forwards an https request.
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync("/account/login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = TalkaFactory.Auditor, ["Password"] = TalkaFactory.Password,
                ["__RequestVerificationToken"] = Html.Token(await form.Content.ReadAsStringAsync()),
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var login = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("talka.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Logs in through the page and answers the cookies as a header value, as someone copying them would hold
    /// them.</summary>
    private static async Task<string> LoginCookieAsync(HttpClient client, string email, string? password = null)
    {
        var form = await client.GetAsync("/account/login");
        var cookies = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var login = await SendAsync(client, HttpMethod.Post, "/account/login", string.Join("; ", cookies),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password ?? TalkaFactory.Password,
                ["__RequestVerificationToken"] = Html.Token(await form.Content.ReadAsStringAsync()),
            }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        cookies.AddRange(login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return string.Join("; ", cookies);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
