using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Talka.Web.Tests;

/// <summary>Builds what the application tests need through the API, as a funder and an NGO would: a call with a form,
/// a complete application's content, an app whose clock the test sets.</summary>
public static class TestApplications
{
    /// <summary>A new call (3 000–25 000 €, 540 000 € in total, projects in 2027) under the first programme, with a
    /// form open from <paramref name="opens"/> to <paramref name="closes"/> (Vilnius), an income rule of 1 000,00 €
    /// in 2025, the statutes as an attachment and the goal, objectives and budget as required sections.</summary>
    public static async Task<Guid> CallAsync(
        HttpClient admin,
        DateTime opens,
        DateTime closes,
        int? cap = null,
        object[]? extraRules = null,
        string title = "NVO fondo konkursas"
    )
    {
        var programmes = await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes");
        var programme = programmes[0];
        var fundingBody = programme.GetProperty("fundingBodyId").GetGuid();
        var call = await (
            await admin.PostAsJsonAsync(
                "/api/v1/calls",
                new
                {
                    programmeId = programme.GetProperty("id").GetGuid(),
                    fundingBodyId = fundingBody,
                    title = $"{title} {Guid.NewGuid().ToString("N")[..6]}",
                    year = 2027,
                    legalActNumber = "A1-404",
                    legalActDate = "2026-06-13",
                    legalActTitle = "Dėl NVO fondo konkurso nuostatų patvirtinimo",
                    totalBudget = 540_000,
                    minGrant = 3_000,
                    maxGrant = 25_000,
                    projectPeriodStart = "2027-01-01",
                    projectPeriodEnd = "2027-12-31",
                    fundingSource = "StateBudget",
                }
            )
        ).IdOf();
        var rules = new List<object>
        {
            new
            {
                kind = "MinimumIncome",
                amount = 1_000.00m,
                year = 2025,
            },
        };
        rules.AddRange(extraRules ?? []);
        (
            await admin.PutAsJsonAsync(
                $"/api/v1/calls/{call}/application-form",
                new
                {
                    opens,
                    closes,
                    cap,
                    numberPattern = "NVOK-{year}-{number:0000}",
                    rules,
                    attachments = new[] { new { key = "Statutes", title = "Įstatai" } },
                    sections = new[] { "Goal", "Objectives", "Budget" },
                }
            )
        ).EnsureSuccessStatusCode();
        return call;
    }

    /// <summary>A complete application's content asking for <paramref name="requested"/>, with the income
    /// declared.</summary>
    public static object Content(
        decimal requested = 10_000m,
        decimal income = 5_000m,
        string goal = "Įtraukti jaunimą į savanorystę"
    ) =>
        new
        {
            plan = new
            {
                title = "Savanorystė kaimo bendruomenėse",
                goal,
                summary = (string?)null,
                objectives = new[] { new { text = "Parengti savanorių koordinatorius" } },
                activities = new[]
                {
                    new
                    {
                        objectiveNumber = 1,
                        kind = "Training",
                        title = "Mokymai koordinatoriams",
                    },
                },
                targetGroups = new[] { "NgoStaffAndVolunteers" },
                municipalities = new[] { "Kauno r." },
                indicators = new[]
                {
                    new
                    {
                        name = "Parengti koordinatoriai",
                        unit = "asm.",
                        target = 12,
                    },
                },
            },
            partners = Array.Empty<object>(),
            budget = new[]
            {
                new
                {
                    category = "EventsAndTraining",
                    grantAmount = requested,
                    ownFunds = 500m,
                },
            },
            start = "2027-02-01",
            end = "2027-11-30",
            declaration = new { income },
        };

    /// <summary>Starts the organisation's application with the content and attaches the statutes; returns its
    /// id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient member, Guid call, Guid organisation, object content)
    {
        var id = await (
            await member.PostAsJsonAsync(
                $"/api/v1/calls/{call}/applications",
                new { organisationId = organisation, content }
            )
        ).IdOf();
        (await AttachAsync(member, id, "Statutes", TestFiles.Pdf("Istatai"))).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task<HttpResponseMessage> AttachAsync(HttpClient member, Guid id, string key, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "istatai.pdf");
        return await member.PostAsync($"/api/v1/applications/{id}/attachments/{key}", form);
    }

    /// <summary>The same app and database with its clock set by the test.</summary>
    public static WebApplicationFactory<Program> Clocked(TalkaFactory factory, SettableClock clock) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));

    /// <summary>A bearer-token client of the app, its JSON answers checked against the OpenAPI document.</summary>
    public static async Task<HttpClient> ApiAsync(
        TalkaFactory factory,
        WebApplicationFactory<Program> app,
        string email,
        string password = TalkaFactory.Password
    )
    {
        var contract = await factory.ContractAsync();
        var client = app.CreateDefaultClient(new ContractCheckingHandler(() => contract));
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
