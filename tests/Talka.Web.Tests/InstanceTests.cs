using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>What several instances on one database need: keys shared through the database, health checks for the
/// load balancer.</summary>
public sealed class InstanceTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_login_on_one_instance_is_recognised_by_another_on_the_same_database()
    {
        var first = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await first.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = TalkaFactory.MemberB, ["Password"] = TalkaFactory.Password,
                ["__RequestVerificationToken"] = Html.Token(await form.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        var signedIn = await first.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);

        // The key that protects the cookie is in the database, where every instance finds it.
        Assert.True(await factory.WithDbAsync(db => db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().AnyAsync()));
        await using var second = factory.AnotherInstance();
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        var home = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(TalkaFactory.MemberB, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_checks_answer_live_and_ready_without_a_login()
    {
        var client = factory.CreateClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
