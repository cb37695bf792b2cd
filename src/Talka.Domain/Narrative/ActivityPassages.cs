using System.Globalization;
using System.Text;

namespace Talka.Domain.Narrative;

/// <summary>
/// Which activity of the plan a passage speaks of: the one whose title or event topic the passage names. Words are
/// compared by their first five letters, without diacritics, so case forms meet ("mokymai", "mokymuose";
/// "įgūdžių", "įgūdžius"); words under four letters are left out. An activity is named when at least two thirds of
/// one of its names' words are in the passage and no other activity is named as well: never a guess between two.
/// </summary>
internal static class ActivityPassages
{
    private const decimal Enough = 2m / 3m;

    public static ActivityRecords? Named(string passage, IReadOnlyList<ActivityRecords> activities)
    {
        if (activities.Count == 0 || string.IsNullOrWhiteSpace(passage))
            return null;
        var words = Stems(passage).ToHashSet(StringComparer.Ordinal);
        var scored = activities
            .Select(a => (Activity: a, Score: a.Names.Select(name => Score(name, words)).DefaultIfEmpty(0m).Max()))
            .Where(x => x.Score >= Enough)
            .OrderByDescending(x => x.Score)
            .ToList();
        return scored.Count switch
        {
            0 => null,
            1 => scored[0].Activity,
            _ => scored[0].Score > scored[1].Score ? scored[0].Activity : null,
        };
    }

    /// <summary>The line (a paragraph or a list item) the character at <paramref name="at"/> stands in.</summary>
    public static string Paragraph(string text, int at)
    {
        if (at < 0 || at >= text.Length)
            return "";
        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.IndexOf('\n', at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static decimal Score(string name, HashSet<string> words)
    {
        var stems = Stems(name).Distinct(StringComparer.Ordinal).ToList();
        return stems.Count < 2 ? 0m : (decimal)stems.Count(words.Contains) / stems.Count;
    }

    private static IEnumerable<string> Stems(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length >= 4)
                yield return Fold(word.ToString());
            word.Clear();
        }
    }

    private static string Fold(string word)
    {
        var plain = new StringBuilder();
        foreach (var c in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(c);
        var folded = plain.ToString();
        return folded.Length <= 5 ? folded : folded[..5];
    }
}
