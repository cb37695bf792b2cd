using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>
/// Requests that race for the same unique value, sent at once: each ends well (a number allocated after a retry, or a
/// field error in Lithuanian), never a 500. Run on PostgreSQL by the test command, where the race is real.
/// </summary>
public sealed class ConcurrencyTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private const int Racers = 8;

    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Racers).Select(async i => { await start.WaitAsync(); return await send(i); }).ToList();
        start.Release(Racers);
        return await Task.WhenAll(tasks);
    }

    private static async Task AssertOneWinsAndTheRestGetAFieldErrorAsync(HttpResponseMessage[] responses, HttpStatusCode success, string field, string message)
    {
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == success);
        foreach (var refused in responses.Where(r => r.StatusCode != success))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith(message, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task Events_created_at_once_all_get_a_number_and_no_two_the_same()
    {
        var id = await TestProjects.CreateAsync(factory, "Lygiagretūs renginiai");
        var members = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => factory.ApiAsAsync(TalkaFactory.MemberB)));
        var responses = await AtOnceAsync(i => members[i].PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Training", topic = $"Mokymai {i}", start = "2022-03-01", end = "2022-03-01", sessions = 1, hoursPerSession = 2 }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await factory.WithDbAsync(db => db.Set<Event>().Where(e => e.ProjectId == id).Select(e => e.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(Enumerable.Range(1, Racers), numbers);
    }

    [Fact]
    public async Task The_same_participant_code_entered_at_once_is_saved_once()
    {
        var id = await TestProjects.CreateAsync(factory, "Lygiagretūs dalyviai");
        var members = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => factory.ApiAsAsync(TalkaFactory.MemberB)));
        var responses = await AtOnceAsync(i => members[i].PostAsJsonAsync($"/api/v1/projects/{id}/participants", new { code = "DVYNYS", category = "Other" }));
        await AssertOneWinsAndTheRestGetAFieldErrorAsync(responses, HttpStatusCode.Created, "Code", "Dalyvis su numeriu DVYNYS šiame projekte jau yra");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Participant>().CountAsync(p => p.ProjectId == id)));
    }

    [Fact]
    public async Task The_same_legal_entity_code_registered_at_once_makes_one_organisation()
    {
        var code = FreshLegalEntityCode();
        var admins = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => factory.ApiAsAsync(TalkaFactory.Admin)));
        var responses = await AtOnceAsync(i => admins[i].PostAsJsonAsync("/api/v1/organisations",
            new { name = $"Asociacija „Lenktynės {i}“", legalForm = "Association", legalEntityCode = code }));
        await AssertOneWinsAndTheRestGetAFieldErrorAsync(responses, HttpStatusCode.Created, "LegalEntityCode", "Organizacija su kodu");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Organisations.CountAsync(o => o.LegalEntityCode == code)));
    }

    [Fact]
    public async Task The_same_agreement_number_given_to_two_projects_at_once_goes_to_one()
    {
        var projects = new List<Guid>();
        for (var i = 0; i < Racers; i++) projects.Add(await TestProjects.CreateAsync(factory, $"Sutarčių lenktynės {i}", granted: null));
        var admins = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => factory.ApiAsAsync(TalkaFactory.Admin)));
        var number = "LEN-" + Guid.NewGuid().ToString("N")[..6];
        var responses = await AtOnceAsync(i => admins[i].PutAsJsonAsync($"/api/v1/projects/{projects[i]}/agreement",
            new { number, periodStart = "2022-01-01", periodEnd = "2022-12-31", grantedAmount = 50_000 }));
        await AssertOneWinsAndTheRestGetAFieldErrorAsync(responses, HttpStatusCode.OK, "Number", "Šiame konkurse jau yra sutartis Nr.");
    }

    private static string FreshLegalEntityCode()
    {
        while (true)
        {
            var prefix = "30" + Random.Shared.Next(0, 10_000_000).ToString("D7");
            for (var last = 0; last < 10; last++)
                if (LegalEntityCode.Check(prefix[..8] + last) == LegalEntityCode.Verdict.Valid) return prefix[..8] + last;
        }
    }
}
