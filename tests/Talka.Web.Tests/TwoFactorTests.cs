using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Two-factor sign-in: where it is required (production's default), a funder admin reaches nothing before
/// setting it up; then the authenticator's code or a recovery code (once) completes each sign-in.</summary>
public sealed class TwoFactorTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string url,
        string page,
        Dictionary<string, string> fields
    )
    {
        fields["__RequestVerificationToken"] = Html.Token(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_funder_admin_must_set_up_two_factor_before_any_page_and_a_recovery_code_works_once()
    {
        // The same database, with the requirement on (as in production).
        await using var production = factory.WithWebHostBuilder(b =>
            b.UseSetting("Talka:TwoFactor:RequiredForFunderAdmins", "true")
        );
        var email = TestAccounts.Address("vadove");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (
            await admin.PostAsJsonAsync("/api/v1/invitations", new { email, role = "FunderAdmin" })
        ).EnsureSuccessStatusCode();
        (
            await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
                "/api/v1/auth/accept-invitation",
                new { token = await TestAccounts.InvitationTokenAsync(email), password = TestAccounts.NewPassword }
            )
        ).EnsureSuccessStatusCode();

        HttpClient Browser() =>
            production.CreateClient(
                new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
            );
        var browser = Browser();
        var login = await browser.GetStringAsync("/account/login");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await PostFormAsync(
                    browser,
                    "/account/login",
                    login,
                    new() { ["Email"] = email, ["Password"] = TestAccounts.NewPassword }
                )
            ).StatusCode
        );

        // Every page leads to the set-up page; the API says why.
        foreach (var path in new[] { "/", "/projects", "/users" })
        {
            var answer = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/account/two-factor-setup", answer.Headers.Location?.ToString());
        }
        var api = production.CreateClient();
        var token = (
            await (
                await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.NewPassword })
            ).Content.ReadFromJsonAsync<JsonElement>()
        )
            .GetProperty("accessToken")
            .GetString();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            token
        );
        var refused = await api.GetAsync("/api/v1/organisations");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("dviejų veiksnių", await refused.Content.ReadAsStringAsync());

        // The set-up page: the key, a wrong code refused, the right one turns it on and shows ten recovery codes.
        var setup = await browser.GetStringAsync("/account/two-factor-setup");
        Assert.Contains("data:image/png;base64,", setup);
        var key = Regex.Match(setup, "<code class=\"key\" data-key>([a-z2-7 ]+)</code>").Groups[1].Value;
        Assert.NotEmpty(key);
        var wrong = await PostFormAsync(
            browser,
            "/account/two-factor-setup?handler=Enable",
            setup,
            new() { ["Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" }
        );
        Assert.Contains("Kodas netinka", Html.Text(await wrong.Content.ReadAsStringAsync()));
        var enabled = await PostFormAsync(
            browser,
            "/account/two-factor-setup?handler=Enable",
            setup,
            new() { ["Code"] = Totp.Code(key) }
        );
        var done = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Dviejų veiksnių prisijungimas įjungtas.", Html.Text(done));
        var codes = Regex.Matches(done, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // A new sign-in asks for the second step; a recovery code works once.
        async Task<HttpResponseMessage> SignInAsync(Dictionary<string, string> second)
        {
            var client = Browser();
            var form = await client.GetStringAsync("/account/login");
            var first = await PostFormAsync(
                client,
                "/account/login",
                form,
                new() { ["Email"] = email, ["Password"] = TestAccounts.NewPassword }
            );
            Assert.Equal("/account/two-factor", first.Headers.Location?.ToString());
            var step = await client.GetStringAsync("/account/two-factor");
            return await PostFormAsync(client, "/account/two-factor", step, second);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(new() { ["RecoveryCode"] = codes[0] })).StatusCode);
        var again = await SignInAsync(new() { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Kodas netinka", Html.Text(await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(new() { ["Code"] = Totp.Code(key) })).StatusCode);

        // The API asks for the code too, and takes it.
        var noCode = await production
            .CreateClient()
            .PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Contains("twoFactorCode", await noCode.Content.ReadAsStringAsync());
        var withCode = await production
            .CreateClient()
            .PostAsJsonAsync(
                "/api/v1/auth/login",
                new
                {
                    email,
                    password = TestAccounts.NewPassword,
                    twoFactorCode = Totp.Code(key),
                }
            );
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task A_person_disabled_between_the_password_and_the_code_is_not_signed_in()
    {
        var email = TestAccounts.Address("isjungiama");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (await admin.PostAsJsonAsync("/api/v1/invitations", new { email, role = "Auditor" })).EnsureSuccessStatusCode();
        (await (await factory.ApiAsAsync(null)).PostAsJsonAsync("/api/v1/auth/accept-invitation",
            new { token = await TestAccounts.InvitationTokenAsync(email), password = TestAccounts.NewPassword }))
            .EnsureSuccessStatusCode();
        // The person turns two-factor sign-in on.
        var own = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var setup = await own.GetStringAsync("/account/two-factor-setup");
        var key = Regex.Match(setup, "<code class=\"key\" data-key>([a-z2-7 ]+)</code>").Groups[1].Value;
        var enabled = await PostFormAsync(own, "/account/two-factor-setup?handler=Enable", setup,
            new() { ["Code"] = Totp.Code(key) });
        Assert.Contains("Dviejų veiksnių prisijungimas įjungtas.",
            Html.Text(await enabled.Content.ReadAsStringAsync()));

        // The password taken, the code asked for...
        var client = factory.Browser();
        var form = await client.GetStringAsync("/account/login");
        var first = await PostFormAsync(client, "/account/login", form,
            new() { ["Email"] = email, ["Password"] = TestAccounts.NewPassword });
        Assert.Equal("/account/two-factor", first.Headers.Location?.ToString());
        var step = await client.GetStringAsync("/account/two-factor");
        // ...a funder admin disables the account...
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var adminPage = await factory.BrowserAsAsync(TalkaFactory.Admin);
        await PostFormAsync(adminPage, $"/users/{id}?handler=Disable",
            await adminPage.GetStringAsync($"/users/{id}"), new());
        Assert.NotNull(await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Id == id).Select(u => u.DisabledAt).SingleAsync()));
        // ...and the right code no longer signs anyone in.
        var second = await PostFormAsync(client, "/account/two-factor", step, new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Ši paskyra išjungta.", Html.Text(await second.Content.ReadAsStringAsync()));
        // The half-done sign-in is forgotten: the code page no longer knows whose code it would be.
        var again = await PostFormAsync(client, "/account/two-factor", step, new() { ["Code"] = Totp.Code(key) });
        Assert.Contains("Kodas netinka", Html.Text(await again.Content.ReadAsStringAsync()));
        var after = await client.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/login", after.Headers.Location?.ToString());
    }
}
