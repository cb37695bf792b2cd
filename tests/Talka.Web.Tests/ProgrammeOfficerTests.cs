using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Programme officers: a submitted report is announced to the officers of its programme only (to every
/// funder admin when it has none), and their home page leads with the programmes they run.</summary>
public sealed class ProgrammeOfficerTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_submitted_report_is_announced_to_its_programmes_officer_and_not_to_other_funder_admins()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var officerEmail = TestAccounts.Address("kuratore");
        (
            await admin.PostAsJsonAsync("/api/v1/invitations", new { email = officerEmail, role = "FunderAdmin" })
        ).EnsureSuccessStatusCode();
        (
            await (await factory.ApiAsAsync(null)).PostAsJsonAsync(
                "/api/v1/auth/accept-invitation",
                new
                {
                    token = await TestAccounts.InvitationTokenAsync(officerEmail),
                    password = TestAccounts.NewPassword,
                }
            )
        ).EnsureSuccessStatusCode();
        var officerId = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == officerEmail).Select(u => u.Id).SingleAsync()
        );
        var programme = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0]
            .GetProperty("programmeId")
            .GetGuid();

        // Only a funder admin may run a programme.
        var memberId = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == TalkaFactory.MemberB).Select(u => u.Id).SingleAsync()
        );
        var refused = await admin.PutAsJsonAsync(
            $"/api/v1/programmes/{programme}/officers",
            new { userIds = new[] { memberId } }
        );
        Assert.Contains("tik finansuotojo administratorių", await refused.FieldErrorAsync("UserIds"));
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await admin.PutAsJsonAsync(
                    $"/api/v1/programmes/{programme}/officers",
                    new { userIds = new[] { officerId } }
                )
            ).StatusCode
        );
        var officers = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/officers");
        Assert.Contains(
            officers.EnumerateArray(),
            o => o.GetProperty("userId").GetString() == officerId && o.GetProperty("officer").GetBoolean()
        );

        var project = await TestProjects.CreateAsync(factory, "Kuratorės programos projektas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports"))
            .EnumerateArray()
            .First()
            .GetProperty("id")
            .GetGuid();
        var version = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports/{report}"))
            .GetProperty("version")
            .GetInt32();
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await member.PostAsJsonAsync($"/api/v1/projects/{project}/reports/{report}/submit", new { version })
            ).StatusCode
        );

        var link = $"/projects/{project}/reports/{report}";
        var officer = await TestAccounts.LoginAsync(factory, officerEmail, TestAccounts.NewPassword);
        Assert.Contains(
            (await officer.GetFromJsonAsync<JsonElement>("/api/v1/notifications"))
                .GetProperty("items")
                .EnumerateArray(),
            n => n.GetProperty("link").GetString() == link
        );
        Assert.DoesNotContain(
            (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("link").GetString() == link
        );

        // The officer's home leads with the programmes they run.
        var browser = await factory.BrowserAsAsync(officerEmail, TestAccounts.NewPassword);
        Assert.Contains("Jūsų kuruojamos programos", Html.Text(await browser.GetStringAsync("/")));
    }
}
