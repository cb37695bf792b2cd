using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Domain.Finance;
using Talka.Domain.Organisations;
using Talka.Domain.Payments;
using Talka.Domain.Projects;
using Talka.Web.Features.Applications;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's evaluation, made through the domain's own rules: a closed call of the same kind whose three applications
/// two experts (the demo evaluator and a second one) have scored, ranked within a 40 000 € budget and approved as
/// version 1 (the forum's and the 2022 national NGO's funded and now projects, the Social Partnership Centre's on the
/// reserve list); and, in the open 2027 call, Vilniaus
/// arkivyskupijos CARITAS's eligible application waiting for the demo evaluator's declaration while the second expert
/// has begun scoring.
/// </summary>
internal static class DemoEvaluation
{
    public static readonly CallEvaluation Criteria = new(
        [
            new Criterion(
                "A",
                "Projekto aktualumas ir atitiktis kvietimo prioritetams",
                "Ar projektas sprendžia "
                    + "tikslinės grupės poreikius, įvardytus kvietime, ir ar tai pagrįsta duomenimis.",
                40
            ),
            new Criterion(
                "B",
                "Veiklų kokybė ir įgyvendinamumas",
                "Ar veiklos, jų apimtys ir terminai realūs ir " + "veda į numatytus rezultatus.",
                30
            ),
            new Criterion("C", "Biudžeto pagrįstumas", "Ar išlaidos būtinos, pagrįstos ir proporcingos veikloms.", 20),
            new Criterion("D", "Pareiškėjo patirtis ir partnerystė", null, 10),
        ],
        "D5-00",
        null,
        new EvaluationSettings(MinimumScore: 50m, TieBreakCriterion: "A"),
        ""
    );

    public static void Seed(
        TalkaDbContext db,
        Programme programme,
        FundingBody body,
        Call open,
        Organisation caritas,
        Organisation forum,
        Organisation ngo2022,
        Organisation spc,
        string evaluator,
        string expert
    )
    {
        var vilnius = LtFormat.VilniusTime(DateTime.UtcNow);
        var today = DateOnly.FromDateTime(vilnius);
        var utcNow = DateTime.UtcNow;
        var evaluation = Criteria with { CouncilDecisionDate = today.AddDays(-90) };

        var call = new Call(
            programme.Id,
            new CallDetails(
                body.Id,
                "Nacionalinių NVO institucinio stiprinimo 2027 m. konkursas (demonstracinis, įvertintas)",
                2027,
                new LegalAct(
                    "A1-001",
                    today.AddDays(-80),
                    "Demonstracinis konkurso nuostatų įsakymas (pavyzdys, ne tikras teisės aktas)"
                ),
                40_000m,
                3_000m,
                25_000m,
                today.AddDays(-70),
                today.AddDays(-50),
                new DateOnly(2027, 1, 1),
                new DateOnly(2027, 12, 31),
                FundingSource.StateBudget,
                ReportingRules.Default
            )
        );
        // The call's own agreement conditions (a demonstration text), filled in each agreement from its records.
        call.SetAgreementTerms(
            "Vykdytojas {organizacija} visose projekto „{projektas}“ viešinimo priemonėse nurodo, kad projektas "
                + "finansuojamas iš valstybės biudžeto lėšų.\n\n"
                + "Vykdytojas per 5 darbo dienas praneša Finansuotojui apie bet kokius pasikeitimus, galinčius turėti "
                + "įtakos sutarties Nr. {numeris} vykdymui, ir saugo projekto dokumentus 10 metų po {pabaiga}."
        );
        var closes = vilnius.Date.AddDays(-50).AddHours(17);
        var form = call.SetForm(
            new ApplicationForm(
                closes.AddDays(-20).AddHours(-8),
                closes,
                null,
                null,
                "NISK-{year}-{number:000}",
                [
                    new EligibilityRule(EligibilityRuleKind.NgoMark),
                    new EligibilityRule(EligibilityRuleKind.NotInLiquidation),
                ],
                [],
                [ApplicationSection.Goal, ApplicationSection.Objectives, ApplicationSection.Budget]
            )
        );
        call.SetEvaluation(evaluation);
        db.Calls.Add(call);

        var plans = new (Organisation Organisation, string Title, string Goal, decimal Requested, decimal[] Points)[]
        {
            (
                forum,
                "Skėtinių organizacijų narių kompetencijų stiprinimas",
                "Stiprinti forumo narių vadybos kompetencijas",
                20_000m,
                [36, 26, 17, 9, 34, 24, 17, 9]
            ),
            (
                ngo2022,
                "Savanorystės koordinatorių tinklas regionuose",
                "Sukurti savanorių koordinatorių tinklą penkiose apskrityse",
                15_000m,
                [31, 24, 15, 8, 30, 22, 14, 8]
            ),
            (
                spc,
                "Bendruomeninių paslaugų kokybės standartas",
                "Parengti ir išbandyti bendruomeninių paslaugų kokybės standartą",
                12_000m,
                [24, 17, 13, 6, 21, 16, 12, 5]
            ),
        };
        var entries = new List<RankingEntry>();
        var applications = new List<Application>();
        for (var n = 0; n < plans.Length; n++)
        {
            var (organisation, title, goal, requested, points) = plans[n];
            var application = Eligible(
                db,
                call,
                form,
                organisation,
                title,
                goal,
                requested,
                closes.AddDays(-3 + n),
                n + 1
            );
            applications.Add(application);
            var totals = new List<decimal>();
            foreach (var (person, offset) in new[] { (evaluator, 0), (expert, 4) })
            {
                var assignment = new Assignment(call.Id, application.Id, person, false, utcNow.AddDays(-45));
                assignment.Declare(false, null, evaluation.DeclarationText, utcNow.AddDays(-44));
                assignment.SaveScores(
                    evaluation,
                    [
                        .. evaluation.Criteria.Select(
                            (c, i) => new CriterionScore(c.Code, points[offset + i], Justifications[i])
                        ),
                    ]
                );
                totals.Add(assignment.Submit(evaluation, utcNow.AddDays(-40 + n)));
                db.Add(assignment);
            }
            entries.Add(
                new RankingEntry(
                    application.Id,
                    Scoring.Final(totals),
                    requested,
                    application.FirstSubmittedAt!.Value,
                    points[0]
                )
            );
        }
        var result = Ranking.Rank(entries, 40_000m, evaluation.Settings);
        var version = new RankingVersion(
            call.Id,
            1,
            result,
            evaluation.Settings,
            "A1-050",
            today.AddDays(-20),
            utcNow.AddDays(-20),
            "admin@demo.talka.lt"
        );
        db.Add(version);
        foreach (var line in result.Lines)
        {
            var application = applications.Single(a => a.Id == line.ApplicationId);
            application.Place(
                line,
                $"{version.DecisionNumber}, {version.DecisionDate:yyyy-MM-dd}",
                today.AddDays(-20).AddMonths(1)
            );
            if (line.Decision is RankingDecision.Funded or RankingDecision.PartiallyFunded)
                ProjectFromApplication.Add(db, application, call);
        }
        // The first funded project's agreement is signed: its advance can be approved, the rest waits for the final
        // report. The other's is a draft from the decision.
        var signed = db.ChangeTracker.Entries<Agreement>().Select(e => e.Entity).First(a => a.CallId == call.Id);
        var granted = signed.GrantedAmount!.Value;
        signed.Update(
            call,
            new AgreementDetails(
                "SADM-NVO-2027-001",
                null,
                signed.PeriodStart,
                signed.PeriodEnd,
                granted,
                [.. signed.Funding.Select(f => new AgreementFundingLine(f.Source, f.Amount))]
            )
        );
        signed.Sign(today, "Departamento direktorius; organizacijos vadovas", today);
        var advance = decimal.Round(granted * call.AdvancePercent / 100m, 2);
        db.Add(new Tranche(signed.ProjectId, 1, new TrancheInput(advance, today, PaymentRule.OnSignature)));
        db.Add(
            new Tranche(
                signed.ProjectId,
                2,
                new TrancheInput(granted - advance, signed.PeriodEnd.AddMonths(2), PaymentRule.AfterFinalReport)
            )
        );

        // The open call: CARITAS's application is eligible; the demo evaluator has yet to declare, the second expert
        // has begun.
        var openForm = open.Form!;
        open.SetEvaluation(Criteria with { CouncilDecisionDate = today.AddDays(-14) });
        var waiting = Eligible(
            db,
            open,
            openForm,
            caritas,
            "Maisto banko savanorių mokymai",
            "Parengti maisto banko savanorius darbui su socialinės rizikos šeimomis",
            9_800m,
            vilnius.AddDays(-1),
            2,
            attachments: true
        );
        db.Add(new Assignment(open.Id, waiting.Id, evaluator, false, utcNow.AddHours(-20)));
        var begun = new Assignment(open.Id, waiting.Id, expert, false, utcNow.AddHours(-20));
        begun.Declare(false, null, Criteria.DeclarationText, utcNow.AddHours(-3));
        begun.SaveScores(Criteria, [new CriterionScore("A", 32, "Poreikis pagrįstas maisto banko duomenimis.")]);
        db.Add(begun);
    }

    private static readonly string[] Justifications =
    [
        "Tikslinės grupės poreikiai aprašyti ir pagrįsti duomenimis.",
        "Veiklos nuoseklios, terminai realūs.",
        "Išlaidos pagrįstos, sąmata detali.",
        "Pareiškėjas turi panašių projektų patirties.",
    ];

    /// <summary>An application of the organisation to the call, submitted at the time given and found eligible.</summary>
    private static Application Eligible(
        TalkaDbContext db,
        Call call,
        ApplicationForm form,
        Organisation organisation,
        string title,
        string goal,
        decimal requested,
        DateTime submittedVilnius,
        int number,
        bool attachments = false
    )
    {
        var content = new ApplicationContent(
            new PlanInput(
                title,
                goal,
                null,
                [new ObjectiveInput(null, goal)],
                [new ActivityInput(null, 1, ActivityKind.Training, "Mokymai", null)],
                [TargetGroup.NgoStaffAndVolunteers],
                ["Vilniaus m."],
                [new IndicatorInput(null, "Dalyviai", "asm.", 40)]
            ),
            [],
            [new BudgetLineInput(CostCategory.EventsAndTraining, requested, 500m)],
            call.ProjectPeriodStart.AddMonths(1),
            call.ProjectPeriodEnd.AddMonths(-1),
            new EligibilityDeclaration(NgoMark: true, InLiquidation: false, ReliableTaxpayer: true, Income: 50_000m)
        ).Validated(call);
        var utc = TimeZoneInfo.ConvertTimeToUtc(submittedVilnius, LtFormat.Vilnius);
        var application = Application.Draft(call.Id, organisation.Id, content, utc);
        db.Applications.Add(application);
        var files = attachments
            ? form
                .Attachments.Select(a =>
                    DemoSeeder.Attach(
                        db,
                        application,
                        a.Key,
                        a.Key.ToLowerInvariant() + ".pdf",
                        "caritas@demo.talka.lt"
                    )
                )
                .ToList()
            : [];
        var keys = files.Select(f => f.Key).ToList();
        var version = application.Submit(
            call,
            form,
            keys,
            submittedVilnius,
            utc,
            () => number,
            "demo@demo.talka.lt",
            System.Text.Json.JsonSerializer.Serialize(
                files.Select(f => new
                {
                    f.Key,
                    f.Id,
                    f.FileName,
                    f.Sha256,
                })
            )
        );
        db.Add(version);
        application.RecordCheck(form, []);
        application.Decide(form, utc.AddDays(1), o => o.ToString() ?? "");
        return application;
    }
}
