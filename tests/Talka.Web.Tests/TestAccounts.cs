using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Builds organisations and invited people for the account tests, through the API and the e-mail a person
/// would get.</summary>
public static class TestAccounts
{
    public const string NewPassword = "trys žali kalnai prie jūros";

    /// <summary>A new organisation of the test's own, made by the funder admin.</summary>
    public static async Task<Guid> OrganisationAsync(TalkaFactory factory, string name)
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        return await (
            await admin.PostAsJsonAsync("/api/v1/organisations", new { name, legalForm = "Association" })
        ).IdOf();
    }

    /// <summary>An address no other test uses.</summary>
    public static string Address(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@ngo.test";

    /// <summary>The token of the invitation link in the latest e-mail to the address.</summary>
    public static async Task<string> InvitationTokenAsync(string email, int count = 1)
    {
        var link = SmtpCatcher.Link(
            await SmtpCatcher.Shared.WaitForAsync(email, count),
            "https://talka.test/account/invitation?token="
        );
        return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    /// <summary>Invites the address as a member of the organisation, accepts through the API with <see
    /// cref="NewPassword"/>, and returns the new person's bearer-token client.</summary>
    public static Task<HttpClient> InvitedMemberAsync(
        TalkaFactory factory,
        Guid organisationId,
        string email,
        bool manager = false,
        string language = "lt"
    ) => InvitedAsync(factory, email, "OrganisationMember", organisationId, manager, language);

    /// <summary>Invites the address to the role (by the funder admin), accepts through the API with <see
    /// cref="NewPassword"/>, and returns the new person's bearer-token client.</summary>
    public static async Task<HttpClient> InvitedAsync(
        TalkaFactory factory,
        string email,
        string role,
        Guid? organisationId = null,
        bool manager = false,
        string language = "lt"
    )
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (
            await admin.PostAsJsonAsync(
                "/api/v1/invitations",
                new
                {
                    email,
                    role,
                    organisationId,
                    manager,
                    language,
                }
            )
        ).EnsureSuccessStatusCode();
        var anonymous = await factory.ApiAsAsync(null);
        (
            await anonymous.PostAsJsonAsync(
                "/api/v1/auth/accept-invitation",
                new { token = await InvitationTokenAsync(email), password = NewPassword }
            )
        ).EnsureSuccessStatusCode();
        return await LoginAsync(factory, email, NewPassword);
    }

    /// <summary>Waits (up to 30 s) until the job of the kind for the payload has run.</summary>
    public static async Task JobDoneAsync(TalkaFactory factory, string kind, string payload)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await factory.WithDbAsync(db =>
                db.Set<Talka.Web.Infrastructure.Jobs.Job>()
                    .Where(j => j.Kind == kind && j.Payload == payload)
                    .Select(j => (Talka.Web.Infrastructure.Jobs.JobStatus?)j.Status)
                    .SingleOrDefaultAsync()
            );
            if (status == Talka.Web.Infrastructure.Jobs.JobStatus.Done)
                return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The {kind} job for {payload} did not run within 30 s.");
    }

    public static async Task<HttpClient> LoginAsync(TalkaFactory factory, string email, string password)
    {
        var client = await factory.ApiAsAsync(null);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            token
        );
        return client;
    }
}
