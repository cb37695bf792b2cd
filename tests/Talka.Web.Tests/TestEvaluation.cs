using System.Net.Http.Json;
using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Web.Tests;

/// <summary>Builds what the evaluation tests need through the API, as the funder, the NGOs and the experts would: a
/// call with criteria (A up to 60 points, B up to 40: 100 in all), eligible applications, experts.</summary>
public static class TestEvaluation
{
    /// <summary>A call open now (540 000 €, grants 3 000–25 000 €) with two criteria, the divergence threshold 30 %
    /// and the minimum score 50.</summary>
    public static async Task<Guid> CallAsync(HttpClient admin, bool partial = false)
    {
        var now = LtFormat.VilniusTime(DateTime.UtcNow);
        var call = await TestApplications.CallAsync(admin, now.AddDays(-1), now.AddDays(10));
        (
            await admin.PutAsJsonAsync(
                $"/api/v1/calls/{call}/criteria",
                new
                {
                    criteria = new[]
                    {
                        new
                        {
                            code = "A",
                            title = "Projekto tikslų aktualumas",
                            maxPoints = 60,
                            weight = 1,
                        },
                        new
                        {
                            code = "B",
                            title = "Veiklų ir biudžeto pagrįstumas",
                            maxPoints = 40,
                            weight = 1,
                        },
                    },
                    councilDecisionNumber = "D5-79",
                    councilDecisionDate = "2026-06-07",
                    settings = new
                    {
                        minimumScore = 50,
                        tieBreakCriterion = "A",
                        partialFunding = partial,
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        return call;
    }

    /// <summary>A new organisation whose new member applies for <paramref name="requested"/> and passes the formal
    /// check; returns the application, the organisation and the member.</summary>
    public static async Task<(Guid Application, Guid Organisation, HttpClient Member)> EligibleAsync(
        TalkaFactory factory,
        HttpClient admin,
        Guid call,
        decimal requested
    )
    {
        var organisation = await TestAccounts.OrganisationAsync(
            factory,
            $"Bendruomenė „Vertinama“ {Guid.NewGuid().ToString("N")[..6]}"
        );
        var member = await TestAccounts.InvitedMemberAsync(factory, organisation, TestAccounts.Address("nvo"));
        var id = await TestApplications.DraftAsync(member, call, organisation, TestApplications.Content(requested));
        (await member.PostAsync($"/api/v1/applications/{id}/submit", null)).EnsureSuccessStatusCode();
        (
            await admin.PutAsJsonAsync(
                $"/api/v1/applications/{id}/formal-check",
                new { marks = Array.Empty<object>(), decide = true }
            )
        ).EnsureSuccessStatusCode();
        return (id, organisation, member);
    }

    /// <summary>A new evaluator: their client and account id.</summary>
    public static async Task<(HttpClient Client, string Id, string Email)> ExpertAsync(TalkaFactory factory)
    {
        var email = TestAccounts.Address("ekspertas");
        var client = await TestAccounts.InvitedAsync(factory, email, "Evaluator");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?search=" + Uri.EscapeDataString(email));
        return (client, page.GetProperty("items")[0].GetProperty("id").GetString()!, email);
    }

    public static async Task<Guid> AssignAsync(HttpClient admin, Guid call, Guid application, string evaluator)
    {
        var response = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/assignments",
            new { applicationId = application, evaluatorId = evaluator }
        );
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids")[0].GetGuid();
    }

    /// <summary>The expert declares no conflict, scores A and B with justifications and submits; returns the
    /// response of the submission.</summary>
    public static async Task<HttpResponseMessage> ScoreAsync(HttpClient expert, Guid assignment, decimal a, decimal b)
    {
        (
            await expert.PostAsJsonAsync($"/api/v1/assignments/{assignment}/declaration", new { conflict = false })
        ).EnsureSuccessStatusCode();
        return await SubmitAsync(expert, assignment, a, b);
    }

    /// <summary>A declared expert saves A and B with justifications over the draft's version and submits; returns the
    /// response of the submission.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient expert, Guid assignment, decimal a, decimal b)
    {
        var version = (await expert.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/{assignment}"))
            .GetProperty("version")
            .GetInt32();
        (
            await expert.PutAsJsonAsync(
                $"/api/v1/assignments/{assignment}/scores",
                new
                {
                    version,
                    scores = new[]
                    {
                        new
                        {
                            code = "A",
                            points = a,
                            justification = "Tikslai atitinka kvietimo prioritetus.",
                        },
                        new
                        {
                            code = "B",
                            points = b,
                            justification = "Biudžetas pagrįstas veiklomis.",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        return await expert.PostAsync($"/api/v1/assignments/{assignment}/submit", null);
    }

    /// <summary>Two new experts assigned to the application score it with the totals given (A carries up to
    /// 60).</summary>
    public static async Task EvaluatedAsync(
        TalkaFactory factory,
        HttpClient admin,
        Guid call,
        Guid application,
        decimal first,
        decimal second
    )
    {
        foreach (var total in new[] { first, second })
        {
            var (expert, id, _) = await ExpertAsync(factory);
            var assignment = await AssignAsync(admin, call, application, id);
            var a = Math.Min(60, total);
            (await ScoreAsync(expert, assignment, a, total - a)).EnsureSuccessStatusCode();
        }
    }
}
