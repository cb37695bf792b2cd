using System.Globalization;
using Talka.Domain.Narrative;
using Xunit.Abstractions;

namespace Talka.Domain.Tests;

/// <summary>
/// The narrative extraction scored against the five seed texts, whose facts are listed here by hand: every figure
/// each text states, its kind and its value (a count, hours, euros; a day as yyyy-MM-dd; a period as its years; a
/// quarter as its number; a reference as written). Precision and recall are printed per text and must reach 0.95.
/// </summary>
public sealed class NarrativeCorpusTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, string[]> Corpus = new()
    {
        { "seed-000.txt", ["Date 2019-09-11", "Reference A1-520", "Period 2020", "Quarter 1"] },
        { "seed-001.txt", ["Period 2022", "Date 2022-12-31", "Municipalities 5", "Activities 3"] },
        {
            "seed-002.txt",
            [
                "Period 2022",
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
                "AcademicHours 16",
                "Persons 209 total",
                "Money 47511.61",
            ]
        },
        { "seed-003.txt", ["Date 2017-10-04", "Date 2017-08-31", "Organisations 10", "Date 2017-12-31"] },
        {
            "seed-004.txt",
            [
                "Period 2016..2017",
                "Reference 08.4.1-ESFA-V-405-01-0001",
                "Period 2014",
                "Sessions 24",
                "Persons 460",
                "Date 2017-06-29",
            ]
        },
    };

    /// <summary>A fact as the corpus writes it.</summary>
    public static string Key(NarrativeFact f)
    {
        static string N(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
        var value = f.Kind switch
        {
            FactKind.Date => f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FactKind.Period => f.From?.Year == f.To?.Year ? $"{f.From?.Year}" : $"{f.From?.Year}..{f.To?.Year}",
            FactKind.Reference => f.Reference,
            FactKind.Sessions when f.PerSession is not null => $"{N(f.Value)}×{N(f.PerSession)}",
            _ => N(f.Value),
        };
        return $"{f.Kind} {value}{(f.Total ? " total" : "")}";
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_seed_texts_facts_are_found_with_precision_and_recall_of_at_least_95_percent(
        string file,
        string[] expected
    )
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", file));
        var found = NarrativeExtractor.Extract(text).Select(Key).ToList();
        var left = expected.ToList();
        var hits = 0;
        foreach (var fact in found)
            if (left.Remove(fact))
                hits++;
        var precision = found.Count == 0 ? 1.0 : hits / (double)found.Count;
        var recall = expected.Length == 0 ? 1.0 : hits / (double)expected.Length;
        output.WriteLine($"{file}: precision {precision:0.00}, recall {recall:0.00} ({hits} of {expected.Length})");
        foreach (var extra in found.Except(expected))
            output.WriteLine($"  not in the corpus: {extra}");
        foreach (var missed in left)
            output.WriteLine($"  missed: {missed}");
        Assert.True(precision >= 0.95 && recall >= 0.95, $"{file}: precision {precision:0.00}, recall {recall:0.00}");
    }
}
