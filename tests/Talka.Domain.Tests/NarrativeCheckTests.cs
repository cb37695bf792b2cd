using Talka.Domain.Narrative;

namespace Talka.Domain.Tests;

/// <summary>Seed texts checked against records like the demo's: the project's figures agree, a changed record shows
/// both values, participants of seminars are compared with the headcount, never with distinct persons, and a part of
/// the project is not compared by guess.</summary>
public sealed class NarrativeCheckTests
{
    private static string Seed(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", file));

    private static ProjectRecords Seed002(decimal persons) =>
        new(
            persons,
            0,
            12,
            162,
            0,
            47_511.61m,
            null,
            null,
            null,
            null,
            new DateOnly(2022, 1, 1),
            new DateOnly(2022, 12, 31)
        );

    private static Dictionary<string, FactCheck> ByKey(IReadOnlyList<FactCheck> checks) =>
        checks.GroupBy(c => NarrativeCorpusTests.Key(c.Fact)).ToDictionary(g => g.Key, g => g.First());

    [Fact]
    public void Seed_002s_persons_money_and_year_agree_and_one_person_less_in_the_records_differs_209_to_208()
    {
        var facts = NarrativeExtractor.Extract(Seed("seed-002.txt"));
        var agreeing = ByKey(NarrativeCheck.Check(Seed("seed-002.txt"), facts, Seed002(209)));
        Assert.Equal(Verdict.Agrees, agreeing["Persons 209 total"].Verdict);
        Assert.Equal("DistinctParticipants", agreeing["Persons 209 total"].Source);
        Assert.Equal(Verdict.Agrees, agreeing["Money 47511.61"].Verdict);
        Assert.Equal(Verdict.Agrees, agreeing["Period 2022"].Verdict);
        // Without the activities' records, one activity's participants are a part of the project: not compared
        // with the project's persons.
        Assert.Equal(Verdict.NotComparable, agreeing["Persons 106 total"].Verdict);
        Assert.Equal(Verdict.NotComparable, agreeing["Persons 20"].Verdict);

        var differing = ByKey(NarrativeCheck.Check(Seed("seed-002.txt"), facts, Seed002(208)))["Persons 209 total"];
        Assert.Equal(
            (Verdict.Differs, 209m, 208m),
            (differing.Verdict, differing.Fact.Value!.Value, differing.Recorded!.Value)
        );
    }

    [Fact]
    public void Seed_004s_participants_of_its_seminars_are_compared_with_the_headcount_and_its_number_with_the_application()
    {
        var facts = NarrativeExtractor.Extract(Seed("seed-004.txt"));
        var records = new ProjectRecords(
            0,
            460,
            24,
            0,
            0,
            null,
            null,
            null,
            null,
            "08.4.1-ESFA-V-405-01-0001",
            new DateOnly(2016, 1, 1),
            new DateOnly(2017, 12, 31)
        );
        var checks = ByKey(NarrativeCheck.Check(Seed("seed-004.txt"), facts, records));
        Assert.Equal(("Headcount", Verdict.Agrees), (checks["Persons 460"].Source, checks["Persons 460"].Verdict));
        Assert.Equal(Verdict.Agrees, checks["Sessions 24"].Verdict);
        Assert.Equal(Verdict.Agrees, checks["Reference 08.4.1-ESFA-V-405-01-0001"].Verdict);
        Assert.Equal(Verdict.Agrees, checks["Period 2016..2017"].Verdict);
        // The context's year and the publication day say nothing of the project.
        Assert.Equal(Verdict.NotComparable, checks["Period 2014"].Verdict);
        Assert.Equal(Verdict.NotComparable, checks["Date 2017-06-29"].Verdict);
    }

    /// <summary>Seed 002's activities as the demo records them: the VTRS training (20 persons, 11 sessions of 8 ak.
    /// val.), its consultations (the same 20, 12 ak. val.), the attachment seminars (106, 5 × 6), the trauma
    /// seminars (69, 2 × 8), the institute's staff training (14, 16 ak. val.) and the audit (no event).</summary>
    private static ProjectRecords Seed002WithActivities(decimal traumaPersons = 69) =>
        Seed002(209) with
        {
            Activities =
            [
                Activity("„Vaikų ir tėvų ryšio stiprinimo programos (VTRS)“ mokymai", 20, 11, 88),
                Activity("Praktinės konsultacijos mokymų dalyviams", 20, 1, 12),
                Activity(
                    "Seminarai „Vaiko prieraišumas ir jo reikšmės santykiams su tėvais ir kitais asmenimis“",
                    106,
                    5,
                    30
                ),
                Activity("Seminarai „Antrinė trauma ir atsparumas“", traumaPersons, 2, 16),
                Activity("Komunikacinių įgūdžių stiprinimo mokymai instituto darbuotojams", 14, 1, 16),
                new ActivityRecords(Guid.NewGuid(), "Audito paslauga", ["Audito paslauga"], 0, 0, 0, 0, 0, 0),
            ],
        };

    private static ActivityRecords Activity(string title, decimal persons, decimal sessions, decimal hours) =>
        new(Guid.NewGuid(), title, [title], persons, persons, sessions, hours, sessions, 1);

    [Fact]
    public void Seed_002s_figures_of_each_activity_agree_with_that_activitys_records()
    {
        var text = Seed("seed-002.txt");
        var checks = NarrativeCheck.Check(text, NarrativeExtractor.Extract(text), Seed002WithActivities());
        var byKey = ByKey(checks);
        string[] agreeing =
        [
            "Persons 20",
            "Days 11",
            "AcademicHours 88",
            "AcademicHours 12",
            "Sessions 5×6",
            "AcademicHours 30 total",
            "Persons 106 total",
            "Sessions 2×8",
            "AcademicHours 16 total",
            "Persons 69 total",
            "Persons 14",
            "Persons 209 total",
            "Money 47511.61",
        ];
        foreach (var key in agreeing)
            Assert.True(byKey[key].Verdict == Verdict.Agrees, $"{key}: {byKey[key].Verdict}");
        // Each was compared with its own activity's records, named.
        Assert.StartsWith("Seminarai „Antrinė trauma", byKey["Persons 69 total"].Activity!.Title);
        Assert.StartsWith("Praktinės konsultacijos", byKey["AcademicHours 12"].Activity!.Title);
        Assert.StartsWith(
            "Komunikacinių",
            checks
                .Single(c => c.Fact.Kind == FactKind.AcademicHours && c.Fact.Sentence.Contains("komunikacinius"))
                .Activity!.Title
        );
        Assert.Null(byKey["Persons 209 total"].Activity);
        Assert.DoesNotContain(checks, c => c.Verdict == Verdict.Differs);
    }

    [Fact]
    public void One_activity_with_a_person_less_differs_in_that_activity_only()
    {
        var text = Seed("seed-002.txt");
        var checks = ByKey(NarrativeCheck.Check(text, NarrativeExtractor.Extract(text), Seed002WithActivities(68)));
        var trauma = checks["Persons 69 total"];
        Assert.Equal(
            (Verdict.Differs, 68m, "DistinctParticipants"),
            (trauma.Verdict, trauma.Recorded!.Value, trauma.Source)
        );
        Assert.Equal(Verdict.Agrees, checks["Persons 106 total"].Verdict);
    }

    [Fact]
    public void A_report_section_speaks_of_its_activity_a_part_is_never_compared_and_an_activity_without_events_has_no_record()
    {
        var records = Seed002WithActivities();
        var trauma = records.Activities![3];
        const string text = "Seminaruose dalyvavo 70 asmenų, iš jų 12 vaikų.";
        var checks = NarrativeCheck.Check(text, NarrativeExtractor.Extract(text), records, trauma.Id);
        Assert.Equal((Verdict.Differs, 69m), (checks[0].Verdict, checks[0].Recorded!.Value));
        Assert.Equal(trauma, checks[0].Activity);
        Assert.True(checks[1].Fact.Part);
        Assert.Equal(Verdict.NotComparable, checks[1].Verdict);

        var audit = records.Activities![5];
        const string auditText = "Auditą atliko 2 specialistai.";
        var none = NarrativeCheck.Check(auditText, NarrativeExtractor.Extract(auditText), records, audit.Id).Single();
        Assert.Equal((Verdict.NoMatchingRecord, "Events"), (none.Verdict, none.Source));
    }

    [Fact]
    public void A_passage_naming_two_activities_equally_is_not_given_to_either()
    {
        var records = Seed002WithActivities() with
        {
            Activities = [Activity("Seminarai tėvams", 10, 1, 4), Activity("Seminarai vaikams", 12, 1, 4)],
        };
        const string text = "Seminarai tėvams ir vaikams: dalyvavo 22 asmenys.";
        var check = NarrativeCheck.Check(text, NarrativeExtractor.Extract(text), records).Single();
        Assert.Null(check.Activity);
    }
}
