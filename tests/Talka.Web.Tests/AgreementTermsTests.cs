using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Domain.Common;
using Talka.Domain.Payments;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Payments;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Tests;

/// <summary>A call's own agreement conditions and return day reach its agreements and settlements; the signed
/// agreement is filed as a PDF by the funder; the version in force is named on the plan, budget and indicators pages;
/// an amount amendment rescales the budget; money owed back is reminded.</summary>
public sealed class AgreementTermsTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private const string Terms =
        "Vykdytojas {organizacija} viešina, kad projektą „{projektas}“ finansuoja ministerija.\n\n"
        + "Skirta suma {suma} naudojama tik sutarties Nr. {numeris} tikslams.";

    private async Task<Guid> CallAsync(HttpClient admin, string? terms)
    {
        var first = await factory.WithDbAsync(db =>
            db.Programmes.Select(p => new { p.Id, p.FundingBodyId }).FirstAsync()
        );
        var (programme, body) = (first.Id, first.FundingBodyId);
        var created = await admin.PostAsJsonAsync(
            "/api/v1/calls",
            new
            {
                programmeId = programme,
                fundingBodyId = body,
                title = "Konkursas su savo sąlygomis " + Guid.NewGuid().ToString("N")[..6],
                year = 2022,
                legalActNumber = "A1-300",
                legalActDate = "2021-11-01",
                legalActTitle = "Dėl konkurso",
                projectPeriodStart = "2022-01-01",
                projectPeriodEnd = "2022-12-31",
                fundingSource = "StateBudget",
                recoveryDueMonth = 3,
                recoveryDueDay = 31,
                agreementTerms = terms,
            }
        );
        return await created.IdOf();
    }

    private static MultipartFormDataContent File(byte[] bytes, string name, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task The_calls_terms_and_return_day_reach_the_agreement_the_signed_copy_is_filed_and_money_owed_is_reminded()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);

        // A typo in a placeholder is refused, saying which and what may be used; so is a day not in every year.
        var call = await CallAsync(admin, Terms);
        var ofCall = await factory.WithDbAsync(db =>
            db.Calls.Where(c => c.Id == call).Select(c => new { c.ProgrammeId, c.FundingBodyId }).SingleAsync()
        );
        var (programme, body) = (ofCall.ProgrammeId, ofCall.FundingBodyId);
        Task<HttpResponseMessage> EditAsync(int month, int day, string terms) =>
            admin.PutAsJsonAsync(
                $"/api/v1/calls/{call}",
                new
                {
                    programmeId = programme,
                    fundingBodyId = body,
                    title = "Konkursas",
                    year = 2022,
                    legalActNumber = "A1-300",
                    legalActDate = "2021-11-01",
                    legalActTitle = "Dėl konkurso",
                    projectPeriodStart = "2022-01-01",
                    projectPeriodEnd = "2022-12-31",
                    fundingSource = "StateBudget",
                    recoveryDueMonth = month,
                    recoveryDueDay = day,
                    agreementTerms = terms,
                    version = 0,
                }
            );
        Assert.Equal(
            "Nežinoma žymė {sumaa}. Galimos žymės: {numeris}, {organizacija}, {kodas}, {projektas}, "
                + "{kvietimas}, {suma}, {pradzia}, {pabaiga}, {avansas}, {grazinimas}.",
            await (await EditAsync(3, 31, "Suma {sumaa}")).FieldErrorAsync("AgreementTerms")
        );
        Assert.Equal(
            "Diena turi būti nuo 1 iki 28.",
            await (await EditAsync(2, 29, Terms)).FieldErrorAsync("RecoveryDueDay")
        );

        var project = await TestProjects.CreateAsync(factory, "Sąlygų projektas", granted: 10_000m, callId: call);
        var url = $"/api/v1/projects/{project}";
        var reader = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var text = Html.Text(await reader.GetStringAsync($"/projects/{project}/payments/agreement"))
            .Replace('\u00a0', ' ');
        Assert.Contains(
            "7. Konkurso sąlygos Vykdytojas Šeimos santykių institutas viešina, kad projektą „Sąlygų projektas“ "
                + "finansuoja ministerija. Skirta suma 10 000,00 € naudojama tik sutarties Nr. T-",
            text
        );
        Assert.Contains("grąžinamos Finansuotojui iki 2023 m. kovo 31 d.", text);
        Assert.Contains("8. Parašai", text);

        // Signed, the funder files the signed copy: a PDF only, and not the organisation.
        var agreement = (await member.GetFromJsonAsync<JsonElement>(url + "/payments")).GetProperty("agreement");
        var agreementId = agreement.GetProperty("id").GetGuid();
        var files = $"{url}/files?owner=Agreement&ownerId={agreementId}";
        var unsigned = await admin.PostAsync(
            files,
            File(TestFiles.Pdf("Pasirasyta"), "sutartis.pdf", "application/pdf")
        );
        Assert.Equal("Sutartis dar nepasirašyta.", await unsigned.FieldErrorAsync("File"));
        (
            await admin.PostAsJsonAsync(
                url + "/agreement/sign",
                new
                {
                    signedOn = "2022-01-10",
                    signatories = "Direktorė",
                    version = agreement.GetProperty("version").GetInt32(),
                }
            )
        ).EnsureSuccessStatusCode();
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await member.PostAsync(files, File(TestFiles.Pdf("Pasirasyta"), "sutartis.pdf", "application/pdf"))
            ).StatusCode
        );
        var image = await admin.PostAsync(files, File(TestFiles.Png(), "sutartis.png", "image/png"));
        Assert.Equal("Pasirašyta sutartis įkeliama PDF formatu.", await image.FieldErrorAsync("File"));
        var signedPdf = TestFiles.Pdf("Pasirasyta sutartis");
        (
            await admin.PostAsync(files, File(signedPdf, "pasirašyta sutartis.pdf", "application/pdf"))
        ).EnsureSuccessStatusCode();
        var copy = (await member.GetFromJsonAsync<JsonElement>(url + "/payments")).GetProperty("signedCopies")[0];
        Assert.Equal("pasirašyta sutartis.pdf", copy.GetProperty("fileName").GetString());
        var download = await member.GetAsync($"{url}/files/{copy.GetProperty("id").GetGuid()}");
        Assert.Equal(signedPdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(
            "pasirašyta sutartis.pdf",
            Html.Text(await reader.GetStringAsync($"/projects/{project}/payments"))
        );

        // The whole grant paid, nothing spent: after the final report, 10 000 € is owed back by the call's day.
        await TestPayments.PayOnSignatureAsync(admin, project, 10_000m, "2022-01-20", "MN-9");
        await TestPayments.ApproveFinalReportAsync(member, admin, project);
        var version = (await member.GetFromJsonAsync<JsonElement>(url + "/payments"))
            .GetProperty("agreement")
            .GetProperty("version")
            .GetInt32();
        (await admin.PostAsJsonAsync(url + "/settlement", new { version })).EnsureSuccessStatusCode();
        var recovery = (await member.GetFromJsonAsync<JsonElement>(url + "/payments")).GetProperty("recoveries")[0];
        Assert.Equal(
            (10_000m, "2023-03-31"),
            (recovery.GetProperty("amount").GetDecimal(), recovery.GetProperty("dueOn").GetString())
        );

        // The reminders: the day it falls overdue the organisation and the officers are told, once however often the
        // daily job runs; once repaid, nobody is.
        using var hold = factory.HoldJobs();
        var today = DateOnly.FromDateTime(LtFormat.VilniusTime(DateTime.UtcNow));
        var recoveryId = recovery.GetProperty("id").GetGuid();
        await factory.WithDbAsync(db =>
            db.Set<Recovery>()
                .Where(r => r.Id == recoveryId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, today.AddDays(-1)))
        );
        async Task RunAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope
                .ServiceProvider.GetServices<IJobHandler>()
                .Single(h => h.Kind == RecoveryRemindersJob.JobKind)
                .RunAsync("daily", CancellationToken.None);
        }
        await RunAsync();
        await RunAsync();
        var expected =
            $"Projekto „Sąlygų projektas“ lėšos (10\u00a0000,00\u00a0€) negrąžintos, nors terminas buvo {LtFormat.Date(today.AddDays(-1))}.";
        foreach (var who in new[] { member, admin })
            Assert.Single(
                (await who.GetFromJsonAsync<JsonElement>("/api/v1/notifications"))
                    .GetProperty("items")
                    .EnumerateArray(),
                n => n.GetProperty("text").GetString() == expected
            );
        Assert.Equal(
            1,
            await factory.WithDbAsync(db =>
                db.Set<Talka.Web.Infrastructure.Email.EmailMessage>()
                    .CountAsync(m =>
                        m.To == TalkaFactory.MemberB
                        && m.Kind == NotificationKinds.RecoveryOverdue
                        && m.Subject.Contains("Sąlygų projektas")
                    )
            )
        );
    }

    [Fact]
    public async Task An_amount_amendment_rescales_the_budget_and_the_pages_name_the_version_in_force()
    {
        var project = await TestProjects.CreateAsync(factory, "Redakcijų projektas", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var reader = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{project}";
        (
            await member.PutAsJsonAsync(
                url + "/budget",
                new
                {
                    lines = new[]
                    {
                        new
                        {
                            category = "Personnel",
                            grantAmount = 30_000,
                            ownFunds = 1_000,
                        },
                        new
                        {
                            category = "EventsAndTraining",
                            grantAmount = 10_000,
                            ownFunds = 0,
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        Assert.Contains(
            "Galioja pradinė sutarties redakcija.",
            Html.Text(await reader.GetStringAsync($"/projects/{project}/finance"))
        );

        var amendment = await (
            await admin.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "Amount",
                    newAmount = 35_000m,
                    decision = "A1-88, 2022-05-02",
                    reason = "Sumažintas finansavimas",
                }
            )
        ).IdOf();
        (
            await admin.PostAsJsonAsync($"{url}/amendments/{amendment}/decision", new { approve = true, version = 0 })
        ).EnsureSuccessStatusCode();

        // The budget follows the amount in proportion; own funds stay.
        var budget = (await member.GetFromJsonAsync<JsonElement>(url + "/finance"))
            .GetProperty("budget")
            .EnumerateArray()
            .Select(l =>
                (
                    l.GetProperty("category").GetString(),
                    l.GetProperty("grantAmount").GetDecimal(),
                    l.GetProperty("ownFunds").GetDecimal()
                )
            )
            .OrderBy(l => l.Item1)
            .ToList();
        Assert.Equal([("EventsAndTraining", 8_750m, 0m), ("Personnel", 26_250m, 1_000m)], budget);

        // The versions: the original and the amendment's, before and after.
        var versions = await member.GetFromJsonAsync<JsonElement>(url + "/agreement/versions");
        Assert.Equal(2, versions.GetProperty("inForce").GetInt32());
        var second = versions.GetProperty("versions")[1].GetProperty("amendment");
        Assert.Equal(
            (40_000m, 35_000m),
            (second.GetProperty("amountBefore").GetDecimal(), second.GetProperty("newAmount").GetDecimal())
        );
        var today = LtFormat.Date(DateOnly.FromDateTime(LtFormat.VilniusTime(DateTime.UtcNow)));
        foreach (var page in new[] { "finance", "indicators" })
            Assert.Contains(
                $"Galioja 2 sutarties redakcija (nuo {today}; 1 patvirtintas pakeitimas). Pakeitimų istorija",
                Html.Text(await reader.GetStringAsync($"/projects/{project}/{page}"))
            );
        var admins = await factory.BrowserAsAsync(TalkaFactory.Admin);
        Assert.Contains(
            "Galioja 2 sutarties redakcija",
            Html.Text(await admins.GetStringAsync($"/projects/edit-plan/{project}"))
        );
        Assert.Contains(
            "Galioja 2 sutarties redakcija",
            Html.Text(await admins.GetStringAsync($"/projects/details/{project}"))
        );
    }

    [Fact]
    public async Task An_indicators_target_and_an_activitys_description_change_by_amendment_with_before_and_after()
    {
        var project = await TestProjects.CreateAsync(factory, "Rodiklių pakeitimų projektas", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{project}";
        var before = await member.GetFromJsonAsync<JsonElement>(url);
        (
            await member.PutAsJsonAsync(
                url + "/plan",
                new
                {
                    version = before.GetProperty("version").GetInt32(),
                    title = "Rodiklių pakeitimų projektas",
                    objectives = new[] { new { text = "Stiprinti šeimas" } },
                    activities = new[]
                    {
                        new
                        {
                            objectiveNumber = 1,
                            kind = "Training",
                            title = "Mokymai tėvams",
                            description = "6 mokymai",
                        },
                    },
                    indicators = new[]
                    {
                        new
                        {
                            name = "Mokymų dalyviai",
                            unit = "asm.",
                            target = 100,
                            metric = "DistinctParticipants",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        var plan = await member.GetFromJsonAsync<JsonElement>(url);
        var indicator = plan.GetProperty("indicators")[0].GetProperty("id").GetGuid();
        var activity = plan.GetProperty("objectives")[0].GetProperty("activities")[0].GetProperty("id").GetGuid();

        // An indicator of another project, and no new target, are refused.
        var unknown = await member.PostAsJsonAsync(
            url + "/amendments",
            new
            {
                kind = "Indicators",
                indicatorId = Guid.NewGuid(),
                newTarget = 80m,
                reason = "Mažiau dalyvių",
            }
        );
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        var noTarget = await member.PostAsJsonAsync(
            url + "/amendments",
            new
            {
                kind = "Indicators",
                indicatorId = indicator,
                reason = "Mažiau dalyvių",
            }
        );
        Assert.Equal("Šis laukas privalomas.", await noTarget.FieldErrorAsync("NewTarget"));

        // Asked by the organisation, approved by the funder: the plan changes, the history keeps before and after.
        var target = await (
            await member.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "Indicators",
                    indicatorId = indicator,
                    newTarget = 80m,
                    reason = "Mažiau dalyvių dėl karantino",
                }
            )
        ).IdOf();
        var scope = await (
            await member.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "Activities",
                    activityId = activity,
                    newActivityDescription = "4 mokymai ir 2 konsultacijos",
                    reason = "Poreikis",
                }
            )
        ).IdOf();
        var stale = (await member.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();
        foreach (var id in new[] { target, scope })
            (
                await admin.PostAsJsonAsync($"{url}/amendments/{id}/decision", new { approve = true, version = 0 })
            ).EnsureSuccessStatusCode();
        var amended = await member.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(80m, amended.GetProperty("indicators")[0].GetProperty("target").GetDecimal());
        Assert.Equal(
            "4 mokymai ir 2 konsultacijos",
            amended.GetProperty("objectives")[0].GetProperty("activities")[0].GetProperty("description").GetString()
        );
        var history = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{project}/payments")
        );
        Assert.Contains("Rodiklio „Mokymų dalyviai“ siekiamybė: 100 → 80.", history);
        Assert.Contains("Veikla „Mokymai tėvams“: buvo „6 mokymai“ → tapo „4 mokymai ir 2 konsultacijos“.", history);
        Assert.Contains("galioja 3 redakcija", history);
        // A plan form opened before the amendments cannot undo them.
        var undo = await member.PutAsJsonAsync(
            url + "/plan",
            new
            {
                version = stale,
                title = "Rodiklių pakeitimų projektas",
                objectives = new[] { new { text = "Stiprinti šeimas" } },
                indicators = new[]
                {
                    new
                    {
                        id = indicator,
                        name = "Mokymų dalyviai",
                        unit = "asm.",
                        target = 100,
                        metric = "DistinctParticipants",
                    },
                },
            }
        );
        Assert.Equal(System.Net.HttpStatusCode.Conflict, undo.StatusCode);
    }
}
