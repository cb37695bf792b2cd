using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Invitations: sent by e-mail through a real SMTP server, accepted once, and giving exactly the access they
/// name.</summary>
public sealed class InvitationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task An_invited_member_sets_a_password_from_the_email_and_sees_only_their_organisations_projects()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Kviečiame“");
        var own = await TestProjects.CreateAsync(factory, "Kviestinio nario projektas", organisationId: organisation);
        var others = await TestProjects.CreateAsync(factory, "Kitos organizacijos projektas");
        var email = TestAccounts.Address("nauja");

        // The funder admin invites through the page, as a person would.
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await admin.GetStringAsync($"/users/invite?organisation={organisation}");
        Assert.Contains("Asociacija „Kviečiame“", Html.Text(form));
        var sent = await admin.PostAsync(
            $"/users/invite?organisation={organisation}",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Email"] = email,
                    ["Organisation"] = organisation.ToString(),
                    ["Language"] = "lt",
                    ["__RequestVerificationToken"] = Html.Token(form),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // The e-mail arrives in Lithuanian, plain text and HTML, with a link to Talka's public address.
        var message = await SmtpCatcher.Shared.WaitForAsync(email);
        Assert.Equal("Kvietimas į Talką", message.Subject);
        Assert.Contains("Organizacijos narys (Asociacija „Kviečiame“)", message.TextBody);
        Assert.Contains("admin@demo.talka.lt", message.TextBody);
        Assert.Contains("Priimti kvietimą", message.HtmlBody);
        var link = SmtpCatcher.Link(message, "https://talka.test/account/invitation?token=");

        // The link's page sets the password and signs the person in.
        var person = factory.Browser();
        var path = link["https://talka.test".Length..];
        var page = await person.GetStringAsync(path);
        Assert.Contains(email, Html.Text(page));
        var weak = await person.PostAsync(
            path,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Password"] = "Slaptažodis-2026-11",
                    ["__RequestVerificationToken"] = Html.Token(page),
                }
            )
        );
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Šis slaptažodis per dažnas", Html.Text(await weak.Content.ReadAsStringAsync()));
        var accepted = await person.PostAsync(
            path,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Password"] = TestAccounts.NewPassword,
                    ["__RequestVerificationToken"] = Html.Token(page),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(email, await person.GetStringAsync("/"));

        // Signed in by password, the member sees their organisation's project and not the other one.
        var api = await TestAccounts.LoginAsync(factory, email, TestAccounts.NewPassword);
        var projects = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        var ids = projects.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(own, ids);
        Assert.DoesNotContain(others, ids);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{others}")).StatusCode);

        // The link worked once.
        var again = await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
            "/api/v1/auth/accept-invitation",
            new
            {
                token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..],
                password = TestAccounts.NewPassword + " kitas",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("nebegalioja", await again.FieldErrorAsync("Token"));
    }

    [Fact]
    public async Task A_manager_invites_colleagues_to_their_own_organisation_only_never_a_funder_role()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Vadovo“");
        var other = await TestAccounts.OrganisationAsync(factory, "Asociacija „Svetima“");
        var manager = await TestAccounts.InvitedMemberAsync(
            factory,
            organisation,
            TestAccounts.Address("vadove"),
            manager: true
        );

        var colleague = TestAccounts.Address("kolega");
        var invited = await manager.PostAsJsonAsync(
            "/api/v1/invitations",
            new
            {
                email = colleague,
                role = "OrganisationMember",
                organisationId = organisation,
            }
        );
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        await SmtpCatcher.Shared.WaitForAsync(colleague);

        var elsewhere = TestAccounts.Address("svetimas");
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await manager.PostAsJsonAsync(
                    "/api/v1/invitations",
                    new
                    {
                        email = elsewhere,
                        role = "OrganisationMember",
                        organisationId = other,
                    }
                )
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await manager.PostAsJsonAsync("/api/v1/invitations", new { email = elsewhere, role = "FunderAdmin" })
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await manager.PostAsJsonAsync("/api/v1/invitations", new { email = elsewhere, role = "Auditor" })
            ).StatusCode
        );
        Assert.Equal(
            0,
            await factory.WithDbAsync(db =>
                db.Set<Talka.Web.Features.Account.Invitation>().CountAsync(i => i.Email == elsewhere)
            )
        );

        // A plain member invites nobody.
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, TestAccounts.Address("narys"));
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await member.PostAsJsonAsync(
                    "/api/v1/invitations",
                    new
                    {
                        email = elsewhere,
                        role = "OrganisationMember",
                        organisationId = organisation,
                    }
                )
            ).StatusCode
        );
    }

    [Fact]
    public async Task A_manager_removes_a_member_whose_access_ends_with_the_next_request()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Šalinimo“");
        var project = await TestProjects.CreateAsync(factory, "Šalinamo nario projektas",
            organisationId: organisation);
        var manager = await TestAccounts.InvitedMemberAsync(
            factory,
            organisation,
            TestAccounts.Address("vadove"),
            manager: true
        );
        var email = TestAccounts.Address("isejes");
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/projects/{project}")).StatusCode);
        // Signed in in a browser too: the session cookie's requests read the memberships as the bearer token's do.
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/projects/{project}/participants")).StatusCode);

        var userId = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await manager.DeleteAsync($"/api/v1/organisations/{organisation}/members/{userId}")).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/projects/{project}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync($"/projects/{project}/participants")).StatusCode);
    }

    [Fact]
    public async Task Bad_invitations_get_field_errors_in_lithuanian_and_send_nothing()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var noAddress = await admin.PostAsJsonAsync(
            "/api/v1/invitations",
            new { email = "ne-adresas", role = "Auditor" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("el. pašto adresą", await noAddress.FieldErrorAsync("Email"));
        var noOrganisation = await admin.PostAsJsonAsync(
            "/api/v1/invitations",
            new { email = TestAccounts.Address("be-org"), role = "OrganisationMember" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, noOrganisation.StatusCode);
        Assert.NotEmpty(await noOrganisation.FieldErrorAsync("OrganisationId"));
        var badRole = await admin.PostAsJsonAsync(
            "/api/v1/invitations",
            new { email = TestAccounts.Address("role"), role = "Karalius" }
        );
        Assert.Contains("Pasirinkite vaidmenį", await badRole.FieldErrorAsync("Role"));
    }
}
