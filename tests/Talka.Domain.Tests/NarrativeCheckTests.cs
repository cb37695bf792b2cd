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
        var agreeing = ByKey(NarrativeCheck.Check(facts, Seed002(209)));
        Assert.Equal(Verdict.Agrees, agreeing["Persons 209 total"].Verdict);
        Assert.Equal("DistinctParticipants", agreeing["Persons 209 total"].Source);
        Assert.Equal(Verdict.Agrees, agreeing["Money 47511.61"].Verdict);
        Assert.Equal(Verdict.Agrees, agreeing["Period 2022"].Verdict);
        // One activity's participants are a part of the project: not compared with the project's persons.
        Assert.Equal(Verdict.NotComparable, agreeing["Persons 106 total"].Verdict);
        Assert.Equal(Verdict.NotComparable, agreeing["Persons 20"].Verdict);

        var differing = ByKey(NarrativeCheck.Check(facts, Seed002(208)))["Persons 209 total"];
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
        var checks = ByKey(NarrativeCheck.Check(facts, records));
        Assert.Equal(("Headcount", Verdict.Agrees), (checks["Persons 460"].Source, checks["Persons 460"].Verdict));
        Assert.Equal(Verdict.Agrees, checks["Sessions 24"].Verdict);
        Assert.Equal(Verdict.Agrees, checks["Reference 08.4.1-ESFA-V-405-01-0001"].Verdict);
        Assert.Equal(Verdict.Agrees, checks["Period 2016..2017"].Verdict);
        // The context's year and the publication day say nothing of the project.
        Assert.Equal(Verdict.NotComparable, checks["Period 2014"].Verdict);
        Assert.Equal(Verdict.NotComparable, checks["Date 2017-06-29"].Verdict);
    }
}
