using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Tests;

/// <summary>Public pages and open data are served from the output cache to visitors who are not signed in, with an
/// ETag; a change evicts them at once; a signed-in user's pages never come from the visitors' cache, and only the
/// project page is kept for them, each user and browser their own copy.</summary>
public sealed class PublicCacheTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>A training of one session of two hours on 2022-05-01.</summary>
    private static async Task<Guid> EventAsync(HttpClient member, Guid project, string topic) =>
        await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new
        {
            kind = "Training", topic, start = "2022-05-01", end = "2022-05-01", sessions = 1, hoursPerSession = 2,
        })).IdOf();

    [Fact]
    public async Task A_visitor_gets_cached_public_pages_with_an_etag_and_a_change_shows_at_once()
    {
        var title = "Talpyklos bandymo projektas";
        var project = await TestProjects.CreateAsync(factory, title);
        var visitor = factory.Browser();
        var first = await visitor.GetAsync("/projects");
        Assert.DoesNotContain(title, await first.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Set-Cookie"), "A public page must not set a cookie: " + first.Headers);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var again = await visitor.GetAsync("/projects");
        Assert.True(again.Headers.Age is not null, "The second visit is served from the cache.");
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/projects");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(conditional)).StatusCode);

        // Publishing changes what the public sees: the cache is evicted by the save.
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = true }))
            .EnsureSuccessStatusCode();
        var after = await visitor.GetAsync("/projects?q=" + Uri.EscapeDataString("talpyklos bandymo"));
        Assert.Contains(title, await after.Content.ReadAsStringAsync());
        Assert.Null(after.Headers.Age);
        Assert.NotEqual(etag, (await visitor.GetAsync("/projects")).Headers.ETag);
    }

    [Fact]
    public async Task Saving_a_projects_attendance_evicts_its_own_page_and_leaves_the_others_until_the_counts_change()
    {
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Talpyklos programa");
        var busy = await TestProjects.CreateAsync(factory, "Užimtas talpyklos projektas", published: true,
            callId: call);
        var other = await TestProjects.CreateAsync(factory, "Kitas talpyklos projektas", published: true);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, busy, "Talpyklos mokymai");
        var person = await (await member.PostAsJsonAsync($"/api/v1/projects/{busy}/participants",
            new { code = "T-1", category = "Volunteer" })).IdOf();
        await factory.CountsRefreshedAsync(programme);
        var visitor = factory.Browser();
        string[] pages = [$"/projects/details/{busy}", $"/projects/details/{other}", "/projects",
            $"/programmes/details/{programme}"];
        foreach (var page in pages) await visitor.GetAsync(page);
        foreach (var page in pages) Assert.True((await visitor.GetAsync(page)).Headers.Age is not null, page);

        (await member.PatchAsJsonAsync($"/api/v1/projects/{busy}/events/{eventId}/attendance",
            new { mark = new[] { new { participantId = person } } })).EnsureSuccessStatusCode();
        // The project's own page shows the change at once; another project's page and the list stay in the cache
        // (NGOs save their records all day: each save emptying the whole cache would leave visitors none).
        var own = await visitor.GetAsync(pages[0]);
        Assert.Null(own.Headers.Age);
        Assert.Contains("Talpyklos mokymai 2022-05-01 – 2022-05-01 1 2 < 5",
            Html.Text(await own.Content.ReadAsStringAsync()));
        Assert.NotNull((await visitor.GetAsync(pages[1])).Headers.Age);
        Assert.NotNull((await visitor.GetAsync(pages[2])).Headers.Age);
        // The programme's page, once its counts are counted again.
        await factory.CountsRefreshedAsync(programme);
        Assert.Null((await visitor.GetAsync(pages[3])).Headers.Age);
    }

    [Fact]
    public async Task Unmarking_everyone_at_once_shows_on_the_projects_page_at_once()
    {
        var project = await TestProjects.CreateAsync(factory, "Atžymėjimo projektas", published: true);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project, "Atžymėjimo mokymai");
        for (var i = 1; i <= 6; i++)
            await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants",
                new { code = $"A-{i}", category = "Volunteer" })).IdOf();
        var bulk = $"/api/v1/projects/{project}/events/{eventId}/attendance/bulk";
        (await member.PostAsJsonAsync(bulk, new { attended = true })).EnsureSuccessStatusCode();
        var visitor = factory.Browser();
        var page = $"/projects/details/{project}";
        const string row = "Atžymėjimo mokymai 2022-05-01 – 2022-05-01 1 2 6";
        Assert.Contains(row, Html.Text(await (await visitor.GetAsync(page)).Content.ReadAsStringAsync()));
        Assert.NotNull((await visitor.GetAsync(page)).Headers.Age);

        // Unmarking deletes the marks in the database, not through tracked records: the stored figures say so.
        (await member.PostAsJsonAsync(bulk, new { attended = false })).EnsureSuccessStatusCode();
        var after = await visitor.GetAsync(page);
        Assert.Null(after.Headers.Age);
        Assert.DoesNotContain(row, Html.Text(await after.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_change_saved_inside_a_transaction_evicts_the_public_pages_when_it_commits()
    {
        var project = await TestProjects.CreateAsync(factory, "Sandorio projektas", published: true);
        var visitor = factory.Browser();
        var page = $"/projects/details/{project}";
        await visitor.GetAsync(page);
        Assert.NotNull((await visitor.GetAsync(page)).Headers.Age);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        async Task ChangeAsync(string source)
        {
            (await db.Projects.SingleAsync(p => p.Id == project)).SetSource(source);
            await db.SaveChangesAsync();
        }
        // Rolled back: nothing changed, the page stays in the cache.
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await ChangeAsync("Atšaukta");
            await rolledBack.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.NotNull((await visitor.GetAsync(page)).Headers.Age);
        // Saved but not committed: a visitor reading now would get (and the cache keep) the page as it was, so the
        // page is evicted when the transaction commits.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ChangeAsync("Patvirtinta");
        Assert.NotNull((await visitor.GetAsync(page)).Headers.Age);
        await transaction.CommitAsync();
        Assert.Null((await visitor.GetAsync(page)).Headers.Age);
    }

    [Fact]
    public async Task A_visitor_who_takes_gzip_gets_the_public_page_compressed_from_the_cache_and_others_get_it_plain()
    {
        var title = "Suspausto puslapio projektas";
        var project = await TestProjects.CreateAsync(factory, title, published: true);
        var visitor = factory.Browser();
        var plain = await visitor.GetAsync($"/projects/details/{project}");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var text = await plain.Content.ReadAsStringAsync();
        Assert.Contains(title, text);

        foreach (var visit in new[] { "first", "cached" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/projects/details/{project}");
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var compressed = await visitor.SendAsync(request);
            Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            if (visit == "cached") Assert.NotNull(compressed.Headers.Age);
            await using var unzipped =
                new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            Assert.Equal(text, await new StreamReader(unzipped).ReadToEndAsync());
            Assert.True(compressed.Content.Headers.ContentLength < text.Length / 2,
                $"{compressed.Content.Headers.ContentLength} bytes compressed against {text.Length} characters");
        }
        Assert.Empty((await visitor.GetAsync($"/projects/details/{project}")).Content.Headers.ContentEncoding);

        // A signed-in user's pages (personal, never cached) are not compressed.
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var own = new HttpRequestMessage(HttpMethod.Get, "/");
        own.Headers.AcceptEncoding.ParseAdd("gzip");
        Assert.Empty((await member.SendAsync(own)).Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_signed_in_user_never_gets_a_cached_page_but_the_project_page()
    {
        var visitor = factory.Browser();
        await visitor.GetAsync("/");
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        await member.GetAsync("/");
        var home = await member.GetAsync("/");
        Assert.Null(home.Headers.Age);
        Assert.Contains(TalkaFactory.MemberB, await home.Content.ReadAsStringAsync());
        Assert.DoesNotContain(TalkaFactory.MemberB, await (await visitor.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_gets_their_own_copy_of_the_project_page_which_a_change_or_a_lost_membership_ends()
    {
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Asmeninės talpyklos“");
        var project = await TestProjects.CreateAsync(factory, "Asmeninės talpyklos projektas", published: true,
            organisationId: organisation);
        // What only those who read the project's records see (a visitor, or a member of another organisation, sees
        // its public page).
        var records = $"href=\"/projects/{project}/participants\"";
        var manager = await TestAccounts.InvitedMemberAsync(factory, organisation, TestAccounts.Address("vadove"),
            manager: true);
        var email = TestAccounts.Address("narys");
        var api = await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var page = $"/projects/details/{project}";
        var first = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        var again = await browser.GetAsync(page);
        Assert.NotNull(again.Headers.Age);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Equal(await first.Content.ReadAsStringAsync(), html);
        Assert.Contains(email, html);
        Assert.Contains(records, html);
        Assert.Contains("no-store", again.Headers.CacheControl?.ToString());

        // Nobody else is served that copy: the funder gets their own page, a member of another organisation the
        // public one.
        var funder = await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, funder.StatusCode);
        Assert.Null(funder.Headers.Age);
        Assert.DoesNotContain(email, await funder.Content.ReadAsStringAsync());
        var stranger = await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetAsync(page);
        var strangers = await stranger.Content.ReadAsStringAsync();
        Assert.Null(stranger.Headers.Age);
        Assert.DoesNotContain(email, strangers);
        Assert.DoesNotContain(records, strangers);
        Assert.Contains(TalkaFactory.MemberB, strangers);

        // A change to the project's records shows at the member's next request.
        var topic = "Asmeninės talpyklos mokymai";
        await EventAsync(api, project, topic);
        var changed = await browser.GetAsync(page);
        Assert.Null(changed.Headers.Age);
        Assert.Contains(topic, await changed.Content.ReadAsStringAsync());

        // The cached copy's forms work: its antiforgery token is this browser's (the sign-out form in the header).
        var cached = await browser.GetAsync(page);
        Assert.NotNull(cached.Headers.Age);
        var token = Html.Token(await cached.Content.ReadAsStringAsync());
        var signOut = await browser.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain(records, await browser.GetStringAsync(page));

        // Signed in again and removed from the organisation: the copy is not served, the page is refused.
        browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        await browser.GetAsync(page);
        Assert.NotNull((await browser.GetAsync(page)).Headers.Age);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id)
            .SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent,
            (await manager.DeleteAsync($"/api/v1/organisations/{organisation}/members/{userId}")).StatusCode);
        var removed = await browser.GetAsync(page);
        Assert.Null(removed.Headers.Age);
        Assert.DoesNotContain(records, await removed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_shown_once_after_a_save_is_not_lost_to_a_cached_project_page()
    {
        var project = await TestProjects.CreateAsync(factory, "Pranešimo po išsaugojimo projektas");
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var page = $"/projects/details/{project}";
        await admin.GetAsync(page);
        var cached = await admin.GetAsync(page);
        Assert.NotNull(cached.Headers.Age);
        var published = await admin.PostAsync($"{page}?handler=Publish", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["published"] = "true",
                ["__RequestVerificationToken"] = Html.Token(await cached.Content.ReadAsStringAsync()),
            }));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var shown = await admin.GetAsync(page);
        Assert.Contains("Projektas paskelbtas viešai.", await shown.Content.ReadAsStringAsync());
        var next = await admin.GetAsync(page);
        Assert.DoesNotContain("Projektas paskelbtas viešai.", await next.Content.ReadAsStringAsync());
    }
}
