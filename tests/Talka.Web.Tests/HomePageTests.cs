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
    public async Task An_evaluator_is_told_assignments_come_with_selection_and_a_visitor_sees_the_public_cards()
    {
        var evaluator = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Evaluator)).GetStringAsync("/"));
        Assert.Contains("Vertintojui", evaluator);
        var visitor = Html.Text(await factory.Browser().GetStringAsync("/"));
        Assert.Contains("Visuomenei", visitor);
        Assert.DoesNotContain("Ataskaitų darbo eilė", visitor);
    }
}
