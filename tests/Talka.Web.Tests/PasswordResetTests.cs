using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Email;

namespace Talka.Web.Tests;

/// <summary>Forgotten and changed passwords, and disabled accounts: the e-mail, the single use, the sessions that
/// end.</summary>
public sealed class PasswordResetTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_reset_link_sets_the_password_once_and_ends_the_old_sessions()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Pamiršusi“");
        var email = TestAccounts.Address("pamirsau");
        var oldToken = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var oldCookie = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await oldCookie.GetAsync("/account/password")).StatusCode);

        // The page answers the same for a known and an unknown address; only the known one gets an e-mail.
        var browser = factory.Browser();
        var form = await browser.GetStringAsync("/account/forgot-password");
        string Answer(string text) => Html.Text(text);
        var known = await browser.PostAsync(
            "/account/forgot-password",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = Html.Token(form) }
            )
        );
        var unknownAddress = TestAccounts.Address("niekas");
        var unknown = await browser.PostAsync(
            "/account/forgot-password",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Email"] = unknownAddress,
                    ["__RequestVerificationToken"] = Html.Token(form),
                }
            )
        );
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownText = Answer(await known.Content.ReadAsStringAsync());
        Assert.Contains("Jei šiuo adresu Talkoje yra paskyra", knownText);
        Assert.Equal(knownText, Answer(await unknown.Content.ReadAsStringAsync()));
        var message = await SmtpCatcher.Shared.WaitForAsync(email, count: 2); // the invitation was the first
        Assert.Equal("Talkos slaptažodžio keitimas", message.Subject);
        // The unknown address was looked up too (by the same job), and nothing was sent.
        await TestAccounts.JobDoneAsync(factory, "password-reset", unknownAddress);
        Assert.Empty(SmtpCatcher.Shared.To(unknownAddress));
        Assert.Equal(
            0,
            await factory.WithDbAsync(db => db.Set<EmailMessage>().CountAsync(m => m.To == unknownAddress))
        );

        // The link's page sets the new password.
        var link = SmtpCatcher.Link(message, "https://talka.test/account/reset-password?");
        var path = link["https://talka.test".Length..];
        var page = await browser.GetStringAsync(path);
        var fields = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        const string newPassword = "naujas ilgas slaptas sakinys";
        var reset = await browser.PostAsync(
            path,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Email"] = fields["email"]!,
                    ["Token"] = fields["token"]!,
                    ["Password"] = newPassword,
                    ["__RequestVerificationToken"] = Html.Token(page),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await TestAccounts.LoginAsync(factory, email, newPassword);

        // The old bearer token and the old cookie are refused; the link does not work a second time.
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldToken.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await oldCookie.GetAsync("/account/password")).StatusCode);
        var again = await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
            "/api/v1/auth/reset-password",
            new
            {
                email,
                token = fields["token"],
                password = "dar vienas ilgas sakinys",
            }
        );
        Assert.Contains("nebegalioja", await again.FieldErrorAsync("Token"));
        await TestAccounts.LoginAsync(factory, email, newPassword);
    }

    [Fact]
    public async Task The_api_answers_an_unknown_address_as_a_known_one()
    {
        var api = await factory.ApiAsAsync(null);
        var unknownAddress = TestAccounts.Address("nera");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = unknownAddress })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = TalkaFactory.Auditor })).StatusCode
        );
        // A made-up token is refused as a link that no longer works, for a known address as for an unknown one.
        var made = await api.PostAsJsonAsync(
            "/api/v1/auth/reset-password",
            new
            {
                email = TalkaFactory.Auditor,
                token = "x",
                password = "ilgas ir retas sakinys",
            }
        );
        var stranger = await api.PostAsJsonAsync(
            "/api/v1/auth/reset-password",
            new
            {
                email = unknownAddress,
                token = "x",
                password = "ilgas ir retas sakinys",
            }
        );
        Assert.Equal(await made.FieldErrorAsync("Token"), await stranger.FieldErrorAsync("Token"));
        await TestAccounts.LoginAsync(factory, TalkaFactory.Auditor, TalkaFactory.Password);
        // The unknown address was looked up too (by the same job), and nothing was sent.
        await TestAccounts.JobDoneAsync(factory, "password-reset", unknownAddress);
        Assert.Empty(SmtpCatcher.Shared.To(unknownAddress));
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_but_keeps_this_one()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Keičianti“");
        var email = TestAccounts.Address("keiciu");
        var other = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var api = await TestAccounts.LoginAsync(factory, email, TestAccounts.NewPassword);
        var wrong = await api.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new { currentPassword = "ne tas", newPassword = "kitas ilgas sakinys čia" }
        );
        Assert.Equal("Dabartinis slaptažodis neteisingas.", await wrong.FieldErrorAsync("CurrentPassword"));
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await api.PostAsJsonAsync(
                    "/api/v1/auth/change-password",
                    new { currentPassword = TestAccounts.NewPassword, newPassword = "kitas ilgas sakinys čia" }
                )
            ).StatusCode
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/organisations")).StatusCode);
        await TestAccounts.LoginAsync(factory, email, "kitas ilgas sakinys čia");
    }

    [Fact]
    public async Task A_disabled_users_cookie_and_token_are_refused_on_the_next_request_and_they_cannot_sign_in()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Išjungta“");
        var email = TestAccounts.Address("isjungtas");
        var token = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var cookie = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/account/password")).StatusCode);

        // The funder admin finds them on the users page and disables them there.
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var list = await admin.GetStringAsync("/users?search=" + Uri.EscapeDataString(email));
        Assert.Contains(email, Html.Text(list));
        Assert.Contains("Asociacija „Išjungta“", Html.Text(list));
        var userId = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()
        );
        var disabled = await admin.PostAsync(
            "/users?handler=Disable&search=" + Uri.EscapeDataString(email),
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["id"] = userId, ["__RequestVerificationToken"] = Html.Token(list) }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/account/password")).StatusCode);
        var again = await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
            "/api/v1/auth/login",
            new { email, password = TestAccounts.NewPassword }
        );
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        // No reset link for a disabled account either.
        await (await factory.ApiAsAsync(null)).PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
        // The invitation only.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<EmailMessage>().CountAsync(m => m.To == email)));

        // The change is in the audit log, by whom.
        var audit = await factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "TalkaUser" && a.EntityId == userId)
                .OrderByDescending(a => a.At)
                .FirstAsync()
        );
        Assert.Equal(TalkaFactory.Admin, audit.UserName);
        Assert.Contains("DisabledAt", audit.Changes);
        Assert.DoesNotContain("SecurityStamp", audit.Changes);
    }
}
