using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Reports;

namespace Talka.Web.Tests;

/// <summary>Each role's home page: the NGO member's projects with what is due and missing, the funder's counts that
/// link to the filtered queue, and the same counts in the queue.</summary>
public sealed class HomePageTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_member_sees_their_project_with_its_next_report_and_what_is_missing()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Namų puslapio“");
        var project = await TestProjects.CreateAsync(factory, "Namų puslapio projektas", organisationId: organisation);
        var email = TestAccounts.Address("namai");
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports"))
            .EnumerateArray()
            .First()
            .GetProperty("id")
            .GetGuid();
        var due = await factory.WithDbAsync(db =>
            db.Set<Report>()
                .Where(r => r.ProjectId == project && r.Status == ReportStatus.Draft)
                .OrderBy(r => r.Due)
                .Select(r => r.Due)
                .FirstAsync()
        );

        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var home = await browser.GetStringAsync("/");
        var text = Html.Text(home);
        Assert.Contains("Namų puslapio projektas", text);
        Assert.Contains($"Kita ataskaita – iki {LtFormat.LongDate(due)}", text);
        Assert.Contains("Trūksta biudžeto", text);
        Assert.Contains($"/projects/{project}/reports/{report}", home);
        Assert.DoesNotContain("Ataskaitų darbo eilė", text);
    }

    [Fact]
    public async Task The_funder_sees_counts_that_match_the_filtered_queue_they_link_to()
    {
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var home = await admin.GetStringAsync("/");
        Assert.Contains("Ataskaitų darbo eilė", Html.Text(home));
        Assert.Contains("Terminai per 60 dienų", Html.Text(home));
        var api = await factory.ApiAsAsync(TalkaFactory.Admin);
        foreach (var filter in new[] { "review", "overdue", "soon", "returned" })
        {
            var count = System.Text.RegularExpressions.Regex.Match(
                home,
                $"href=\"/reports\\?filter={filter}\"><strong>(\\d+)</strong>"
            );
            Assert.True(count.Success, $"No count for {filter}.");
            var queue = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/queue?filter={filter}");
            Assert.Equal(int.Parse(count.Groups[1].Value), queue.GetProperty("total").GetInt32());
        }
        var bad = await api.GetAsync("/api/v1/reports/queue?filter=visos");
        Assert.Contains("review, overdue, soon, returned", await bad.FieldErrorAsync("filter"));
    }

    [Fact]
    public async Task A_visitors_figures_count_published_projects_only()
    {
        async Task<decimal> FundsAsync()
        {
            var page = await factory.Browser().GetStringAsync("/");
            var match = System.Text.RegularExpressions.Regex.Match(page, "<strong>([^<]+)</strong> skirta lėšų");
            Assert.True(match.Success, "No funds figure on the visitor's home page.");
            var figure = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Replace("€", "").Trim();
            Assert.True(LtFormat.TryParseAmount(figure, out var amount), figure);
            return amount;
        }
        var before = await FundsAsync();
        await TestProjects.CreateAsync(factory, "Paskelbtas namų projektas", granted: 12_345.67m, published: true);
        await TestProjects.CreateAsync(factory, "Neskelbiamas namų projektas", granted: 50_000m);
        Assert.Equal(before + 12_345.67m, await FundsAsync());
        var text = Html.Text(await factory.Browser().GetStringAsync("/"));
        Assert.Contains("Skirtingi pasiekti asmenys pagal programą", text);
        Assert.DoesNotContain("Neskelbiamas namų projektas", text);
    }

    [Fact]
    public async Task An_evaluator_without_assignments_is_told_so_and_a_visitor_sees_the_public_cards()
    {
        var email = TestAccounts.Address("vertintojas");
        await TestAccounts.InvitedAsync(factory, email, "Evaluator");
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var evaluator = Html.Text(await browser.GetStringAsync("/"));
        Assert.Contains("Vertintojui Šiuo metu vertinti nėra ko.", evaluator);
        var visitor = Html.Text(await factory.Browser().GetStringAsync("/"));
        Assert.Contains("Visuomenei", visitor);
        Assert.DoesNotContain("Ataskaitų darbo eilė", visitor);
    }

    [Fact]
    public async Task A_person_reached_by_two_programmes_counts_once_in_the_visitors_national_figure()
    {
        async Task<int> ReachedAsync()
        {
            var page = await factory.Browser().GetStringAsync("/");
            var match = System.Text.RegularExpressions.Regex.Match(
                page,
                "<strong>([^<]+)</strong> skirtingų asmenų pasiekta"
            );
            Assert.True(match.Success, "No national figure of persons on the visitor's home page.");
            var figure = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Replace(" ", "").Replace("\u00a0", "");
            return figure == "<5" ? 0 : int.Parse(figure, System.Globalization.CultureInfo.InvariantCulture);
        }
        // From national figures counted after the changes before this test, not ones still waiting for their count.
        await factory.CountsRefreshedAsync(Features.Delivery.ProgrammeFigures.AllProgrammes);
        var before = await ReachedAsync();
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var body = await factory.WithDbAsync(db => db.FundingBodies.Select(f => f.Id).FirstAsync());
        var programme = await (
            await admin.PostAsJsonAsync(
                "/api/v1/programmes",
                new { fundingBodyId = body, title = "Antra namų programa" }
            )
        ).IdOf();
        var call = await (
            await admin.PostAsJsonAsync(
                "/api/v1/calls",
                new
                {
                    programmeId = programme,
                    fundingBodyId = body,
                    title = "2023 m. antras konkursas",
                    year = 2023,
                    legalActNumber = "A1-200",
                    legalActDate = "2022-11-01",
                    legalActTitle = "Dėl nuostatų",
                    totalBudget = 100_000,
                    minGrant = 5_000,
                    maxGrant = 20_000,
                    projectPeriodStart = "2023-01-01",
                    projectPeriodEnd = "2023-12-31",
                    fundingSource = "StateBudget",
                }
            )
        ).IdOf();
        var first = await TestProjects.CreateAsync(factory, "Pirmos programos namų projektas", published: true);
        var organisation = await factory.WithDbAsync(db =>
            db.Projects.Where(p => p.Id == first).Select(p => p.OrganisationId).SingleAsync()
        );
        var second = await (
            await admin.PostAsJsonAsync(
                "/api/v1/projects",
                new
                {
                    callId = call,
                    organisationId = organisation,
                    title = "Antros programos namų projektas",
                    start = "2023-01-01",
                    end = "2023-12-31",
                }
            )
        ).IdOf();
        (
            await admin.PutAsJsonAsync($"/api/v1/projects/{second}/published", new { published = true })
        ).EnsureSuccessStatusCode();
        // The same six people take part in both projects.
        var people = Enumerable.Range(1, 6).Select(i => $"asmuo{i}-{Guid.NewGuid():N}@namai.lt").ToList();
        foreach (var project in new[] { first, second })
        {
            var marks = new List<object>();
            for (var i = 0; i < people.Count; i++)
                marks.Add(
                    new
                    {
                        participantId = await (
                            await admin.PostAsJsonAsync(
                                $"/api/v1/projects/{project}/participants",
                                new
                                {
                                    code = $"N-{i + 1}",
                                    category = "TargetGroupMember",
                                    personalIdentifier = people[i],
                                }
                            )
                        ).IdOf(),
                    }
                );
            var day = project == first ? "2022-03-01" : "2023-03-01";
            var meeting = await (
                await admin.PostAsJsonAsync(
                    $"/api/v1/projects/{project}/events",
                    new
                    {
                        kind = "Training",
                        topic = "Susitikimas",
                        start = day,
                        end = day,
                        sessions = 1,
                        hoursPerSession = 2,
                        hourUnit = "Academic",
                    }
                )
            ).IdOf();
            (await admin.PutAttendanceAsync(project, meeting, marks)).EnsureSuccessStatusCode();
        }

        // The national figure is counted again a while after the changes (Talka:Figures:NationalRefreshSeconds).
        var reached = await ReachedAsync();
        for (var i = 0; i < 200 && reached != before + 6; i++)
        {
            await Task.Delay(100);
            reached = await ReachedAsync();
        }
        Assert.Equal(before + 6, reached);
        // Each programme's line counts them within the programme: the new programme's six are also in the other's.
        await factory.CountsRefreshedAsync(programme);
        var reach = await (await factory.ApiAsAsync(null)).GetFromJsonAsync<JsonElement>(
            $"/api/v1/programmes/{programme}/reach"
        );
        Assert.Equal(6, reach.GetProperty("distinctPersons").GetInt32());
        Assert.Contains("Antra namų programa", Html.Text(await factory.Browser().GetStringAsync("/")));
    }

    [Fact]
    public async Task An_auditor_sees_the_projects_and_reports_they_read_and_the_latest_changes()
    {
        var auditor = await factory.BrowserAsAsync(TalkaFactory.Auditor);
        var projects = await factory.WithDbAsync(db => db.Projects.CountAsync());
        var title = "Auditoriaus namų projektas " + Guid.NewGuid().ToString("N")[..6];
        await TestProjects.CreateAsync(factory, title);
        var page = Html.Text(await auditor.GetStringAsync("/"));
        Assert.Contains(LtPlural.Count(projects + 1, "projektas|projektai|projektų"), page);
        var latest = page[page.IndexOf("Naujausi pakeitimai", StringComparison.Ordinal)..];
        Assert.Contains(title, latest);
        Assert.Contains(TalkaFactory.Admin, latest);
    }

    [Fact]
    public async Task The_browser_tab_shows_talkas_icon()
    {
        var visitor = factory.Browser();
        var icon = await visitor.GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        // An icon directory holding one 32 × 32 PNG.
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0, 32, 32 }, bytes[..8]);
        Assert.Equal("image/svg+xml", (await visitor.GetAsync("/favicon.svg")).Content.Headers.ContentType?.MediaType);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\"", await visitor.GetStringAsync("/"));
    }
}
