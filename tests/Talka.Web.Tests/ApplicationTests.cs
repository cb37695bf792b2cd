using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Web.Tests;

/// <summary>
/// An NGO applies and the funder checks formal compliance, through the API on a real database: the draft, its
/// checklist and attachments, submission within the window and the call's bounds, the cap that moves the deadline,
/// one application across linked calls, the clarification with the changed items, and the result with its reasons
/// (internal notes never reach the applicant).
/// </summary>
public sealed class ApplicationTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static DateTime VilniusNow => LtFormat.VilniusTime(DateTime.UtcNow);

    private async Task<(HttpClient Member, Guid Organisation)> ApplicantAsync(string name)
    {
        var (member, organisation, _) = await NamedApplicantAsync(name);
        return (member, organisation);
    }

    /// <summary>A new organisation and its invited member (with <see cref="TestAccounts.NewPassword"/>).</summary>
    private async Task<(HttpClient Member, Guid Organisation, string Email)> NamedApplicantAsync(string name)
    {
        var organisation = await TestAccounts.OrganisationAsync(
            factory,
            $"Asociacija „{name}“ {Guid.NewGuid().ToString("N")[..4]}"
        );
        var email = TestAccounts.Address("pareiskeja");
        return (await TestAccounts.InvitedMemberAsync(factory, organisation, email), organisation, email);
    }

    [Fact]
    public async Task A_member_drafts_sees_what_is_missing_completes_and_submits_and_gets_a_numbered_receipt()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var (member, organisation) = await ApplicantAsync("Kaimo savanoriai");
        var id = await (
            await member.PostAsJsonAsync($"/api/v1/calls/{call}/applications", new { organisationId = organisation })
        ).IdOf();

        var draft = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(
            ["Title", "Period", "Goal", "Objectives", "Budget", "Declaration.Income", "Attachment:Statutes"],
            draft.GetProperty("missing").EnumerateArray().Select(m => m.GetString())
        );
        Assert.Contains(
            "Priedas: Įstatai",
            draft.GetProperty("missingLabels").EnumerateArray().Select(m => m.GetString())
        );
        var early = await member.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.StartsWith("Paraiška neužpildyta", await early.FieldErrorAsync("Title"));

        var saved = await member.PutAsJsonAsync(
            $"/api/v1/applications/{id}",
            new { version = draft.GetProperty("version").GetInt32(), content = TestApplications.Content(12_345.67m) }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        (
            await TestApplications.AttachAsync(member, id, "Statutes", TestFiles.Pdf("Istatai"))
        ).EnsureSuccessStatusCode();
        var complete = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Empty(complete.GetProperty("missing").EnumerateArray());
        Assert.Equal(12_345.67m, complete.GetProperty("requested").GetDecimal());
        Assert.Equal(500m, complete.GetProperty("coFinancing").GetDecimal());

        var submitted = await member.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^NVOK-2027-\\d{4}$", receipt.GetProperty("number").GetString());
        Assert.Equal(1, receipt.GetProperty("version").GetInt32());
        var number = receipt.GetProperty("number").GetString()!;
        var notifications = await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(
            notifications.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("text").GetString()!.Contains($"Paraiška Nr. {number}")
        );

        // A submitted version cannot be changed through any route.
        var after = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        var change = await member.PutAsJsonAsync(
            $"/api/v1/applications/{id}",
            new { version = after.GetProperty("version").GetInt32(), content = TestApplications.Content(3_000m) }
        );
        Assert.Equal("Pateiktos paraiškos keisti negalima.", await change.FieldErrorAsync(""));
        var attach = await TestApplications.AttachAsync(member, id, "Statutes", TestFiles.Pdf("Kiti"));
        Assert.Equal("Pateiktos paraiškos keisti negalima.", await attach.FieldErrorAsync(""));
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await member.PostAsync($"/api/v1/applications/{id}/submit", null)).StatusCode
        );
        var version = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/versions/1");
        Assert.Equal(
            12_345.67m,
            version.GetProperty("content").GetProperty("budget")[0].GetProperty("grantAmount").GetDecimal()
        );
    }

    [Fact]
    public async Task A_submission_a_minute_after_the_deadline_and_amounts_outside_the_bounds_are_refused()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var now = VilniusNow;
        var call = await TestApplications.CallAsync(admin, now.AddDays(-1), now.AddDays(1));
        var (member, organisation) = await ApplicantAsync("Ribos");
        var id = await TestApplications.DraftAsync(member, call, organisation, TestApplications.Content(2_999m));
        async Task<HttpResponseMessage> SaveAsync(decimal amount)
        {
            var read = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
            return await member.PutAsJsonAsync(
                $"/api/v1/applications/{id}",
                new { version = read.GetProperty("version").GetInt32(), content = TestApplications.Content(amount) }
            );
        }
        foreach (var amount in new[] { 2_999m, 25_001m })
        {
            (await SaveAsync(amount)).EnsureSuccessStatusCode();
            var refused = await member.PostAsync($"/api/v1/applications/{id}/submit", null);
            Assert.Equal(
                $"Prašoma suma {LtFormat.Eur(amount)} turi būti nuo {LtFormat.Eur(3_000m)} iki {LtFormat.Eur(25_000m)}.",
                await refused.FieldErrorAsync("Budget")
            );
        }
        (await SaveAsync(3_000m)).EnsureSuccessStatusCode();
        // The funder closes the call a minute ago.
        var closed = now.AddMinutes(-1);
        var form = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/application-form");
        (
            await admin.PutAsJsonAsync(
                $"/api/v1/calls/{call}/application-form",
                new
                {
                    opens = now.AddDays(-1),
                    closes = closed,
                    numberPattern = "NVOK-{year}-{number:0000}",
                    rules = form.GetProperty("form").GetProperty("rules"),
                    attachments = form.GetProperty("form").GetProperty("attachments"),
                    sections = form.GetProperty("form").GetProperty("sections"),
                }
            )
        ).EnsureSuccessStatusCode();
        var late = await member.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal($"Paraiškų priėmimas baigėsi {closed:yyyy-MM-dd HH:mm}.", await late.FieldErrorAsync(""));
        var still = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("Draft", still.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("number").ValueKind);
    }

    [Fact]
    public async Task A_second_application_of_one_organisation_to_a_linked_call_is_refused()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var now = VilniusNow;
        var small = await TestApplications.CallAsync(
            admin,
            now.AddDays(-1),
            now.AddDays(10),
            title: "Mažasis institucinis"
        );
        var large = await TestApplications.CallAsync(
            admin,
            now.AddDays(-1),
            now.AddDays(10),
            extraRules: [new { kind = "OneApplicationAcrossCalls", calls = new[] { small } }],
            title: "Didysis institucinis"
        );
        var (member, organisation) = await ApplicantAsync("Susieti konkursai");
        await TestApplications.DraftAsync(member, small, organisation, TestApplications.Content());
        var second = await member.PostAsJsonAsync(
            $"/api/v1/calls/{large}/applications",
            new { organisationId = organisation }
        );
        Assert.StartsWith(
            "Organizacija jau teikia paraišką susietam konkursui „Mažasis institucinis",
            await second.FieldErrorAsync("OrganisationId")
        );
        var twice = await member.PostAsJsonAsync(
            $"/api/v1/calls/{small}/applications",
            new { organisationId = organisation }
        );
        Assert.Equal("Organizacija šiam konkursui paraišką jau teikia.", await twice.FieldErrorAsync("OrganisationId"));
        // Another organisation's member cannot apply in this one's name.
        var (stranger, _) = await ApplicantAsync("Svetimi");
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await stranger.PostAsJsonAsync(
                    $"/api/v1/calls/{large}/applications",
                    new { organisationId = organisation }
                )
            ).StatusCode
        );
    }

    [Fact]
    public async Task A_cap_of_three_reached_on_the_friday_before_a_monday_holiday_moves_the_deadline_to_tuesday_17_00()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var app = TestApplications.Clocked(factory, clock);
        // Friday 13 February 2026; Monday the 16th is a public holiday. Tokens are issued at the clock's time.
        clock.SetVilnius(new DateTime(2026, 2, 13, 9, 0, 0));
        var admin = await TestApplications.ApiAsync(factory, app, TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(
            admin,
            new DateTime(2026, 2, 2, 8, 0, 0),
            new DateTime(2026, 2, 27, 17, 0, 0),
            cap: 3
        );
        var applicants = new List<(string Email, Guid Application)>();
        for (var i = 0; i < 5; i++)
        {
            var (_, organisation, email) = await NamedApplicantAsync("Riba " + i);
            var member = await TestApplications.ApiAsync(factory, app, email, TestAccounts.NewPassword);
            applicants.Add(
                (email, await TestApplications.DraftAsync(member, call, organisation, TestApplications.Content()))
            );
        }
        async Task<HttpResponseMessage> SubmitAsync(int i) =>
            await (
                await TestApplications.ApiAsync(factory, app, applicants[i].Email, TestAccounts.NewPassword)
            ).PostAsync($"/api/v1/applications/{applicants[i].Application}/submit", null);
        // The third submission reaches the cap.
        clock.SetVilnius(new DateTime(2026, 2, 13, 11, 0, 0));
        for (var i = 0; i < 3; i++)
            (await SubmitAsync(i)).EnsureSuccessStatusCode();
        var form = await (await factory.ApiAsAsync(null)).GetFromJsonAsync<JsonElement>(
            $"/api/v1/calls/{call}/application-form"
        );
        Assert.Equal(new DateTime(2026, 2, 17, 17, 0, 0), form.GetProperty("deadline").GetDateTime());
        Assert.Equal(3, form.GetProperty("received").GetInt32());

        clock.SetVilnius(new DateTime(2026, 2, 17, 17, 0, 0));
        (await SubmitAsync(3)).EnsureSuccessStatusCode();
        clock.SetVilnius(new DateTime(2026, 2, 17, 17, 0, 1));
        var late = await SubmitAsync(4);
        Assert.Equal("Paraiškų priėmimas baigėsi 2026-02-17 17:00.", await late.FieldErrorAsync(""));
    }

    [Fact]
    public async Task Missing_statutes_get_a_clarification_and_the_resubmission_shows_only_what_changed()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var (member, organisation) = await ApplicantAsync("Patikslinimai");
        var id = await TestApplications.DraftAsync(member, call, organisation, TestApplications.Content());
        (await member.PostAsync($"/api/v1/applications/{id}/submit", null)).EnsureSuccessStatusCode();

        var marks = new
        {
            marks = new[]
            {
                new
                {
                    item = "Attachment:Statutes",
                    mark = "Failed",
                    note = "Įkelti ne įstatai, o sutartis.",
                    internalNote = "Tikrino J. J.",
                },
            },
        };
        (await admin.PutAsJsonAsync($"/api/v1/applications/{id}/formal-check", marks)).EnsureSuccessStatusCode();
        var clarification = await admin.PostAsJsonAsync(
            $"/api/v1/applications/{id}/clarification",
            new { items = new[] { "Attachment:Statutes" }, message = "Įkelkite galiojančius įstatus." }
        );
        Assert.Equal(HttpStatusCode.OK, clarification.StatusCode);
        var returned = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("ClarificationRequested", returned.GetProperty("status").GetString());
        Assert.Equal(
            ["Priedas: Įstatai"],
            returned.GetProperty("clarification").GetProperty("labels").EnumerateArray().Select(l => l.GetString())
        );
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("marks").ValueKind);
        Assert.DoesNotContain("Tikrino J. J.", returned.GetRawText());

        // Only the named item may change.
        var goal = await member.PutAsJsonAsync(
            $"/api/v1/applications/{id}",
            new
            {
                version = returned.GetProperty("version").GetInt32(),
                content = TestApplications.Content(goal: "Kitas tikslas"),
            }
        );
        Assert.Equal("Keisti galima tik tai, ko paprašyta patikslinti.", await goal.FieldErrorAsync("Goal"));
        (
            await TestApplications.AttachAsync(member, id, "Statutes", TestFiles.Pdf("Galiojantys istatai"))
        ).EnsureSuccessStatusCode();
        var again = await member.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/versions/2");
        Assert.Equal(
            ["Attachment:Statutes"],
            second.GetProperty("changed").EnumerateArray().Select(c => c.GetString())
        );
        Assert.Equal(
            ["Priedas: Įstatai"],
            second.GetProperty("changedLabels").EnumerateArray().Select(c => c.GetString())
        );
        // The first version keeps the file it was submitted with.
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/versions/1");
        Assert.Empty(first.GetProperty("changed").EnumerateArray());
    }

    [Fact]
    public async Task Income_of_999_99_against_1_000_00_is_ineligible_with_that_reason_and_the_internal_note_stays_internal()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var (member, organisation) = await ApplicantAsync("Mažos pajamos");
        var id = await TestApplications.DraftAsync(
            member,
            call,
            organisation,
            TestApplications.Content(income: 999.99m)
        );
        (await member.PostAsync($"/api/v1/applications/{id}/submit", null)).EnsureSuccessStatusCode();
        var decided = await admin.PutAsJsonAsync(
            $"/api/v1/applications/{id}/formal-check",
            new
            {
                marks = new[]
                {
                    new
                    {
                        item = "Attachment:Statutes",
                        mark = "Passed",
                        internalNote = "Sulyginta su JAR išrašu.",
                    },
                },
                decide = true,
            }
        );
        Assert.Equal(
            "Ineligible",
            (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
        );

        var seen = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("Ineligible", seen.GetProperty("status").GetString());
        var failed = seen.GetProperty("outcomes")
            .EnumerateArray()
            .Single(o => o.GetProperty("mark").GetString() == "Failed");
        Assert.Equal(
            $"2025 m. pajamos – {LtFormat.Eur(999.99m)}, mažiau nei reikalaujama {LtFormat.Eur(1_000m)}.",
            failed.GetProperty("reason").GetString()
        );
        Assert.DoesNotContain("Sulyginta su JAR", seen.GetRawText());
        var funder = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Contains("Sulyginta su JAR išrašu.", funder.GetRawText());
        // Nothing is decided twice, and the applicant cannot check their own application.
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await member.PutAsJsonAsync(
                    $"/api/v1/applications/{id}/formal-check",
                    new { marks = Array.Empty<object>() }
                )
            ).StatusCode
        );
    }

    [Fact]
    public async Task A_funded_application_becomes_a_project_with_its_plan_budget_and_number()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var (member, organisation) = await ApplicantAsync("Finansuojama");
        var id = await TestApplications.DraftAsync(member, call, organisation, TestApplications.Content(14_000m));
        var number = (
            await (
                await member.PostAsync($"/api/v1/applications/{id}/submit", null)
            ).Content.ReadFromJsonAsync<JsonElement>()
        )
            .GetProperty("number")
            .GetString();
        // Not before it is eligible.
        var early = await admin.PostAsync($"/api/v1/applications/{id}/fund", null);
        Assert.Equal(
            "Finansuoti galima tik formaliuosius reikalavimus atitinkančią paraišką.",
            await early.FieldErrorAsync("")
        );
        (
            await admin.PutAsJsonAsync(
                $"/api/v1/applications/{id}/formal-check",
                new { marks = Array.Empty<object>(), decide = true }
            )
        ).EnsureSuccessStatusCode();
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await member.PostAsync($"/api/v1/applications/{id}/fund", null)).StatusCode
        );
        var project = await (await admin.PostAsync($"/api/v1/applications/{id}/fund", null)).IdOf();

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}");
        Assert.Equal(number, read.GetProperty("applicationNumber").GetString());
        Assert.Equal("Savanorystė kaimo bendruomenėse", read.GetProperty("title").GetString());
        Assert.Equal("Įtraukti jaunimą į savanorystę", read.GetProperty("goal").GetString());
        Assert.Equal(organisation, read.GetProperty("organisationId").GetGuid());
        Assert.Equal("2027-02-01", read.GetProperty("start").GetString());
        var finance = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/finance");
        var line = Assert.Single(finance.GetProperty("budget").EnumerateArray());
        Assert.Equal(
            ("EventsAndTraining", 14_000m, 500m),
            (
                line.GetProperty("category").GetString(),
                line.GetProperty("grantAmount").GetDecimal(),
                line.GetProperty("ownFunds").GetDecimal()
            )
        );
        var application = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("Funded", application.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_funder_admin_sets_a_calls_form_on_its_page_and_the_public_call_page_shows_it()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var page = await browser.GetStringAsync($"/calls/{call}/application-form");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Html.Token(page)),
            new("Input.Opens", "2027-01-04T09:00"),
            new("Input.Closes", "2027-02-26T17:00"),
            new("Input.Cap", "125"),
            new("Input.NumberPattern", "MIK-{year}-{number:000}"),
            new("Input.ClarificationWorkingDays", "5"),
            new("Input.Rules", "NgoMark"),
            new("Input.Rules", "MinimumIncome"),
            new("Input.IncomeAmount", "1 000,00"),
            new("Input.IncomeYear", "2025"),
            new("Input.Rules", "CountiesAtLeast"),
            new("Input.Counties", "2"),
            new("Input.Attachments", "Statutes"),
            new("Input.Attachments", "FinancialStatements"),
            new("Input.Sections", "Goal"),
            new("Input.Sections", "Budget"),
        };
        var saved = await browser.PostAsync($"/calls/{call}/application-form", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var form = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}/application-form")).GetProperty(
            "form"
        );
        Assert.Equal(125, form.GetProperty("cap").GetInt32());
        Assert.Equal(
            ["NgoMark", "MinimumIncome", "CountiesAtLeast"],
            form.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("kind").GetString())
        );
        var visitor = Html.Text(await factory.Browser().GetStringAsync($"/calls/details/{call}"));
        Assert.Contains($"2025 m. pajamos – ne mažiau kaip {LtFormat.Eur(1_000m)}", visitor);
        Assert.Contains("Veikia ne mažiau kaip 2 apskrityse", visitor);
        Assert.Contains("2027 m. vasario 26 d. 17:00", visitor);
        Assert.Contains("Paskutinių metų finansinių ataskaitų rinkinys", visitor);

        // A pattern without the number is refused beside its field.
        fields[4] = new("Input.NumberPattern", "MIK-{year}");
        fields[0] = new(
            "__RequestVerificationToken",
            Html.Token(await browser.GetStringAsync($"/calls/{call}/application-form"))
        );
        var refused = await browser.PostAsync($"/calls/{call}/application-form", new FormUrlEncodedContent(fields));
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.True(
            Html.FieldError(answer, "Input.NumberPattern")?.StartsWith("Numerio šablone turi būti") == true,
            $"{(int)refused.StatusCode} {Html.Text(answer)}"
        );
    }

    [Fact]
    public async Task On_the_page_a_partner_is_named_by_its_legal_entity_code_and_an_unknown_code_is_refused_beside_it()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, VilniusNow.AddDays(-1), VilniusNow.AddDays(10));
        var partner = await (
            await admin.PostAsJsonAsync(
                "/api/v1/organisations",
                new
                {
                    name = "Asociacija „Partnerė“",
                    legalForm = "Association",
                    legalEntityCode = "305198980",
                }
            )
        ).IdOf();
        var (_, organisation, email) = await NamedApplicantAsync("Su partneriu");
        var browser = await factory.BrowserAsAsync(email, TestAccounts.NewPassword);
        var member = await TestAccounts.LoginAsync(factory, email, TestAccounts.NewPassword);
        var id = await (
            await member.PostAsJsonAsync($"/api/v1/calls/{call}/applications", new { organisationId = organisation })
        ).IdOf();
        async Task<HttpResponseMessage> SaveAsync(string code)
        {
            var page = await browser.GetStringAsync($"/applications/{id}");
            var version = System
                .Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"")
                .Groups[1]
                .Value;
            return await browser.PostAsync(
                $"/applications/{id}?handler=Save",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = Html.Token(page),
                        ["Input.Version"] = version,
                        ["Input.Title"] = "Su partneriu",
                        ["Input.Partners[0].Code"] = code,
                        ["Input.Partners[0].Role"] = "Veda mokymus savanoriams",
                    }
                )
            );
        }
        var unknown = await SaveAsync("111111111");
        Assert.Equal(
            "Organizacija su kodu 111111111 Talkoje neįregistruota.",
            Html.FieldError(await unknown.Content.ReadAsStringAsync(), "Input.Partners[0].Code")
        );
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("305198980")).StatusCode);
        var saved = await member.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        var named = Assert.Single(saved.GetProperty("partners").EnumerateArray());
        Assert.Equal(partner, named.GetProperty("organisationId").GetGuid());
        Assert.Equal("Veda mokymus savanoriams", named.GetProperty("role").GetString());
    }
}
