using Talka.Domain.Narrative;

namespace Talka.Domain.Tests;

/// <summary>The narrative extraction on pieces written to exercise it: case forms of nouns and number words, money as
/// people write it, ranges and quarters, and the traps that are not counts (phone numbers, years, street numbers, a
/// list's numbering, "one of").</summary>
public sealed class NarrativeExtractionTests
{
    private static List<string> Keys(string text) =>
        [.. NarrativeExtractor.Extract(text).Select(NarrativeCorpusTests.Key)];

    [Theory]
    [InlineData("Mokymuose dalyvavo keturiolika savanorių.", "Persons 14")]
    [InlineData("Užsiėmimus lankė du šimtai devyni vaikai.", "Persons 209")]
    [InlineData("Konsultacijas gavo dvidešimt trys senjorai.", "Persons 23")]
    [InlineData("Parengti 12 specialistų ir 3 darbuotojams suteiktos konsultacijos.", "Persons 12|Persons 3")]
    [InlineData("Surengta šimtas susitikimų.", "Sessions 100")]
    [InlineData("Įvyko 4 konsultacijos po 2 ak. val., iš viso 8 ak. val.", "Sessions 4×2|AcademicHours 8 total")]
    [InlineData("Mokymai truko 3 dienas, 24 akad. val.", "Days 3|AcademicHours 24")]
    [InlineData("Vyko 6 valandų trukmės renginys.", "Hours 6")]
    public void Counts_take_the_noun_they_count_in_any_case_form_in_digits_or_words(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Keys(text));

    [Theory]
    [InlineData("Panaudota 47 511,61 Eur.", "Money 47511.61")]
    [InlineData("Skirta 25000,00 Eurų.", "Money 25000")]
    [InlineData("Grąžinta 9040 eurų.", "Money 9040")]
    [InlineData("Programai skirta 2 mln. 180 tūkst. eurų.", "Money 2180000")]
    [InlineData("Biudžetas – 914 tūkst. Eur.", "Money 914000")]
    [InlineData("Sąmata 12 345,67 €.", "Money 12345.67")]
    public void Money_is_read_as_people_write_it(string text, string expected) => Assert.Equal([expected], Keys(text));

    [Theory]
    [InlineData("Projektas vykdytas 2016–2017 m.", "Period 2016..2017")]
    [InlineData("Per I ketv. surengti mokymai.", "Quarter 1")]
    [InlineData("Ataskaita už I-ąjį 2024 m. ketvirtį pateikta.", "Quarter 1")]
    [InlineData("Sutartis pasirašyta 2020 m. sausio 8 d.", "Date 2020-01-08")]
    [InlineData("Įsakymas Nr. A1-520 galioja.", "Reference A1-520")]
    public void Dates_periods_quarters_and_references_are_facts_of_their_own(string text, string expected) =>
        Assert.Equal([expected], Keys(text));

    [Fact]
    public void A_quarter_with_its_year_spans_the_quarters_days()
    {
        var fact = Assert.Single(NarrativeExtractor.Extract("Ataskaita už I-ąjį 2024 m. ketvirtį."));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (fact.From!.Value, fact.To!.Value));
    }

    [Theory]
    [InlineData("Skambinkite +370 612 34567 arba rašykite.")]
    [InlineData("Biuras įsikūręs Gedimino pr. 9, Vilniuje.")]
    [InlineData("1. Užtikrinti paslaugas.\n2. Stiprinti savanorystę.")]
    [InlineData("Tai viena iš priemonių, skirtų dalyviams.")]
    [InlineData("Auditas atliktas bent vienam iš Forumo narių.")]
    [InlineData("Forumo narės veikia keliolika ir daugiau metų.")]
    public void Traps_are_not_counts(string text) => Assert.Empty(Keys(text));

    [Fact]
    public void A_fact_knows_where_it_stands_and_the_sentence_it_came_from()
    {
        const string text = "Įvyko 2 seminarai. Viso projekto veiklose dalyvavo 209 asm. Ačiū visiems.";
        var persons = NarrativeExtractor.Extract(text).Single(f => f.Kind == FactKind.Persons);
        Assert.Equal("209 asm.", text.Substring(persons.Start, persons.Length));
        Assert.Equal("Viso projekto veiklose dalyvavo 209 asm.", persons.Sentence);
        Assert.True(persons.Total);
    }

    [Theory]
    [InlineData("Dalyvavo 120 asmenų, iš jų 45 vaikai.", false, true)]
    [InlineData("Dalyvavo 30 senjorų, iš kurių – 8 savanoriai.", false, true)]
    [InlineData("Iš viso dalyvavo 120 asmenų ir 45 vaikai.", true, false)]
    public void Iš_jų_marks_a_part_and_iš_viso_a_total(string text, bool firstTotal, bool secondPart)
    {
        var facts = NarrativeExtractor.Extract(text);
        Assert.Equal(2, facts.Count);
        Assert.Equal((firstTotal, false), (facts[0].Total, facts[0].Part));
        Assert.Equal(secondPart, facts[1].Part);
    }
}
