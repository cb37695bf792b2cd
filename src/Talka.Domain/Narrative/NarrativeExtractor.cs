using System.Globalization;
using System.Text.RegularExpressions;

namespace Talka.Domain.Narrative;

/// <summary>
/// Reads the figures a Lithuanian narrative states, with no model and no network: reference numbers, dates, quarters,
/// years and periods, money, sessions written as products ("5 vnt. po 6 ak. val."), hours, and counts of people,
/// sessions, days, organisations, municipalities and activities written in digits or in words, in any case form.
/// Each pass claims the characters it read, so a figure is read once: a year is never a count, a reference's digits
/// are never money. What the text does not state is never invented; a list's numbering, a number that counts "one of"
/// something and a number with no counted noun are not facts.
/// </summary>
public static partial class NarrativeExtractor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private const string Months =
        "sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio";
    private const string Hour = @"(?:ak|akad|k)\.\s*val\.";

    private static readonly string[] MonthNames = Months.Split('|');

    /// <summary>The counted nouns by their stems, longest first, with the kind each counts.</summary>
    private static readonly (string Stem, FactKind Kind)[] Nouns =
    [
        ("dalyv", FactKind.Persons),
        ("darbuotoj", FactKind.Persons),
        ("savanori", FactKind.Persons),
        ("specialist", FactKind.Persons),
        ("vaik", FactKind.Persons),
        ("senjor", FactKind.Persons),
        ("nari", FactKind.Persons),
        ("narė", FactKind.Persons),
        ("asmen", FactKind.Persons),
        ("asm", FactKind.Persons),
        ("žmon", FactKind.Persons),
        ("tėv", FactKind.Persons),
        ("mokini", FactKind.Persons),
        ("student", FactKind.Persons),
        ("ekspert", FactKind.Persons),
        ("seminar", FactKind.Sessions),
        ("mokym", FactKind.Sessions),
        ("konsultacij", FactKind.Sessions),
        ("susitikim", FactKind.Sessions),
        ("rengin", FactKind.Sessions),
        ("užsiėmim", FactKind.Sessions),
        ("paskait", FactKind.Sessions),
        ("dirbtuv", FactKind.Sessions),
        ("vnt", FactKind.Sessions),
        ("dien", FactKind.Days),
        ("organizacij", FactKind.Organisations),
        ("nvo", FactKind.Organisations),
        ("savivaldyb", FactKind.Municipalities),
        ("veikl", FactKind.Activities),
    ];

    public static IReadOnlyList<NarrativeFact> Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var claimed = new bool[text.Length];
        var facts = new List<NarrativeFact>();
        var sentences = Sentences(text);

        void Add(FactKind kind, decimal? value, string? unit, int start, int length, NarrativeFact? with = null)
        {
            for (var i = start; i < start + length; i++)
                claimed[i] = true;
            var fact = new NarrativeFact(
                kind,
                value,
                unit,
                start,
                length,
                text.Substring(start, length),
                SentenceAt(text, sentences, start),
                TotalBefore(text, start)
            ) with
            {
                Part = PartBefore(text, start),
            };
            facts.Add(
                with is null
                    ? fact
                    : fact with
                    {
                        PerSession = with.PerSession,
                        From = with.From,
                        To = with.To,
                        Reference = with.Reference,
                    }
            );
        }
        bool Free(Match m) => !Enumerable.Range(m.Index, m.Length).Any(i => claimed[i]);

        foreach (Match m in ReferencePattern().Matches(text))
            if (Free(m))
            {
                var number = m.Groups["ref"].Value;
                Add(FactKind.Reference, null, null, m.Index, m.Length, Empty with { Reference = number });
            }
        foreach (Match m in CodePattern().Matches(text))
            if (Free(m))
                Add(FactKind.Reference, null, null, m.Index, m.Length, Empty with { Reference = m.Value });
        foreach (Match m in IsoDatePattern().Matches(text))
            if (Free(m) && Day(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } day)
                Add(FactKind.Date, null, null, m.Index, m.Length, Empty with { From = day, To = day });
        foreach (Match m in LongDatePattern().Matches(text))
        {
            var month = Array.IndexOf(MonthNames, m.Groups["m"].Value.ToLowerInvariant()) + 1;
            if (
                Free(m)
                && Day(m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value)
                    is { } day
            )
                Add(FactKind.Date, null, null, m.Index, m.Length, Empty with { From = day, To = day });
        }
        foreach (Match m in QuarterPattern().Matches(text))
            if (Free(m))
            {
                var quarter = m.Groups["q"].Value.ToUpperInvariant() switch
                {
                    "I" => 1,
                    "II" => 2,
                    "III" => 3,
                    _ => 4,
                };
                var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
                Add(
                    FactKind.Quarter,
                    quarter,
                    "ketv.",
                    m.Index,
                    m.Length,
                    year == 0
                        ? null
                        : Empty with
                        {
                            From = new DateOnly(year, quarter * 3 - 2, 1),
                            To = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1),
                        }
                );
            }
        foreach (Match m in YearsPattern().Matches(text))
            if (Free(m) && Year(m.Groups["a"].Value) is { } from && Year(m.Groups["b"].Value) is { } to && to >= from)
                Add(
                    FactKind.Period,
                    null,
                    null,
                    m.Index,
                    m.Length,
                    Empty with
                    {
                        From = new DateOnly(from, 1, 1),
                        To = new DateOnly(to, 12, 31),
                    }
                );
        foreach (Match m in YearPattern().Matches(text))
            if (Free(m) && Year(m.Groups["y"].Value) is { } year)
                Add(
                    FactKind.Period,
                    year,
                    null,
                    m.Index,
                    m.Length,
                    Empty with
                    {
                        From = new DateOnly(year, 1, 1),
                        To = new DateOnly(year, 12, 31),
                    }
                );
        foreach (Match m in MoneyPattern().Matches(text))
            if (Free(m) && Money(m) is { } amount)
                Add(FactKind.Money, amount, "€", m.Index, m.Length);
        // Sessions with the hours of each: "5 vnt. po 6 ak. val.", "2 seminarai „…“ po 8 k. val.".
        foreach (Match m in ProductPattern().Matches(text))
        {
            var count = Count(m.Groups["n"].Value);
            var each = Number(m.Groups["h"].Value);
            var head = m.Groups["head"];
            var per = m.Groups["per"];
            if (count is null || each is null || !Free(m))
                continue;
            Add(
                FactKind.Sessions,
                count,
                NounAt(head.Value),
                m.Index,
                head.Index + head.Length - m.Index,
                Empty with
                {
                    PerSession = each,
                }
            );
            for (var i = per.Index; i < per.Index + per.Length; i++)
                claimed[i] = true;
        }
        foreach (Match m in HoursPattern().Matches(text))
            if (Free(m) && Number(m.Groups["n"].Value) is { } hours)
                Add(
                    m.Groups["ak"].Success ? FactKind.AcademicHours : FactKind.Hours,
                    hours,
                    m.Groups["ak"].Success ? "ak. val." : "val.",
                    m.Index,
                    m.Length
                );
        CountNouns(text, claimed, Add);
        return [.. facts.OrderBy(f => f.Start)];
    }

    private static readonly NarrativeFact Empty = new(FactKind.Date, null, null, 0, 0, "", "");

    /// <summary>Counts followed by the noun they count ("Dvidešimt NVO darbuotojų", "24 teminiai … seminarai", "10
    /// organizacijų", "209 asm."): the noun is the last counted noun of the phrase after the number, before a comma, a
    /// bracket or another number.</summary>
    private static void CountNouns(
        string text,
        bool[] claimed,
        Action<FactKind, decimal?, string?, int, int, NarrativeFact?> add
    )
    {
        var tokens = WordPattern().Matches(text).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (claimed[token.Index])
                continue;
            int? value = null;
            var last = i;
            if (char.IsDigit(token.Value[0]))
            {
                if (!int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
                    continue;
                // A list's numbering ("1. Užtikrinti…") counts nothing.
                if (ListNumber(text, token))
                    continue;
                value = digits;
            }
            else
            {
                var words = new List<string>();
                while (
                    last < tokens.Count
                    && LithuanianNumbers.IsNumberWord(tokens[last].Value)
                    && Adjacent(text, tokens, last, i)
                )
                    words.Add(tokens[last++].Value);
                last--;
                if (words.Count == 0 || LithuanianNumbers.Value(words) is not { } spelled)
                    continue;
                value = spelled;
            }
            // "vienam iš Forumo narių": one of them, not a count.
            if (last + 1 < tokens.Count && tokens[last + 1].Value.Equals("iš", StringComparison.OrdinalIgnoreCase))
                continue;
            (FactKind Kind, Match Noun)? found = null;
            for (var j = last + 1; j < tokens.Count && j <= last + 6; j++)
            {
                var between = text[(tokens[j - 1].Index + tokens[j - 1].Length)..tokens[j].Index];
                if (
                    between.IndexOfAny([',', ';', ':', '(', ')', '.', '!', '?', '\n']) >= 0
                    && !(j == last + 1 && between.Trim().Length == 0)
                )
                    break;
                if (char.IsDigit(tokens[j].Value[0]) || claimed[tokens[j].Index])
                    break;
                if (Noun(tokens[j].Value) is { } kind)
                {
                    found = (kind, tokens[j]);
                    // A form that cannot be a genitive modifier is the counted noun itself ("3 darbuotojams suteiktos
                    // konsultacijos"); a genitive may modify a later noun ("106 seminarų dalyviai").
                    if (!GenitiveCapable(tokens[j].Value))
                        break;
                }
            }
            if (found is not { } hit)
                continue;
            var end = hit.Noun.Index + hit.Noun.Length;
            if (end < text.Length && text[end] == '.' && hit.Noun.Value.Length <= 4)
                end++;
            add(hit.Kind, value, hit.Noun.Value, token.Index, end - token.Index, null);
            i = tokens.IndexOf(hit.Noun);
        }
    }

    private static bool GenitiveCapable(string word) =>
        word.All(char.IsUpper)
        || word.EndsWith('ų')
        || word.EndsWith("os", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("ės", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("io", StringComparison.OrdinalIgnoreCase);

    private static bool Adjacent(string text, List<Match> tokens, int at, int first) =>
        at == first || text[(tokens[at - 1].Index + tokens[at - 1].Length)..tokens[at].Index].Trim().Length == 0;

    private static bool ListNumber(string text, Match token)
    {
        var after = token.Index + token.Length;
        if (after >= text.Length || text[after] != '.')
            return false;
        var before = text[..token.Index].TrimEnd(' ', '\t');
        return before.Length == 0 || before[^1] == '\n';
    }

    private static FactKind? Noun(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var (stem, kind) in Nouns)
            if (lower.StartsWith(stem, StringComparison.Ordinal) && lower.Length <= stem.Length + 5)
                return kind;
        return null;
    }

    private static string? NounAt(string head) =>
        head.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    /// <summary>"viso", "iš viso" or "Viso" just before the figure (words between allowed, no sentence
    /// break).</summary>
    private static bool TotalBefore(string text, int start)
    {
        var from = Math.Max(0, start - 45);
        var before = text[from..start];
        var cut = before.LastIndexOfAny(['.', ';', '\n', '(', ')']);
        if (cut >= 0)
            before = before[(cut + 1)..];
        return TotalWord().IsMatch(before);
    }

    /// <summary>"iš jų" or "iš kurių" just before the figure: a part of a total stated before it.</summary>
    private static bool PartBefore(string text, int start)
    {
        var from = Math.Max(0, start - 25);
        var before = text[from..start];
        var cut = before.LastIndexOfAny(['.', ';', '\n', '(', ')']);
        if (cut >= 0)
            before = before[(cut + 1)..];
        return PartWord().IsMatch(before);
    }

    private static decimal? Count(string value) =>
        char.IsDigit(value[0])
            ? Number(value)
            : LithuanianNumbers.Value(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static decimal? Number(string value)
    {
        var clean = value.Replace(" ", "").Replace("\u00a0", "").Replace(',', '.');
        return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    private static decimal? Money(Match m)
    {
        if (Number(m.Groups["n"].Value) is not { } n)
            return null;
        if (m.Groups["mln"].Success)
            return n * 1_000_000m + (m.Groups["k"].Success ? (Number(m.Groups["k"].Value) ?? 0) * 1_000m : 0);
        return m.Groups["tukst"].Success ? n * 1_000m : n;
    }

    private static int? Year(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
            ? y
            : null;

    private static DateOnly? Day(string y, string m, string d) =>
        Year(y) is { } year
        && int.TryParse(m, CultureInfo.InvariantCulture, out var month)
        && month is >= 1 and <= 12
        && int.TryParse(d, CultureInfo.InvariantCulture, out var day)
        && day >= 1
        && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>Where each sentence starts: after a line break, or after ". " before a capital where the word before
    /// the stop is not an abbreviation that goes on before a capital (m., Nr., pvz.).</summary>
    private static List<int> Sentences(string text)
    {
        var starts = new List<int> { 0 };
        foreach (Match m in SentenceBreak().Matches(text))
        {
            var word = AbbreviationBefore().Match(text[..m.Index]);
            if (m.Value.Contains('\n') || !word.Success)
                starts.Add(m.Index + m.Length);
        }
        return starts;
    }

    private static string SentenceAt(string text, List<int> starts, int at)
    {
        var start = starts.LastOrDefault(s => s <= at);
        var next = starts.FirstOrDefault(s => s > at, text.Length);
        return text[start..next].Trim();
    }

    [GeneratedRegex(
        @"\bNr\.\s*(?:Nr\.\s*)?(?<ref>[A-ZĄČĘĖĮŠŲŪŽ0-9][A-Za-z0-9ĄČĘĖĮŠŲŪŽ]*(?:[-./][A-Za-z0-9]+)+)",
        Options
    )]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\b\d{2}\.\d\.\d-[A-Z]{2,}(?:-[A-Z0-9]+){2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:\s+\d{1,2}:\d{2})?\b", Options)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"\b(?<y>\d{4})\s*m\.\s+(?<m>" + Months + @")\s+(?<d>\d{1,2})\s*d\.", Options)]
    private static partial Regex LongDatePattern();

    [GeneratedRegex(
        @"\b(?<q>IV|I{1,3})(?:-(?:ąjį|asis|ojo|ajame|ame))?\s+(?:(?<y>\d{4})\s*m\.\s+)?ketv(?:irt\w*|\.)",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?<a>\d{4})\s*[-–—]\s*(?<b>\d{4})\s*(?:m\.|metais|metų|metams)", Options)]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"\b(?<y>\d{4})\s*(?:m\.(?!\s*(?:" + Months + @"))|metais|metų|metams|metus)", Options)]
    private static partial Regex YearPattern();

    [GeneratedRegex(
        @"(?<n>\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*"
            + @"(?:(?<mln>mln\.)\s*(?:(?<k>\d+)\s*tūkst\.\s*)?|(?<tukst>tūkst\.)\s*)?(?:eur\w*|€)",
        Options
    )]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(
        @"\b(?<n>\d+)\s+(?<head>(?:vnt\.|(?:seminar|mokym|konsultacij|susitikim|užsiėmim|paskait|rengin)\w*))"
            + @"(?:[^.;\n]|\.(?=\S)){0,80}?(?<per>\bpo\s+(?<h>\d+)\s*"
            + Hour
            + ")",
        Options
    )]
    private static partial Regex ProductPattern();

    [GeneratedRegex(@"(?<n>\d+(?:[.,]\d+)?)\s*(?:(?<ak>(?:ak|akad|k)\.)\s*val\.|val\.|valand\w*)", Options)]
    private static partial Regex HoursPattern();

    [GeneratedRegex(@"\d+|[\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\biš\s+(?:jų|kurių)\b[\s–—:-]*$", Options)]
    private static partial Regex PartWord();

    [GeneratedRegex(@"\b(?:iš\s+)?viso\b", Options)]
    private static partial Regex TotalWord();

    [GeneratedRegex(@"(?:[.!?]\s+(?=[A-ZĄČĘĖĮŠŲŪŽ„“""])|\n+)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?:m|Nr|ak|akad|k|pvz|t\.y)$", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationBefore();
}
