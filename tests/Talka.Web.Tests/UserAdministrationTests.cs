using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>The funder admins' user page and its API: staff roles set on an account end its sessions and take effect
/// at its next sign-in; an organisation's manager makes a colleague manager; a lost phone's two-factor sign-in is
/// reset; every change is in the account's history, and no secret is.</summary>
public sealed class UserAdministrationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<string> IdOfAsync(HttpClient admin, string email)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?search=" + Uri.EscapeDataString(email));
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_funder_admin_gives_an_evaluator_the_auditor_role_which_ends_their_sessions_and_is_recorded()
    {
        var email = TestAccounts.Address("vertintoja");
        var person = await TestAccounts.InvitedAsync(factory, email, "Evaluator");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/reports/queue")).StatusCode);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var id = await IdOfAsync(admin, email);

        var saved = await admin.PutAsJsonAsync(
            $"/api/v1/users/{id}/roles",
            new { roles = new[] { "Evaluator", "Auditor" } }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var details = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["Auditor", "Evaluator"],
            details.GetProperty("roles").EnumerateArray().Select(r => r.GetString())
        );

        // The old token is refused; a new sign-in carries the auditor's reading rights.
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/reports/queue")).StatusCode);
        var again = await TestAccounts.LoginAsync(factory, email, TestAccounts.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/reports/queue")).StatusCode);

        // The user page shows the roles and the change in the account's history, by role name.
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var page = Html.Text(await browser.GetStringAsync($"/users/{id}"));
        Assert.Contains(email, page);
        var history = page[page.IndexOf("Paskyros pakeitimai", StringComparison.Ordinal)..];
        Assert.Contains("Auditorius", history);
        Assert.Contains(TalkaFactory.Admin, history);

        // Taking the role away again through the page's form.
        var form = await browser.GetStringAsync($"/users/{id}");
        var posted = await browser.PostAsync(
            $"/users/{id}?handler=Roles",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(form)), new("Roles", "Evaluator")])
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.Equal(["Evaluator"], after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Roles_outside_the_staff_roles_and_taking_away_ones_own_admin_role_are_refused()
    {
        var email = TestAccounts.Address("admine");
        var person = await TestAccounts.InvitedAsync(factory, email, "FunderAdmin");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var id = await IdOfAsync(admin, email);

        var member = await admin.PutAsJsonAsync(
            $"/api/v1/users/{id}/roles",
            new { roles = new[] { "Auditor", "OrganisationMember" } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        var problem = await member.Content.ReadAsStringAsync();
        Assert.Contains("Roles[1]", problem);
        Assert.Contains("Čia galima suteikti tik šiuos vaidmenis", problem);

        var own = await person.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "Auditor" } });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("Savo fondo administratoriaus vaidmens atimti negalite", await own.Content.ReadAsStringAsync());
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.Equal(["FunderAdmin"], unchanged.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // Nobody else may read or change accounts.
        var evaluator = await factory.ApiAsAsync(TalkaFactory.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/v1/users/{id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await evaluator.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = Array.Empty<string>() })
            ).StatusCode
        );
    }

    [Fact]
    public async Task An_organisations_manager_makes_a_colleague_manager_but_not_in_another_organisation()
    {
        var organisation = await TestAccounts.OrganisationAsync(
            factory,
            "Vadovų asociacija " + Guid.NewGuid().ToString("N")[..6]
        );
        var other = await TestAccounts.OrganisationAsync(
            factory,
            "Kita asociacija " + Guid.NewGuid().ToString("N")[..6]
        );
        var managerEmail = TestAccounts.Address("vadove");
        var colleagueEmail = TestAccounts.Address("kolege");
        var strangerEmail = TestAccounts.Address("svetimas");
        var manager = await TestAccounts.InvitedMemberAsync(factory, organisation, managerEmail, manager: true);
        await TestAccounts.InvitedMemberAsync(factory, organisation, colleagueEmail);
        var stranger = await TestAccounts.InvitedMemberAsync(factory, other, strangerEmail, manager: true);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var colleague = await IdOfAsync(admin, colleagueEmail);
        var managerId = await IdOfAsync(admin, managerEmail);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await stranger.PutAsJsonAsync(
                    $"/api/v1/organisations/{organisation}/members/{colleague}",
                    new { manager = true }
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await manager.PutAsJsonAsync(
                    $"/api/v1/organisations/{organisation}/members/{managerId}",
                    new { manager = false }
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await manager.PutAsJsonAsync(
                    $"/api/v1/organisations/{organisation}/members/{colleague}",
                    new { manager = true }
                )
            ).StatusCode
        );
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{colleague}");
        var membership = details.GetProperty("organisations").EnumerateArray().Single();
        Assert.Equal(organisation, membership.GetProperty("organisationId").GetGuid());
        Assert.True(membership.GetProperty("manager").GetBoolean());
    }

    [Fact]
    public async Task A_lost_phones_two_factor_is_reset_by_a_funder_admin_and_its_key_never_reaches_the_audit_log()
    {
        var email = TestAccounts.Address("auditore");
        await TestAccounts.InvitedAsync(factory, email, "Auditor");
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var setup = await browser.GetStringAsync("/account/two-factor-setup");
        var key = Regex.Match(setup, "<code class=\"key\" data-key>([a-z2-7 ]+)</code>").Groups[1].Value;
        var enabled = await browser.PostAsync(
            "/account/two-factor-setup?handler=Enable",
            new FormUrlEncodedContent([
                new("__RequestVerificationToken", Html.Token(setup)),
                new("Code", Totp.Code(key)),
            ])
        );
        Assert.Contains(
            "Dviejų veiksnių prisijungimas įjungtas.",
            Html.Text(await enabled.Content.ReadAsStringAsync())
        );
        var anonymous = await factory.ApiAsAsync(null);
        var login = new { email, password = TestAccounts.NewPassword };
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/login", login)).StatusCode
        );

        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var id = await IdOfAsync(admin, email);
        Assert.True(
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}"))
                .GetProperty("twoFactorEnabled")
                .GetBoolean()
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await admin.PostAsync($"/api/v1/users/{id}/reset-two-factor", null)).StatusCode
        );

        Assert.False(
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}"))
                .GetProperty("twoFactorEnabled")
                .GetBoolean()
        );
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", login)).StatusCode);
        // The session that had it on ended with the reset.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/two-factor-setup")).StatusCode);
        var secret = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var leaked = await factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Changes.Contains(secret) || a.Changes.Contains(secret.ToLowerInvariant()))
        );
        Assert.Equal(0, leaked);
        var tokens = await factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "IdentityUserToken`1" && a.EntityId.StartsWith(id))
                .Select(a => a.Changes)
                .ToListAsync()
        );
        Assert.NotEmpty(tokens);
        Assert.All(tokens, changes => Assert.DoesNotContain("\"Value\":[null,\"", changes));
    }

    [Fact]
    public async Task A_person_turns_their_own_two_factor_off_where_their_role_does_not_require_it()
    {
        var email = TestAccounts.Address("vertinantis");
        await TestAccounts.InvitedAsync(factory, email, "Evaluator");
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var setup = await browser.GetStringAsync("/account/two-factor-setup");
        var key = Regex.Match(setup, "<code class=\"key\" data-key>([a-z2-7 ]+)</code>").Groups[1].Value;
        await browser.PostAsync(
            "/account/two-factor-setup?handler=Enable",
            new FormUrlEncodedContent([
                new("__RequestVerificationToken", Html.Token(setup)),
                new("Code", Totp.Code(key)),
            ])
        );
        var on = await browser.GetStringAsync("/account/two-factor-setup");
        var off = await browser.PostAsync(
            "/account/two-factor-setup?handler=Disable",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Html.Token(on))])
        );
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        // The session goes on; the page offers a new key; a password alone signs in.
        var page = Html.Text(await browser.GetStringAsync("/account/two-factor-setup"));
        Assert.Contains("Dviejų veiksnių prisijungimas išjungtas.", page);
        var anonymous = await factory.ApiAsAsync(null);
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await anonymous.PostAsJsonAsync(
                    "/api/v1/auth/login",
                    new { email, password = TestAccounts.NewPassword }
                )
            ).StatusCode
        );
    }
}
