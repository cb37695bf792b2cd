using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;

namespace Talka.Web.Tests;

/// <summary>An NGO not yet in Talka asks to be registered; a funder admin approves, which registers the organisation
/// and invites its contact person as its manager.</summary>
public sealed class RegistrationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>A legal entity code no other test uses, with a valid check digit.</summary>
    private static string NewCode()
    {
        var digits = Enumerable.Range(0, 8).Select(_ => Random.Shared.Next(10)).ToList();
        digits[0] = 3;
        digits.Add(LegalEntityCode.CheckDigit(digits, 8));
        return string.Concat(digits);
    }

    [Fact]
    public async Task An_approved_request_registers_the_organisation_and_its_contact_becomes_its_manager()
    {
        var code = NewCode();
        var contact = TestAccounts.Address("registruojasi");
        var visitor = await factory.ApiAsAsync(null);
        var sent = await visitor.PostAsJsonAsync(
            "/api/v1/registration-requests",
            new
            {
                organisationName = "Asociacija „Nauja bendruomenė“",
                legalForm = "Association",
                legalEntityCode = code,
                contactEmail = contact,
            }
        );
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var twice = await visitor.PostAsJsonAsync(
            "/api/v1/registration-requests",
            new
            {
                organisationName = "Asociacija „Nauja bendruomenė“",
                legalForm = "Association",
                legalEntityCode = code,
                contactEmail = contact,
            }
        );
        Assert.Contains("jau pateiktas", await twice.FieldErrorAsync("LegalEntityCode"));

        // The funder admin sees it on the requests page and approves it.
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var page = await admin.GetStringAsync("/users/requests");
        Assert.Contains("Asociacija „Nauja bendruomenė“", Html.Text(page));
        var approved = await admin.PostAsync(
            "/users/requests?handler=Approve",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["id"] = id.ToString(),
                    ["__RequestVerificationToken"] = Html.Token(page),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var organisation = await factory.WithDbAsync(db =>
            db.Organisations.Where(o => o.LegalEntityCode == code).Select(o => o.Id).SingleAsync()
        );
        Assert.Equal($"/organisations/details/{organisation}", approved.Headers.Location?.ToString());

        // The contact person's invitation makes them the organisation's manager: they may invite a colleague.
        var manager = await InviteAcceptAsync(contact);
        var colleague = await manager.PostAsJsonAsync(
            "/api/v1/invitations",
            new
            {
                email = TestAccounts.Address("kolege"),
                role = "OrganisationMember",
                organisationId = organisation,
            }
        );
        Assert.Equal(HttpStatusCode.Created, colleague.StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await (await factory.ApiAsAsync(TalkaFactory.Admin)).PostAsync(
                    $"/api/v1/registration-requests/{id}/approve",
                    null
                )
            ).StatusCode
        );
    }

    private async Task<HttpClient> InviteAcceptAsync(string email)
    {
        (
            await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
                "/api/v1/auth/accept-invitation",
                new { token = await TestAccounts.InvitationTokenAsync(email), password = TestAccounts.NewPassword }
            )
        ).EnsureSuccessStatusCode();
        return await TestAccounts.LoginAsync(factory, email, TestAccounts.NewPassword);
    }

    [Fact]
    public async Task A_wrong_check_digit_or_an_organisation_already_in_talka_is_refused_in_lithuanian()
    {
        var code = NewCode();
        var wrong = code[..8] + (char)('0' + (code[8] - '0' + 1) % 10);
        var visitor = await factory.ApiAsAsync(null);
        var refused = await visitor.PostAsJsonAsync(
            "/api/v1/registration-requests",
            new
            {
                organisationName = "MB „Klaida“",
                legalForm = "SmallPartnership",
                legalEntityCode = wrong,
                contactEmail = TestAccounts.Address("klaida"),
            }
        );
        Assert.Contains("kontrolinis skaitmuo", await refused.FieldErrorAsync("LegalEntityCode"));
        var existing = NewCode();
        (
            await (await factory.ApiAsAsync(TalkaFactory.Admin)).PostAsJsonAsync(
                "/api/v1/organisations",
                new
                {
                    name = "Jau esanti asociacija",
                    legalForm = "Association",
                    legalEntityCode = existing,
                }
            )
        ).EnsureSuccessStatusCode();
        var known = await visitor.PostAsJsonAsync(
            "/api/v1/registration-requests",
            new
            {
                organisationName = "Jau esanti",
                legalForm = "Association",
                legalEntityCode = existing,
                contactEmail = TestAccounts.Address("jau"),
            }
        );
        Assert.Contains("jau yra", await known.FieldErrorAsync("LegalEntityCode"));
        Assert.Equal(
            0,
            await factory.WithDbAsync(db =>
                db.Set<Talka.Web.Features.Registration.RegistrationRequest>()
                    .CountAsync(r => r.LegalEntityCode == wrong || r.LegalEntityCode == existing)
            )
        );
    }
}
