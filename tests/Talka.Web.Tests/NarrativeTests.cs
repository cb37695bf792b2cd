using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Reading a text's figures without an account: the API and the page give the same facts, each with its
/// kind, value, place and sentence; a text too long is refused with a message.</summary>
public sealed class NarrativeTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private const string Text =
        "Įvyko seminarai (5 vnt. po 6 ak. val., viso 30 ak. val.). Viso projekto veiklose dalyvavo 209 asm. "
        + "Projekto įgyvendinimui panaudotų lėšų suma – 47511.61 Eur.";

    [Fact]
    public async Task Anyone_reads_the_figures_a_text_states_and_a_text_too_long_is_refused()
    {
        var visitor = await factory.ApiAsAsync(null);
        var response = await visitor.PostAsJsonAsync("/api/v1/narrative/facts", new { text = Text });
        var facts = (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("facts")
            .EnumerateArray()
            .ToList();
        Assert.Equal(
            ["Sessions", "AcademicHours", "Persons", "Money"],
            facts.Select(f => f.GetProperty("kind").GetString())
        );
        Assert.Equal(6m, facts[0].GetProperty("perSession").GetDecimal());
        Assert.Equal(30m, facts[0].GetProperty("sessionHours").GetDecimal());
        var persons = facts[2];
        Assert.Equal(209m, persons.GetProperty("value").GetDecimal());
        Assert.True(persons.GetProperty("total").GetBoolean());
        Assert.Equal(
            "209 asm.",
            Text.Substring(persons.GetProperty("start").GetInt32(), persons.GetProperty("length").GetInt32())
        );
        Assert.Equal(47_511.61m, facts[3].GetProperty("value").GetDecimal());

        var tooLong = await visitor.PostAsJsonAsync("/api/v1/narrative/facts", new { text = new string('a', 50_001) });
        Assert.Equal(
            "Tekstas per ilgas: ne daugiau kaip 50 000 ženklų.",
            (await tooLong.FieldErrorAsync("Text")).Replace('\u00a0', ' ').Replace('\u202f', ' ')
        );

        var browser = factory.Browser();
        var form = await browser.GetStringAsync("/narrative");
        var page = await browser.PostAsync(
            "/narrative",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(form), ["Text"] = Text }
            )
        );
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Rasta: 4 teiginiai su skaičiais", Html.Text(html).Replace('\u00a0', ' '));
        Assert.Contains("<mark title=\"Asmenys: 209\">209 asm.</mark>", html);
    }

    [Fact]
    public async Task A_text_is_checked_against_the_projects_records_and_a_claim_above_them_shows_both_values()
    {
        var project = await TestProjects.CreateAsync(factory, "Tekstų tikrinimo projektas");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        async Task<Guid> Post(string path, object body) =>
            await (await admin.PostAsJsonAsync($"/api/v1/projects/{project}/{path}", body)).IdOf();
        var seminar = await Post(
            "events",
            new
            {
                kind = "Seminar",
                topic = "Seminarai savanoriams",
                start = "2022-03-01",
                end = "2022-03-08",
                sessions = 2,
                hoursPerSession = 3,
                hourUnit = "Academic",
            }
        );
        var ona = await Post(
            "participants",
            new
            {
                code = "1",
                displayName = "Ona",
                category = "Volunteer",
                consent = true,
            }
        );
        var jonas = await Post(
            "participants",
            new
            {
                code = "2",
                displayName = "Jonas",
                category = "Volunteer",
                consent = true,
            }
        );
        (
            await admin.PutAttendanceAsync(
                project,
                seminar,
                new object[]
                {
                    new { participantId = ona, academicHours = (decimal?)null },
                    new { participantId = jonas, academicHours = (decimal?)null },
                }
            )
        ).EnsureSuccessStatusCode();
        var number = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}"))
            .GetProperty("agreement")
            .GetProperty("number")
            .GetString();

        var response = await admin.PostAsJsonAsync(
            $"/api/v1/projects/{project}/narrative-check",
            new
            {
                text = $"Įvyko 2 seminarai, kuriuose dalyvavo 2 asmenys. Viso projekto veiklose dalyvavo 3 asm. "
                    + $"Sutartis Nr. {number} įvykdyta.",
            }
        );
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("checks")
            .EnumerateArray()
            .ToList();
        Assert.Equal(
            ["Agrees", "Agrees", "Differs", "Agrees"],
            checks.Select(c => c.GetProperty("verdict").GetString())
        );
        Assert.Equal("Headcount", checks[1].GetProperty("source").GetString());
        var claim = checks[2];
        Assert.Equal(
            (3m, 2m, "DistinctParticipants"),
            (
                claim.GetProperty("fact").GetProperty("value").GetDecimal(),
                claim.GetProperty("recorded").GetDecimal(),
                claim.GetProperty("source").GetString()
            )
        );
        // Only those who may read the project's records check a text against them.
        var stranger = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await stranger.PostAsJsonAsync($"/api/v1/projects/{project}/narrative-check", new { text = "2 asm." })
            ).StatusCode
        );
    }

    [Fact]
    public async Task A_report_narrative_claiming_more_participants_than_its_activity_recorded_warns_and_is_explained()
    {
        var id = await TestProjects.CreateAsync(factory, "Pasakojimas su skaičiais");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var plan = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (
            await member.PutAsJsonAsync(
                $"/api/v1/projects/{id}/plan",
                new
                {
                    version = plan.GetProperty("version").GetInt32(),
                    title = "Pasakojimas su skaičiais",
                    objectives = new[] { new { text = "Stiprinti šeimas" } },
                    activities = new[]
                    {
                        new
                        {
                            objectiveNumber = 1,
                            kind = "Training",
                            title = "Mokymai tėvams",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "Activity")
            .GetProperty("id")
            .GetGuid();
        var view = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
        var content = view.GetProperty("content");
        var activity = content.GetProperty("narratives")[0].GetProperty("activityId").GetGuid();
        // Two persons attend the activity's training within the report's period.
        var day = content.GetProperty("periodStart").GetString();
        async Task<Guid> Post(string path, object body) =>
            await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/{path}", body)).IdOf();
        var training = await Post(
            "events",
            new
            {
                activityId = activity,
                kind = "Training",
                topic = "Mokymai tėvams",
                start = day,
                end = day,
                sessions = 1,
                hoursPerSession = 4,
                hourUnit = "Academic",
            }
        );
        var people = new List<Guid>();
        foreach (var code in new[] { "T1", "T2" })
            people.Add(
                await Post(
                    "participants",
                    new
                    {
                        code,
                        displayName = "Tėvas " + code,
                        category = "Other",
                        consent = true,
                    }
                )
            );
        (
            await member.PutAttendanceAsync(
                id,
                training,
                people.Select(p => (object)new { participantId = p, academicHours = (decimal?)null }).ToArray()
            )
        ).EnsureSuccessStatusCode();
        async Task SaveAsync(object narratives)
        {
            var current = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
            var body = JsonSerializer.SerializeToElement(narratives);
            var withVersion = new Dictionary<string, object?>
            {
                ["version"] = current.GetProperty("version").GetInt32(),
            };
            foreach (var p in body.EnumerateObject())
                withVersion[p.Name] = p.Value;
            (
                await member.PutAsJsonAsync($"/api/v1/projects/{id}/reports/{report}/narratives", withVersion)
            ).EnsureSuccessStatusCode();
        }
        // The section is the activity's: its figure is compared with the activity's records.
        await SaveAsync(
            new { narratives = new Dictionary<Guid, string> { [activity] = "Mokymuose dalyvavo 3 dalyviai." } }
        );

        const string warning =
            "Mokymai tėvams Tekste „3 dalyviai“, įrašuose 2. "
            + "Skirtingi asmenys, dalyvavę veiklos „Mokymai tėvams“ renginiuose";
        var page = await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync(
            $"/projects/{id}/reports/{report}"
        );
        Assert.Contains("Tekstas ir įrašai nesutampa " + warning, Html.Text(page));
        // The organisation is offered to explain, and the source links to the activity's events.
        Assert.Contains($"name=\"Explanations[{activity}]\"", page);
        Assert.Contains($"href=\"/projects/{id}/events?activity={activity}\"", page);
        Assert.Contains(warning + " Skirtumą galite paaiškinti prie aprašymo žemiau.", Html.Text(page));
        var auditor = await factory.BrowserAsAsync(TalkaFactory.Auditor);
        var unexplained = Html.Text(await auditor.GetStringAsync($"/projects/{id}/reports/{report}"));
        Assert.Contains(warning + " Organizacija skirtumo nepaaiškino.", unexplained);
        var funder = await factory.BrowserAsAsync(TalkaFactory.Admin);

        await SaveAsync(
            new
            {
                narratives = new Dictionary<Guid, string> { [activity] = "Mokymuose dalyvavo 3 dalyviai." },
                explanations = new Dictionary<Guid, string>
                {
                    [activity] = "Trečias dalyvis užregistruotas popieriuje.",
                },
            }
        );
        var explained = Html.Text(await funder.GetStringAsync($"/projects/{id}/reports/{report}"));
        Assert.Contains(warning + " Organizacijos paaiškinimas: Trečias dalyvis užregistruotas popieriuje.", explained);
        // The activity's events, filtered, list the training the figure counts.
        Assert.Contains(
            "Mokymai tėvams",
            Html.Text(await funder.GetStringAsync($"/projects/{id}/events?activity={activity}"))
        );

        // An explanation longer than allowed is refused, naming it.
        var current = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}");
        var tooLong = await member.PutAsJsonAsync(
            $"/api/v1/projects/{id}/reports/{report}/narratives",
            new
            {
                version = current.GetProperty("version").GetInt32(),
                explanations = new Dictionary<Guid, string> { [activity] = new string('x', 2001) },
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotEmpty(await tooLong.FieldErrorAsync("Explanations"));
    }
}
