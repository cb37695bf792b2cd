using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

/// <summary>The agreement's lifecycle and the grant's payments through the API and the pages: the default schedule,
/// release by rule (the advance on signature, a tranche after its report's approval) through any route, payment with
/// its order, the funder's list with its total and XLSX, notifications, who may do what, and termination.</summary>
public sealed class PaymentTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<JsonElement> PaymentsAsync(HttpClient api, Guid project) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/payments");

    private static JsonElement Tranche(JsonElement payments, int number) =>
        payments.GetProperty("tranches").EnumerateArray().Single(t => t.GetProperty("number").GetInt32() == number);

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient api, Guid project, JsonElement tranche) =>
        await api.PostAsJsonAsync(
            $"/api/v1/projects/{project}/payments/{tranche.GetProperty("id").GetGuid()}/approve",
            new { version = tranche.GetProperty("version").GetInt32() }
        );

    [Fact]
    public async Task A_tranche_is_released_by_its_rule_approved_within_the_grant_paid_and_listed_for_accounting()
    {
        var project = await TestProjects.CreateAsync(factory, "Mokėjimų projektas", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);

        // The default schedule: 30 % on signature, a tranche after each quarter's report but the last, the rest
        // after the final report.
        (
            await admin.PostAsync($"/api/v1/projects/{project}/payments/default-schedule", null)
        ).EnsureSuccessStatusCode();
        var planned = await PaymentsAsync(admin, project);
        Assert.Equal("Draft", planned.GetProperty("agreement").GetProperty("status").GetString());
        var tranches = planned.GetProperty("tranches").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("OnSignature", 12_000m),
                ("AfterReport", 7_000m),
                ("AfterReport", 7_000m),
                ("AfterReport", 7_000m),
                ("AfterFinalReport", 7_000m),
            ],
            tranches.Select(t => (t.GetProperty("rule").GetString(), t.GetProperty("amount").GetDecimal()))
        );
        Assert.All(tranches, t => Assert.Equal("Planned", t.GetProperty("state").GetString()));

        // The agreement's text is made from the records: the parties, the amount, the schedule, the return rule.
        var reader = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var text = Html.Text(await reader.GetStringAsync($"/projects/{project}/payments/agreement"))
            .Replace('\u00a0', ' ');
        Assert.Contains("VALSTYBĖS BIUDŽETO LĖŠŲ NAUDOJIMO SUTARTIS", text);
        Assert.Contains("skiria Vykdytojui 40 000,00 € valstybės biudžeto lėšų projektui „Mokėjimų projektas“", text);
        Assert.Contains("Avansas – 30 % skirtos sumos – mokamas pasirašius sutartį.", text);
        Assert.Contains("grąžinamos Finansuotojui iki 2023 m. sausio 10 d. 7. Parašai", text);
        var pdf = await reader.GetAsync($"/projects/{project}/payments/agreement?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);

        // Unsigned, the advance cannot be approved; once signed it is eligible and the officers are told.
        var early = await ApproveAsync(admin, project, Tranche(planned, 1));
        Assert.Equal("Sutartis dar nepasirašyta.", await early.FieldErrorAsync("Approved"));
        var agreement = planned.GetProperty("agreement");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        (
            await admin.PostAsJsonAsync(
                $"/api/v1/projects/{project}/agreement/sign",
                new
                {
                    signedOn = today,
                    signatories = "Direktorė R. Rūtienė",
                    version = agreement.GetProperty("version").GetInt32(),
                }
            )
        ).EnsureSuccessStatusCode();
        var signed = await PaymentsAsync(admin, project);
        Assert.Equal("Active", signed.GetProperty("agreement").GetProperty("status").GetString());
        Assert.Equal("Eligible", Tranche(signed, 1).GetProperty("state").GetString());
        Assert.Equal("Planned", Tranche(signed, 2).GetProperty("state").GetString());
        var officerNews = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(
            officerNews.GetProperty("items").EnumerateArray(),
            n =>
                n.GetProperty("text").GetString()
                == "Projekto „Mokėjimų projektas“ mokėjimą Nr. 1 (12\u00a0000,00\u00a0€) galima tvirtinti."
        );

        // The organisation reads its payments but approves nothing.
        var own = await PaymentsAsync(member, project);
        Assert.False(own.GetProperty("canManage").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(member, project, Tranche(own, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/payments")).StatusCode);

        // The tranche after the first quarter's report waits for that report, by the API and by the page.
        var second = Tranche(signed, 2);
        Assert.Equal(
            "Mokėjimo Nr. 2 tvirtinti dar negalima: jo sąlyga neįvykdyta (pvz., ataskaita dar nepatvirtinta arba "
                + "sutartis nepasirašyta).",
            await (await ApproveAsync(admin, project, second)).FieldErrorAsync("Approved")
        );
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync($"/projects/{project}/payments");
        var refused = await browser.PostAsync(
            $"/projects/{project}/payments?handler=Approve",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = Html.Token(form),
                    ["trancheId"] = second.GetProperty("id").GetString()!,
                    ["version"] = second.GetProperty("version").GetInt32().ToString(),
                }
            )
        );
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mokėjimo Nr. 2 tvirtinti dar negalima", Html.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("Planned", Tranche(await PaymentsAsync(admin, project), 2).GetProperty("state").GetString());

        // The report is submitted and approved: the tranche becomes eligible.
        var report = second.GetProperty("reportId").GetGuid();
        var draft = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports/{report}");
        (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{project}/reports/{report}/submit",
                new { version = draft.GetProperty("version").GetInt32() }
            )
        ).EnsureSuccessStatusCode();
        var submitted = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/reports/{report}");
        (
            await admin.PostAsJsonAsync(
                $"/api/v1/projects/{project}/reports/{report}/approve",
                new { version = submitted.GetProperty("version").GetInt32() }
            )
        ).EnsureSuccessStatusCode();
        var released = await PaymentsAsync(admin, project);
        Assert.Equal("Eligible", Tranche(released, 2).GetProperty("state").GetString());

        // The funder's list: both eligible, with their total; approved, they move to the list awaiting payment.
        var eligible = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments?state=Eligible");
        var mine = eligible
            .GetProperty("lines")
            .GetProperty("items")
            .EnumerateArray()
            .Where(l => l.GetProperty("projectId").GetGuid() == project)
            .ToList();
        // Oldest plan first: the quarter's tranche (2022) before the advance planned on the day the schedule was made.
        Assert.Equal([2, 1], mine.Select(l => l.GetProperty("number").GetInt32()));
        (await ApproveAsync(admin, project, Tranche(released, 1))).EnsureSuccessStatusCode();
        (await ApproveAsync(admin, project, Tranche(released, 2))).EnsureSuccessStatusCode();
        var approved = await PaymentsAsync(admin, project);
        Assert.Equal(
            (19_000m, 21_000m),
            (approved.GetProperty("approved").GetDecimal(), approved.GetProperty("available").GetDecimal())
        );
        var awaiting = await admin.GetFromJsonAsync<JsonElement>("/api/v1/payments?state=Approved");
        Assert.True(awaiting.GetProperty("total").GetDecimal() >= 19_000m);
        var xlsx = SpreadsheetReader.Read(
            new MemoryStream(await admin.GetByteArrayAsync("/api/v1/payments/xlsx?state=Approved"))
        );
        var rows = xlsx.Rows.Where(r => r.Cells[2].Text == "Mokėjimų projektas").ToList();
        Assert.Equal([7_000d, 12_000d], rows.Select(r => r.Cells[5].Number));
        Assert.All(rows, r => Assert.Equal(TestProjects.Organisation, r.Cells[0].Text));

        // Paid with its payment order: the organisation is told.
        var first = Tranche(approved, 1);
        var pay = $"/api/v1/projects/{project}/payments/{first.GetProperty("id").GetGuid()}/pay";
        Assert.Equal(
            "Šis laukas privalomas.",
            await (
                await admin.PostAsJsonAsync(
                    pay,
                    new { paidOn = today, version = first.GetProperty("version").GetInt32() }
                )
            ).FieldErrorAsync("PaymentOrder")
        );
        (
            await admin.PostAsJsonAsync(
                pay,
                new
                {
                    paidOn = today,
                    paymentOrder = "MN-2026-117",
                    version = first.GetProperty("version").GetInt32(),
                }
            )
        ).EnsureSuccessStatusCode();
        var paid = await PaymentsAsync(member, project);
        Assert.Equal(
            ("Paid", "MN-2026-117", 12_000m),
            (
                Tranche(paid, 1).GetProperty("state").GetString(),
                Tranche(paid, 1).GetProperty("paymentOrder").GetString(),
                paid.GetProperty("paid").GetDecimal()
            )
        );
        var memberNews = await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(
            memberNews.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("text").GetString()!.StartsWith("Projektui „Mokėjimų projektas“")
        );

        // A form made before the approval is stale: a conflict, never a second approval.
        var stale = await ApproveAsync(admin, project, Tranche(released, 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Terminated: everything not yet paid is cancelled with the reason; the paid advance stays.
        var active = (await PaymentsAsync(admin, project)).GetProperty("agreement");
        (
            await admin.PostAsJsonAsync(
                $"/api/v1/projects/{project}/agreement/terminate",
                new
                {
                    on = today,
                    reason = "Esminiai pažeidimai",
                    version = active.GetProperty("version").GetInt32(),
                }
            )
        ).EnsureSuccessStatusCode();
        var ended = await PaymentsAsync(admin, project);
        Assert.Equal("Terminated", ended.GetProperty("agreement").GetProperty("status").GetString());
        Assert.Equal(
            ["Paid", "Cancelled", "Cancelled", "Cancelled", "Cancelled"],
            ended.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("state").GetString())
        );
    }

    [Fact]
    public async Task A_schedule_is_refused_above_the_grant_and_a_stranger_sees_no_payments()
    {
        var project = await TestProjects.CreateAsync(factory, "Mokėjimai virš sumos", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var first = await admin.PostAsJsonAsync(
            $"/api/v1/projects/{project}/payments",
            new
            {
                amount = 30_000m,
                plannedOn = "2022-02-01",
                rule = "OnSignature",
            }
        );
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await admin.PostAsJsonAsync(
            $"/api/v1/projects/{project}/payments",
            new
            {
                amount = 10_000.01m,
                plannedOn = "2022-06-01",
                rule = "AfterFinalReport",
            }
        );
        Assert.Equal(
            "Mokėjimų grafike numatyta 40\u00a0000,01\u00a0€, o skirta tik 40\u00a0000,00\u00a0€.",
            await second.FieldErrorAsync("Amount")
        );
        // On the page the same refusal stands beside the new tranche's amount, the form kept as typed.
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var form = await browser.GetStringAsync($"/projects/{project}/payments");
        var refused = await (await browser.PostAsync($"/projects/{project}/payments?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["TrancheAmount"] = "10000,01", ["PlannedOn"] = "2022-06-01", ["Rule"] = "AfterFinalReport",
                ["__RequestVerificationToken"] = Html.Token(form),
            }))).Content.ReadAsStringAsync();
        Assert.Equal("Mokėjimų grafike numatyta 40\u00a0000,01\u00a0€, o skirta tik 40\u00a0000,00\u00a0€.",
            Html.FieldError(refused, "TrancheAmount"));
        Assert.Contains("value=\"10000,01\"", refused);
        var noReport = await admin.PostAsJsonAsync(
            $"/api/v1/projects/{project}/payments",
            new
            {
                amount = 1m,
                plannedOn = "2022-06-01",
                rule = "AfterReport",
            }
        );
        Assert.Equal("Šis laukas privalomas.", await noReport.FieldErrorAsync("ReportId"));
        var stranger = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await stranger.GetAsync($"/api/v1/projects/{project}/payments")).StatusCode
        );
        var auditor = await factory.ApiAsAsync(TalkaFactory.Auditor);
        var read = await PaymentsAsync(auditor, project);
        Assert.Equal(30_000m, read.GetProperty("planned").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/payments")).StatusCode);
    }

    [Fact]
    public async Task After_the_final_report_the_settlement_recovers_what_was_not_admitted_and_the_repaid_project_closes_read_only()
    {
        var project = await TestProjects.CreateAsync(factory, "Atsiskaitymo projektas", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{project}";
        // 35 000 € spent within the period, 1 000 € of it paid only after the project's end.
        foreach (
            var (number, amount, paid) in new[]
            {
                ("S-1", 20_000m, "2022-06-10"),
                ("S-2", 14_000m, "2022-11-30"),
                ("S-3", 1_000m, "2023-01-15"),
            }
        )
            (
                await member.PostAsJsonAsync(
                    url + "/expenditures",
                    new
                    {
                        documentType = "Invoice",
                        documentNumber = number,
                        documentDate = "2022-06-01",
                        supplier = "UAB „Salė“",
                        content = "Salės nuoma",
                        category = "EventsAndTraining",
                        amount,
                        paidOn = paid,
                    }
                )
            ).EnsureSuccessStatusCode();
        // Signed, and the whole grant paid on signature.
        var agreement = (await PaymentsAsync(admin, project)).GetProperty("agreement");
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
        await TestPayments.PayOnSignatureAsync(admin, project, 40_000m, "2022-01-20", "MN-1");

        // Before the final report there is no settlement.
        var early = await admin.PostAsJsonAsync(
            url + "/settlement",
            new
            {
                version = (await PaymentsAsync(admin, project))
                    .GetProperty("agreement")
                    .GetProperty("version")
                    .GetInt32(),
            }
        );
        Assert.Equal("Atsiskaityti galima tik patvirtinus galutinę ataskaitą.", await early.FieldErrorAsync("Status"));
        await TestPayments.ApproveFinalReportAsync(member, admin, project);

        // S-3 was paid after the end and does not count; the officer disallows S-2 (14 000 €) as recoverable VAT.
        var settlement = (await PaymentsAsync(admin, project)).GetProperty("settlement");
        Assert.Equal(34_000m, settlement.GetProperty("computed").GetProperty("admitted").GetDecimal());
        var s2 = settlement
            .GetProperty("expenses")
            .EnumerateArray()
            .Single(e => e.GetProperty("document").GetString() == "S-2");
        (
            await admin.PutAsJsonAsync(
                $"{url}/expenditures/{s2.GetProperty("id").GetGuid()}/disallowance",
                new { reason = "Susigrąžinamas PVM", version = s2.GetProperty("version").GetInt32() }
            )
        ).EnsureSuccessStatusCode();
        var computed = (await PaymentsAsync(admin, project)).GetProperty("settlement").GetProperty("computed");
        Assert.Equal(
            (20_000m, 40_000m, 20_000m),
            (
                computed.GetProperty("admitted").GetDecimal(),
                computed.GetProperty("paid").GetDecimal(),
                computed.GetProperty("recovery").GetDecimal()
            )
        );

        var version = (await PaymentsAsync(admin, project)).GetProperty("agreement").GetProperty("version").GetInt32();
        (await admin.PostAsJsonAsync(url + "/settlement", new { version })).EnsureSuccessStatusCode();
        var settled = await PaymentsAsync(admin, project);
        var recovery = settled.GetProperty("recoveries")[0];
        Assert.Equal(
            (20_000m, "2023-01-10"),
            (recovery.GetProperty("amount").GetDecimal(), recovery.GetProperty("dueOn").GetString())
        );
        Assert.Equal("Active", settled.GetProperty("agreement").GetProperty("status").GetString());

        // Partial repayment, then the rest: the agreement closes and the project's records become read-only.
        var repay = $"{url}/recoveries/{recovery.GetProperty("id").GetGuid()}/repayments";
        var tooMuch = await admin.PostAsJsonAsync(
            repay,
            new
            {
                on = "2023-01-05",
                amount = 20_000.01m,
                version = 0,
            }
        );
        Assert.Equal(
            "Grąžinama suma (20\u00a0000,01\u00a0€) didesnė už likusią grąžinti (20\u00a0000,00\u00a0€).",
            await tooMuch.FieldErrorAsync("Amount")
        );
        (
            await admin.PostAsJsonAsync(
                repay,
                new
                {
                    on = "2023-01-05",
                    amount = 5_000m,
                    version = 0,
                }
            )
        ).EnsureSuccessStatusCode();
        Assert.Equal(
            15_000m,
            (await PaymentsAsync(admin, project)).GetProperty("recoveries")[0].GetProperty("outstanding").GetDecimal()
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await member.PostAsJsonAsync(
                    url + "/events",
                    new
                    {
                        kind = "Seminar",
                        topic = "Dar atviras",
                        start = "2022-05-01",
                        end = "2022-05-01",
                        sessions = 1,
                    }
                )
            ).StatusCode
        );
        (
            await admin.PostAsJsonAsync(
                repay,
                new
                {
                    on = "2023-01-09",
                    amount = 15_000m,
                    version = 1,
                }
            )
        ).EnsureSuccessStatusCode();
        var closed = await PaymentsAsync(member, project);
        Assert.Equal("Closed", closed.GetProperty("agreement").GetProperty("status").GetString());
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await member.PostAsJsonAsync(
                    url + "/events",
                    new
                    {
                        kind = "Seminar",
                        topic = "Po uždarymo",
                        start = "2022-05-02",
                        end = "2022-05-02",
                        sessions = 1,
                    }
                )
            ).StatusCode
        );
        var plan = await member.GetFromJsonAsync<JsonElement>(url);
        var replan = await member.PutAsJsonAsync(
            url + "/plan",
            new
            {
                version = plan.GetProperty("version").GetInt32(),
                title = "Pakeistas po uždarymo",
                objectives = new[] { new { text = "Tikslas" } },
            }
        );
        Assert.Equal("Projektas užbaigtas: jo keisti nebegalima.", await replan.FieldErrorAsync("Version"));
        var page = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{project}/payments")
        );
        Assert.Contains("Projektas užbaigtas", page);
    }

    [Fact]
    public async Task Amendments_move_money_within_the_threshold_at_once_and_wait_for_the_funder_above_it_or_for_the_amount()
    {
        var project = await TestProjects.CreateAsync(factory, "Pakeitimų projektas", granted: 40_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
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
                            ownFunds = 0,
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
        async Task<decimal> GrantOf(string category) =>
            (await member.GetFromJsonAsync<JsonElement>(url + "/finance"))
                .GetProperty("budget")
                .EnumerateArray()
                .Single(l => l.GetProperty("category").GetString() == category)
                .GetProperty("grantAmount")
                .GetDecimal();

        // 3 000 € is 10 % of personnel: recorded at once, as agreement version 2.
        (
            await member.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "BudgetReallocation",
                    from = "Personnel",
                    to = "EventsAndTraining",
                    moved = 3_000m,
                    reason = "Daugiau mokymų",
                }
            )
        ).EnsureSuccessStatusCode();
        Assert.Equal((27_000m, 13_000m), (await GrantOf("Personnel"), await GrantOf("EventsAndTraining")));
        var first = (await PaymentsAsync(member, project)).GetProperty("amendments")[0];
        Assert.Equal(
            ("Approved", 2),
            (first.GetProperty("state").GetString(), first.GetProperty("agreementVersion").GetInt32())
        );

        // 5 000 € more waits for the funder; the officers are told; approved, the budget moves.
        var asked = await (
            await member.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "BudgetReallocation",
                    from = "Personnel",
                    to = "EventsAndTraining",
                    moved = 5_000m,
                    reason = "Dar daugiau mokymų",
                }
            )
        ).IdOf();
        Assert.Equal(27_000m, await GrantOf("Personnel"));
        Assert.Contains(
            (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("text").GetString() == "Prašoma pakeisti projekto „Pakeitimų projektas“ sutartį (Nr. 2)."
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await member.PostAsJsonAsync($"{url}/amendments/{asked}/decision", new { approve = true, version = 0 })
            ).StatusCode
        );
        (
            await admin.PostAsJsonAsync($"{url}/amendments/{asked}/decision", new { approve = true, version = 0 })
        ).EnsureSuccessStatusCode();
        Assert.Equal((22_000m, 18_000m), (await GrantOf("Personnel"), await GrantOf("EventsAndTraining")));
        var history = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{project}/payments")
        ).Replace('\u00a0', ' ');
        Assert.Contains("Pakeitimas Nr. 2: Lėšų perskirstymas tarp išlaidų kategorijų Patvirtinta sutarties redakcija Nr. 3", history);
        Assert.Contains("Buvo 27 000,00 € → tapo 22 000,00 €; buvo 13 000,00 € → tapo 18 000,00 €.", history);

        // The amount: a decision is required, and it never goes below what is paid or approved.
        var noDecision = await admin.PostAsJsonAsync(
            url + "/amendments",
            new
            {
                kind = "Amount",
                newAmount = 35_000m,
                reason = "Sumažintas finansavimas",
            }
        );
        Assert.Equal("Šis laukas privalomas.", await noDecision.FieldErrorAsync("Decision"));
        var amount = await (
            await admin.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "Amount",
                    newAmount = 35_000m,
                    decision = "A1-77, 2022-06-01",
                    reason = "Sumažintas finansavimas",
                }
            )
        ).IdOf();
        (
            await admin.PostAsJsonAsync($"{url}/amendments/{amount}/decision", new { approve = true, version = 0 })
        ).EnsureSuccessStatusCode();
        var payments = await PaymentsAsync(admin, project);
        Assert.Equal(35_000m, payments.GetProperty("granted").GetDecimal());

        // A rejection needs a note; the organisation withdraws its own request, never the funder's.
        var period = await (
            await member.PostAsJsonAsync(
                url + "/amendments",
                new
                {
                    kind = "Period",
                    newEnd = "2022-11-30",
                    reason = "Anksčiau",
                }
            )
        ).IdOf();
        Assert.Equal(
            "Šis laukas privalomas.",
            await (
                await admin.PostAsJsonAsync($"{url}/amendments/{period}/decision", new { approve = false, version = 0 })
            ).FieldErrorAsync("DecisionNote")
        );
        (
            await member.PostAsJsonAsync($"{url}/amendments/{period}/withdraw", new { version = 0 })
        ).EnsureSuccessStatusCode();
        var states = (await PaymentsAsync(member, project))
            .GetProperty("amendments")
            .EnumerateArray()
            .Select(a => (a.GetProperty("number").GetInt32(), a.GetProperty("state").GetString()))
            .ToList();
        Assert.Equal([(4, "Withdrawn"), (3, "Approved"), (2, "Approved"), (1, "Approved")], states);
    }
}
