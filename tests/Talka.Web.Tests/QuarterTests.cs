using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Quarterly figures follow the sessions: a series counts in the quarters its sessions fall in.</summary>
public sealed class QuarterTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static Dictionary<string, decimal> Quarters(JsonElement indicators, string metric) =>
        indicators
            .GetProperty("figures")
            .EnumerateArray()
            .Single(f => f.GetProperty("metric").GetString() == metric)
            .GetProperty("parts")
            .EnumerateArray()
            .Where(p => p.GetProperty("dimension").GetString() == "Quarter")
            .ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("value").GetDecimal());

    [Fact]
    public async Task Six_sessions_dated_in_two_quarters_give_each_quarter_its_sessions_hours_and_persons()
    {
        var id = await TestProjects.CreateAsync(factory, "Ketvirčiai pagal datas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var series = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/events",
                new
                {
                    kind = "Training",
                    topic = "Pozityvios tėvystės ciklas",
                    start = "2022-03-01",
                    end = "2022-05-17",
                    sessions = 6,
                    hoursPerSession = 3,
                    sessionDates = new[]
                    {
                        "2022-03-01",
                        "2022-03-08",
                        "2022-03-22",
                        "2022-04-05",
                        "2022-05-03",
                        "2022-05-17",
                    },
                }
            )
        ).IdOf();
        var a = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/participants",
                new { code = "Q-1", category = "TargetGroupMember" }
            )
        ).IdOf();
        var b = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/participants",
                new { code = "Q-2", category = "TargetGroupMember" }
            )
        ).IdOf();
        (
            await member.PutAttendanceAsync(id, series, new[] { new { participantId = a }, new { participantId = b } })
        ).EnsureSuccessStatusCode();

        var indicators = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/indicators");
        Assert.Equal(
            new Dictionary<string, decimal> { ["2022Q1"] = 3, ["2022Q2"] = 3 },
            Quarters(indicators, "Sessions")
        );
        Assert.Equal(
            new Dictionary<string, decimal> { ["2022Q1"] = 9, ["2022Q2"] = 9 },
            Quarters(indicators, "AcademicHours")
        );
        Assert.Equal(
            new Dictionary<string, decimal> { ["2022Q1"] = 2, ["2022Q2"] = 2 },
            Quarters(indicators, "DistinctParticipants")
        );

        // The participants register filtered to a quarter lists those who attended in it.
        var page = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync(
                $"/projects/{id}/participants?quarter=2022Q1"
            )
        );
        Assert.Contains("Q-1", page);
        Assert.Contains("Q-2", page);
        var later = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync(
                $"/projects/{id}/participants?quarter=2022Q3"
            )
        );
        Assert.DoesNotContain("Q-1", later);
    }

    [Fact]
    public async Task A_year_long_series_without_dates_spreads_evenly_and_the_page_says_how()
    {
        var id = await TestProjects.CreateAsync(factory, "Metų serija");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/events",
                new
                {
                    kind = "Seminar",
                    topic = "Mėnesio seminarai",
                    start = "2022-01-15",
                    end = "2022-12-15",
                    sessions = 12,
                    hoursPerSession = 2,
                }
            )
        ).EnsureSuccessStatusCode();
        var indicators = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/indicators");
        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["2022Q1"] = 3,
                ["2022Q2"] = 3,
                ["2022Q3"] = 3,
                ["2022Q4"] = 3,
            },
            Quarters(indicators, "Sessions")
        );
        var page = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{id}/indicators")
        );
        Assert.Contains("tolygiai per serijos laikotarpį", page);
        Assert.Contains("2022 m. III ketv.", page);

        // Dates that do not match the sessions are refused with a message on the field.
        var refused = await member.PostAsJsonAsync(
            $"/api/v1/projects/{id}/events",
            new
            {
                kind = "Seminar",
                topic = "Neteisingos datos",
                start = "2022-01-15",
                end = "2022-02-15",
                sessions = 3,
                hoursPerSession = 2,
                sessionDates = new[] { "2022-01-15", "2022-03-01" },
            }
        );
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(
            "po vieną datą kiekvienam užsiėmimui",
            (await refused.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("errors")
                .GetProperty("SessionDates")[0]
                .GetString()
        );
    }

    [Fact]
    public async Task A_half_year_activity_report_counts_the_sessions_of_a_series_held_in_that_half()
    {
        var id = await TestProjects.CreateAsync(factory, "Pusmečio serija");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/events",
                new
                {
                    kind = "Seminar",
                    topic = "Metų seminarai",
                    start = "2022-01-15",
                    end = "2022-12-15",
                    sessions = 12,
                    hoursPerSession = 2,
                }
            )
        ).EnsureSuccessStatusCode();
        var activity = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "Activity");
        Assert.Equal("2022-06-30", activity.GetProperty("periodEnd").GetString());
        var report = await member.GetFromJsonAsync<JsonElement>(
            $"/api/v1/projects/{id}/reports/{activity.GetProperty("id").GetGuid()}"
        );
        var content = report.GetProperty("content");
        decimal Figure(string metric) =>
            content
                .GetProperty("figures")
                .EnumerateArray()
                .Single(f => f.GetProperty("metric").GetString() == metric)
                .GetProperty("value")
                .GetDecimal();
        Assert.Equal(6m, Figure("Sessions"));
        Assert.Equal(12m, Figure("AcademicHours"));
        var line = Assert.Single(content.GetProperty("events").EnumerateArray());
        Assert.Equal(6, line.GetProperty("sessions").GetInt32());
        Assert.Equal(12m, line.GetProperty("academicHours").GetDecimal());
    }
}
