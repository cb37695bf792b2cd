using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>
/// The evaluation through the API on a real database: experts declare before they see anything, score with
/// justifications and cannot change what they submitted; members of the applicant cannot be assigned; experts far
/// apart call a third; the ranking is simulated without saving, approved as numbered versions within the budget, and
/// the funded list is public.
/// </summary>
public sealed class EvaluationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task An_expert_reads_nothing_before_declaring_justifies_every_score_and_cannot_change_a_submitted_one()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (application, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 10_000m);
        var (expert, expertId, _) = await TestEvaluation.ExpertAsync(factory);
        var assignment = await TestEvaluation.AssignAsync(admin, call, application, expertId);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await expert.GetAsync($"/api/v1/applications/{application}")).StatusCode
        );
        var before = await expert.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/{assignment}");
        Assert.Equal("Assigned", before.GetProperty("state").GetString());
        Assert.True(before.GetProperty("mayDeclare").GetBoolean());
        Assert.StartsWith(
            "Pareiškiu, kad neturiu interesų konflikto",
            before.GetProperty("declarationText").GetString()
        );
        var early = await expert.PutAsJsonAsync(
            $"/api/v1/assignments/{assignment}/scores",
            new { version = 0, scores = new[] { new { code = "A", points = 50 } } }
        );
        Assert.Equal(
            "Pirmiausia pasirašykite nešališkumo ir konfidencialumo deklaraciją.",
            await early.FieldErrorAsync("")
        );
        var mine = await expert.GetFromJsonAsync<JsonElement>("/api/v1/assignments");
        Assert.Equal(JsonValueKind.Null, mine.EnumerateArray().Single().GetProperty("title").ValueKind);

        var declared = await expert.PostAsJsonAsync(
            $"/api/v1/assignments/{assignment}/declaration",
            new { conflict = false }
        );
        Assert.Equal(
            "Declared",
            (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString()
        );
        var read = await expert.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{application}");
        Assert.Equal("Savanorystė kaimo bendruomenėse", read.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("marks").ValueKind);

        var version = (await expert.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/{assignment}"))
            .GetProperty("version")
            .GetInt32();
        var tooMany = await expert.PutAsJsonAsync(
            $"/api/v1/assignments/{assignment}/scores",
            new { version, scores = new[] { new { code = "A", points = 61 } } }
        );
        Assert.Equal(
            "Kriterijaus „A“ balai turi būti nuo 0 iki 60.",
            await tooMany.FieldErrorAsync("Scores[0].Points")
        );
        var draft = await expert.PutAsJsonAsync(
            $"/api/v1/assignments/{assignment}/scores",
            new
            {
                version,
                scores = new object[]
                {
                    new
                    {
                        code = "A",
                        points = 48.5m,
                        justification = "Aktualu regionui.",
                    },
                    new { code = "B", points = 30 },
                },
            }
        );
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var unjustified = await expert.PostAsync($"/api/v1/assignments/{assignment}/submit", null);
        Assert.Equal("Pagrįskite kriterijaus „B“ balus.", await unjustified.FieldErrorAsync("Scores[B].Justification"));

        var submitted = await TestEvaluation.SubmitAsync(expert, assignment, 48.5m, 30m);
        Assert.Equal(
            78.5m,
            (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetDecimal()
        );
        var changed = await expert.PutAsJsonAsync(
            $"/api/v1/assignments/{assignment}/scores",
            new { version = version + 2, scores = new[] { new { code = "A", points = 60 } } }
        );
        Assert.Equal("Balai jau pateikti ir nebekeičiami.", await changed.FieldErrorAsync(""));
        var selfReopen = await expert.PostAsJsonAsync(
            $"/api/v1/assignments/{assignment}/reopen",
            new { reason = "Noriu pakeisti" }
        );
        Assert.Equal(HttpStatusCode.Forbidden, selfReopen.StatusCode);

        var noReason = await admin.PostAsJsonAsync($"/api/v1/assignments/{assignment}/reopen", new { reason = "" });
        Assert.Equal("Šis laukas privalomas.", await noReason.FieldErrorAsync("Reason"));
        var reopened = await admin.PostAsJsonAsync(
            $"/api/v1/assignments/{assignment}/reopen",
            new { reason = "Vertintojas supainiojo kriterijus" }
        );
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        var after = await expert.GetFromJsonAsync<JsonElement>($"/api/v1/assignments/{assignment}");
        Assert.Equal("Declared", after.GetProperty("state").GetString());
        Assert.Equal("Vertintojas supainiojo kriterijus", after.GetProperty("reopenReason").GetString());
    }

    [Fact]
    public async Task A_member_of_the_applicant_cannot_be_assigned_and_a_declared_conflict_recuses_the_expert()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (application, organisation, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 10_000m);
        var email = TestAccounts.Address("narys-ekspertas");
        await TestAccounts.InvitedMemberAsync(factory, organisation, email);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?search=" + Uri.EscapeDataString(email));
        var memberId = users.GetProperty("items")[0].GetProperty("id").GetString()!;
        (
            await admin.PutAsJsonAsync($"/api/v1/users/{memberId}/roles", new { roles = new[] { "Evaluator" } })
        ).EnsureSuccessStatusCode();

        var refused = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/assignments",
            new { applicationId = application, evaluatorId = memberId }
        );
        Assert.StartsWith("Šio vertintojo skirti negalima", await refused.FieldErrorAsync("EvaluatorId"));
        var board = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/evaluation");
        var row = board.GetProperty("rows").EnumerateArray().Single();
        Assert.DoesNotContain(
            memberId,
            row.GetProperty("assignable").EnumerateArray().Select(e => e.GetProperty("id").GetString())
        );
        Assert.Contains(
            memberId,
            board.GetProperty("evaluators").EnumerateArray().Select(e => e.GetProperty("id").GetString())
        );

        var (expert, expertId, _) = await TestEvaluation.ExpertAsync(factory);
        var assignment = await TestEvaluation.AssignAsync(admin, call, application, expertId);
        var noNote = await expert.PostAsJsonAsync(
            $"/api/v1/assignments/{assignment}/declaration",
            new { conflict = true }
        );
        Assert.Equal("Šis laukas privalomas.", await noNote.FieldErrorAsync("Text"));
        var recused = await expert.PostAsJsonAsync(
            $"/api/v1/assignments/{assignment}/declaration",
            new { conflict = true, text = "Esu pareiškėjo valdybos narės sutuoktinis." }
        );
        Assert.Equal(
            "Recused",
            (await recused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString()
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await expert.GetAsync($"/api/v1/applications/{application}")).StatusCode
        );
        var again = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/assignments",
            new { applicationId = application, evaluatorId = expertId }
        );
        Assert.Equal(
            "Šis vertintojas deklaravo interesų konfliktą dėl šios paraiškos.",
            await again.FieldErrorAsync("EvaluatorId")
        );
        var spread = await admin.PostAsJsonAsync($"/api/v1/calls/{call}/assignments", new { spread = true });
        spread.EnsureSuccessStatusCode();
        var after = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/evaluation"))
            .GetProperty("rows")[0]
            .GetProperty("assignments")
            .EnumerateArray()
            .ToList();
        var active = after.Where(a => a.GetProperty("state").GetString() != "Recused").ToList();
        Assert.Equal(2, active.Count);
        Assert.DoesNotContain(memberId, active.Select(a => a.GetProperty("evaluatorId").GetString()));
        Assert.DoesNotContain(expertId, active.Select(a => a.GetProperty("evaluatorId").GetString()));
        var (_, extraId, _) = await TestEvaluation.ExpertAsync(factory);
        var extra = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/assignments",
            new { applicationId = application, evaluatorId = extraId }
        );
        Assert.Equal(
            "Paraiškai jau paskirta tiek vertintojų, kiek reikia (2).",
            await extra.FieldErrorAsync("ApplicationId")
        );
    }

    [Fact]
    public async Task Experts_far_apart_call_a_third_whose_score_with_the_closest_makes_the_final_one()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (apart, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 10_000m);
        var (low, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 10_000m);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, apart, 80, 45);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, low, 40, 10);

        var board = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/evaluation");
        var rows = board
            .GetProperty("rows")
            .EnumerateArray()
            .ToDictionary(r => r.GetProperty("applicationId").GetGuid());
        var third = rows[apart]
            .GetProperty("assignments")
            .EnumerateArray()
            .Single(a => a.GetProperty("third").GetBoolean());
        Assert.True(rows[apart].GetProperty("progress").GetProperty("thirdNeeded").GetBoolean());
        Assert.False(rows[low].GetProperty("progress").GetProperty("thirdNeeded").GetBoolean());
        Assert.Equal(25m, rows[low].GetProperty("progress").GetProperty("finalScore").GetDecimal());
        Assert.Equal(1, board.GetProperty("thirdNeeded").GetInt32());

        var email = third.GetProperty("evaluatorEmail").GetString()!;
        var expert = await TestAccounts.LoginAsync(
            factory,
            email,
            email.EndsWith("@demo.talka.lt", StringComparison.Ordinal)
                ? TalkaFactory.Password
                : TestAccounts.NewPassword
        );
        (await TestEvaluation.ScoreAsync(expert, third.GetProperty("id").GetGuid(), 50, 20)).EnsureSuccessStatusCode();

        var ranking = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/ranking");
        var lines = ranking
            .GetProperty("lines")
            .EnumerateArray()
            .ToDictionary(l => l.GetProperty("applicationId").GetGuid());
        Assert.Equal(75m, lines[apart].GetProperty("score").GetDecimal());
        Assert.Equal("Funded", lines[apart].GetProperty("decision").GetString());
        Assert.Equal("NotFunded", lines[low].GetProperty("decision").GetString());
        Assert.Empty(ranking.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task The_ranking_is_simulated_without_saving_approved_within_the_budget_and_its_funded_list_is_public()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (first, _, firstMember) = await TestEvaluation.EligibleAsync(factory, admin, call, 25_000m);
        var (second, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 20_000m);
        var (third, _, thirdMember) = await TestEvaluation.EligibleAsync(factory, admin, call, 15_000m);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, first, 90, 86);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, second, 80, 76);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, third, 70, 66);

        var simulated = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/calls/{call}/ranking?budget=50000&partial=true"
        );
        var decisions = simulated
            .GetProperty("lines")
            .EnumerateArray()
            .Select(l => l.GetProperty("decision").GetString());
        Assert.Equal(["Funded", "Funded", "PartiallyFunded"], decisions);
        Assert.Equal(5_000m, simulated.GetProperty("lines")[2].GetProperty("awarded").GetDecimal());
        Assert.Equal(0m, simulated.GetProperty("left").GetDecimal());
        var strict = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/calls/{call}/ranking?budget=50000&partial=false"
        );
        Assert.Equal(1, strict.GetProperty("lines")[2].GetProperty("reserveRank").GetInt32());
        Assert.Equal(5_000m, strict.GetProperty("left").GetDecimal());
        Assert.Empty(strict.GetProperty("versions").EnumerateArray());
        var anonymous = await factory.ApiAsAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/calls/{call}/funded")).StatusCode);

        var tooMuch = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/ranking/approve",
            new
            {
                budget = 600_000,
                decisionNumber = "A1-100",
                decisionDate = "2026-11-30",
                expected = 0,
            }
        );
        Assert.Equal(
            $"Biudžetas negali viršyti kvietimo lėšų ({Talka.Domain.Common.LtFormat.Eur(540_000m)}).",
            await tooMuch.FieldErrorAsync("Budget")
        );
        var approved = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/ranking/approve",
            new
            {
                budget = 50_000,
                partial = false,
                decisionNumber = "A1-100",
                decisionDate = "2026-11-30",
                expected = 0,
            }
        );
        Assert.Equal(1, (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stale = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/ranking/approve",
            new
            {
                budget = 50_000,
                decisionNumber = "A1-101",
                decisionDate = "2026-11-30",
                expected = 0,
            }
        );
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var funded = await firstMember.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{first}");
        Assert.Equal("Funded", funded.GetProperty("status").GetString());
        var reserve = await thirdMember.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{third}");
        Assert.Equal("Reserve", reserve.GetProperty("status").GetString());
        var list = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/funded");
        Assert.Equal("A1-100", list.GetProperty("decisionNumber").GetString());
        Assert.Equal(
            [(25_000m, 88m), (20_000m, 78m)],
            list.GetProperty("rows")
                .EnumerateArray()
                .Select(r => (r.GetProperty("awarded").GetDecimal(), r.GetProperty("score").GetDecimal()))
        );
        var projects = await factory.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Projects,
                p => p.ApplicationId == first || p.ApplicationId == second || p.ApplicationId == third
            )
        );
        Assert.Equal(2, projects);

        // Published, the funded project's grant in 360Giving says what was applied for, from an open call.
        var project = await factory.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Projects.Where(p => p.ApplicationId == first).Select(p => p.Id)
            )
        );
        (
            await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = true })
        ).EnsureSuccessStatusCode();
        await factory.RegenerateOpenDataAsync();
        var openData = await anonymous.GetStringAsync("/open-data/360giving.json");
        var validation = OpenDataTests.Validate360(openData);
        Assert.True(validation.Code == 0, validation.Output);
        var grant = JsonDocument
            .Parse(openData)
            .RootElement.GetProperty("grants")
            .EnumerateArray()
            .Single(g => g.GetProperty("id").GetString()!.EndsWith(project.ToString("N"), StringComparison.Ordinal));
        Assert.Equal(25_000m, grant.GetProperty("amountAppliedFor").GetDecimal());
        Assert.Equal(25_000m, grant.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("Yes", grant.GetProperty("fromOpenCall").GetString());

        // The approved version prints on one page, with its decision and every line.
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var pdf = await browser.GetByteArrayAsync($"/calls/{call}/ranking?handler=Pdf&number=1");
        var text = await ReportDocumentTests.PdfTextAsync(pdf);
        Assert.Contains("Paraiškų reitingas, 1-oji versija", text);
        Assert.Contains("Patvirtinta sprendimu Nr. A1-100, 2026 m. lapkričio 30 d.", text);
        Assert.Contains("Rezervas Nr. 1", text);
        Assert.Equal(3, text.Split('\n').Count(l => l.Contains("Savanorystė kaimo", StringComparison.Ordinal)));
        Assert.DoesNotContain('\f', text.TrimEnd('\f', '\n'));

        // Money frees up: a new version with a larger budget funds the first of the reserve, keeping the awards.
        var second_version = await admin.PostAsJsonAsync(
            $"/api/v1/calls/{call}/ranking/approve",
            new
            {
                budget = 60_000,
                decisionNumber = "A1-150",
                decisionDate = "2026-12-15",
                expected = 1,
            }
        );
        Assert.Equal(
            2,
            (await second_version.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32()
        );
        var now = await thirdMember.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{third}");
        Assert.Equal("Funded", now.GetProperty("status").GetString());
        var final = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/funded");
        Assert.Equal(
            60_000m,
            final.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("awarded").GetDecimal())
        );
    }

    [Fact]
    public async Task Two_simultaneous_approvals_never_exceed_the_budget()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var other = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestEvaluation.CallAsync(admin);
        var (first, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 20_000m);
        var (second, _, _) = await TestEvaluation.EligibleAsync(factory, admin, call, 20_000m);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, first, 90, 88);
        await TestEvaluation.EvaluatedAsync(factory, admin, call, second, 70, 68);

        var responses = await Task.WhenAll(
            admin.PostAsJsonAsync(
                $"/api/v1/calls/{call}/ranking/approve",
                new
                {
                    budget = 30_000,
                    decisionNumber = "A1-1",
                    decisionDate = "2026-11-30",
                    expected = 0,
                }
            ),
            other.PostAsJsonAsync(
                $"/api/v1/calls/{call}/ranking/approve",
                new
                {
                    budget = 40_000,
                    decisionNumber = "A1-2",
                    decisionDate = "2026-11-30",
                    expected = 0,
                }
            )
        );

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var (versions, awarded) = await factory.WithDbAsync(async db =>
        {
            var v = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Talka.Domain.Evaluation.RankingVersion>().Where(x => x.CallId == call)
            );
            var a = (
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    db.Applications.Where(x => x.CallId == call).Select(x => x.Awarded)
                )
            ).Sum(x => x ?? 0);
            return (v, a);
        });
        var version = Assert.Single(versions);
        Assert.True(awarded <= version.Budget, $"{awarded} awarded of {version.Budget}");
        Assert.Equal(version.Awarded, awarded);
    }
}
