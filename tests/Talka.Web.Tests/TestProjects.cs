using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Builds a project of Šeimos santykių institutas (member B) under a 2022 call, through the API as the funder
/// would.</summary>
public static class TestProjects
{
    public const string Organisation = "Šeimos santykių institutas";

    /// <param name="organisationId">Another organisation than Šeimos santykių institutas, for tests that must leave its
    /// projects alone.</param>
    /// <param name="callId">A 2022 call of the test's own (by default the first 2022 call).</param>
    public static async Task<Guid> CreateAsync(TalkaFactory factory, string title, decimal? granted = 50_000m, bool published = false,
        Guid? organisationId = null, Guid? callId = null)
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = callId ?? (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = organisationId
            ?? await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == Organisation).Select(o => o.Id).SingleAsync());
        var created = await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title, start = "2022-01-01", end = "2022-12-31" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (granted is { } amount)
            (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/agreement",
                new
                {
                    number = $"T-{id.ToString("N")[^12..]}", periodStart = "2022-01-01", periodEnd = "2022-12-31", grantedAmount = amount,
                    funding = new[] { new { source = "StateBudget", amount } },
                })).EnsureSuccessStatusCode();
        if (published) (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/published", new { published = true })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A programme of the test's own with one 2022 call: its projects' public figures touch no other
    /// test's programme.</summary>
    /// <returns>The call's id; its programme's id.</returns>
    public static async Task<(Guid Call, Guid Programme)> OwnCallAsync(TalkaFactory factory, string programmeTitle)
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var fundingBody = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes"))[0].GetProperty("fundingBodyId").GetGuid();
        var programme = await (await admin.PostAsJsonAsync("/api/v1/programmes",
            new { fundingBodyId = fundingBody, title = programmeTitle, description = "Bandomoji programa." })).IdOf();
        var call = await (await admin.PostAsJsonAsync("/api/v1/calls", new
        {
            programmeId = programme, fundingBodyId = fundingBody, title = programmeTitle + ": kvietimas", year = 2022,
            legalActNumber = "A1-1", legalActDate = "2021-12-01", legalActTitle = "Dėl kvietimo", totalBudget = 1_000_000,
            projectPeriodStart = "2022-01-01", projectPeriodEnd = "2022-12-31", fundingSource = "StateBudget",
        })).IdOf();
        return (call, programme);
    }

    public static async Task<Guid> IdOf(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
