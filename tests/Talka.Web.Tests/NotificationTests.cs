using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Domain.Common;
using Talka.Domain.Reports;
using Talka.Web.Features.Notifications;
using Talka.Web.Infrastructure.Email;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Tests;

/// <summary>Notifications in Talka and by e-mail: a returned report reaches the organisation's members in their
/// language, a submitted one the funder, and the daily reminders are sent once however often the job runs.</summary>
public sealed class NotificationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<(Guid Report, int Version)> FirstReportAsync(HttpClient member, Guid project)
    {
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports"))
            .EnumerateArray()
            .First();
        var id = report.GetProperty("id").GetGuid();
        var view = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports/{id}");
        return (id, view.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_returned_report_reaches_the_members_in_talka_and_by_email_in_their_language()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Pranešimų“");
        var project = await TestProjects.CreateAsync(factory, "Pranešimų projektas", organisationId: organisation);
        var english = TestAccounts.Address("english");
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, english, language: "en");
        var lithuanian = TestAccounts.Address("lietuve");
        await TestAccounts.InvitedMemberAsync(factory, organisation, lithuanian);
        var (report, version) = await FirstReportAsync(member, project);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await member.PostAsJsonAsync($"/api/v1/projects/{project}/reports/{report}/submit", new { version })
            ).StatusCode
        );

        // The funder hears of the submission.
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var adminNews = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(
            adminNews.GetProperty("items").EnumerateArray(),
            n =>
                n.GetProperty("kind").GetString() == "ReportSubmitted"
                && n.GetProperty("link").GetString() == $"/projects/{project}/reports/{report}"
        );

        var submitted = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports/{report}");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await admin.PostAsJsonAsync(
                    $"/api/v1/projects/{project}/reports/{report}/return",
                    new
                    {
                        version = submitted.GetProperty("version").GetInt32(),
                        comments = new[] { new { section = "Rodikliai", text = "Patikslinkite dalyvių skaičių." } },
                    }
                )
            ).StatusCode
        );

        // In Talka: the bell counts it, the list says it in the reader's language.
        var news = await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var returned = Assert.Single(
            news.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "ReportReturned"
        );
        Assert.Contains("„Pranešimų projektas“", returned.GetProperty("text").GetString());
        var browser = await factory.BrowserAsAsync(lithuanian, TestAccounts.NewPassword);
        Assert.Contains("neperskaitytų: 1", await browser.GetStringAsync("/"));
        var list = Html.Text(await browser.GetStringAsync("/notifications"));
        Assert.Contains("grąžinta su pastabomis", list);

        // By e-mail, each in their own language.
        var mail = await SmtpCatcher.Shared.WaitForAsync(english, count: 2); // after the invitation
        Assert.Equal("Report returned: \"Pranešimų projektas\"", mail.Subject);
        Assert.Contains($"https://talka.test/projects/{project}/reports/{report}", mail.TextBody);
        var laiskas = await SmtpCatcher.Shared.WaitForAsync(lithuanian, count: 2);
        Assert.Equal("Ataskaita grąžinta: „Pranešimų projektas“", laiskas.Subject);

        // Marked read, the count is gone.
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsync("/api/v1/notifications/read", null)).StatusCode);
        Assert.All(
            (await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => Assert.True(n.GetProperty("read").GetBoolean())
        );
        // And in the browser: marked read there, the bell counts none.
        var page = await browser.GetStringAsync("/notifications");
        var read = await browser.PostAsync("/notifications?handler=Read", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.DoesNotContain("neperskaitytų", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_report_due_in_a_week_is_reminded_once_however_often_the_job_runs_and_not_by_email_if_off()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Priminimų“");
        var project = await TestProjects.CreateAsync(factory, "Priminimų projektas", organisationId: organisation);
        var email = TestAccounts.Address("primink");
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var quiet = TestAccounts.Address("tylus");
        await TestAccounts.InvitedMemberAsync(factory, organisation, quiet);
        var (report, _) = await FirstReportAsync(member, project);
        // The daily job is run here, twice, and by nobody else meanwhile.
        using var hold = factory.HoldJobs();
        // The report falls due in five days (Lithuanian time).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, LtFormat.Vilnius).DateTime);
        await factory.WithDbAsync(db =>
            db.Set<Report>()
                .Where(r => r.Id == report)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Due, today.AddDays(5)))
        );
        // One member does not want this kind by e-mail.
        var quietId = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == quiet).Select(u => u.Id).SingleAsync()
        );
        await factory.WithDbAsync(async db =>
        {
            db.Add(new NotificationMute { UserId = quietId, Kind = NotificationKinds.ReportDueSoon });
            return await db.SaveChangesAsync();
        });

        for (var run = 0; run < 2; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope
                .ServiceProvider.GetServices<IJobHandler>()
                .Single(h => h.Kind == ReportRemindersJob.JobKind)
                .RunAsync("daily", CancellationToken.None);
        }

        var userIds = await factory.WithDbAsync(db =>
            db.Users.Where(u => u.Email == email || u.Email == quiet).Select(u => u.Id).ToListAsync()
        );
        var reminders = await factory.WithDbAsync(db =>
            db.Set<Notification>()
                .Where(n => userIds.Contains(n.UserId) && n.Kind == NotificationKinds.ReportDueSoon)
                .ToListAsync()
        );
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, n => Assert.Equal($"due:{report}", n.Key));
        Assert.Equal(
            1,
            await factory.WithDbAsync(db =>
                db.Set<EmailMessage>().CountAsync(m => m.To == email && m.Kind == NotificationKinds.ReportDueSoon)
            )
        );
        Assert.Equal(
            0,
            await factory.WithDbAsync(db =>
                db.Set<EmailMessage>().CountAsync(m => m.To == quiet && m.Kind == NotificationKinds.ReportDueSoon)
            )
        );
        var text = (await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications"))
            .GetProperty("items")
            .EnumerateArray()
            .Single(n => n.GetProperty("kind").GetString() == "ReportDueSoon")
            .GetProperty("text")
            .GetString();
        Assert.Contains($"reikia pateikti iki {LtFormat.Date(today.AddDays(5))}", text);
        // A running project whose reports nobody has listed yet gets its schedule from the job, so it is reminded too.
        var unopened = await TestProjects.CreateAsync(
            factory,
            "Dar neatidarytų ataskaitų projektas",
            organisationId: organisation
        );
        await factory.WithDbAsync(db =>
            db.Projects.Where(p => p.Id == unopened)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.End, today.AddDays(100)))
        );
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.ProjectId == unopened)));
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetServices<IJobHandler>()
                .Single(h => h.Kind == ReportRemindersJob.JobKind)
                .RunAsync("daily", CancellationToken.None);
        Assert.True(await factory.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.ProjectId == unopened)) > 0);
        // The next run waits in the queue for tomorrow morning.
        var next = await factory.WithDbAsync(db =>
            db.Set<Job>()
                .Where(j => j.Kind == ReportRemindersJob.JobKind && j.Status == JobStatus.Queued)
                .Select(j => j.NotBefore)
                .ToListAsync()
        );
        Assert.Single(next);
        Assert.True(next[0] > DateTime.UtcNow, $"The next run is due at {next[0]:u}.");
    }
}
