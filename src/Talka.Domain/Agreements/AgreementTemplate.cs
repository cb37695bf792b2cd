using System.Text.RegularExpressions;
using Talka.Domain.Common;

namespace Talka.Domain.Agreements;

/// <summary>
/// A call's own agreement conditions: Lithuanian text the funder writes once per call, with placeholders in braces
/// that each agreement fills from its project's records ({organizacija}, {projektas}, {suma}…). Paragraphs are
/// separated by an empty line. A placeholder Talka does not know is refused when the call is saved, so a typo never
/// reaches a signed agreement.
/// </summary>
public static partial class AgreementTemplate
{
    public const int MaxLength = 20_000;

    /// <summary>The placeholders a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "numeris",
        "organizacija",
        "kodas",
        "projektas",
        "kvietimas",
        "suma",
        "pradzia",
        "pabaiga",
        "avansas",
        "grazinimas",
    ];

    /// <summary>The template trimmed, or null when empty; refuses an unknown placeholder or an unclosed brace.</summary>
    public static string? Validate(string? template, string field)
    {
        var text = Guard.Optional(template?.Replace("\r\n", "\n"), field, MaxLength);
        if (text is null)
            return null;
        foreach (Match m in Braced().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (!Placeholders.Contains(name))
                throw new DomainException(
                    "TemplatePlaceholderUnknown",
                    field,
                    "{" + name + "}",
                    string.Join(", ", Placeholders.Select(p => "{" + p + "}"))
                );
        }
        if (Braced().Replace(text, "").IndexOfAny(['{', '}']) >= 0)
            throw new DomainException("TemplateBraceUnclosed", field);
        return text;
    }

    /// <summary>The template's paragraphs with every placeholder filled; a value not known yet is a blank line to
    /// fill in by hand.</summary>
    public static IReadOnlyList<string> Render(string? template, IReadOnlyDictionary<string, string?> values)
    {
        if (string.IsNullOrWhiteSpace(template))
            return [];
        // A value that ends a sentence itself ("… 30 d.") takes the place of the template's full stop after it.
        var filled = FilledPlace()
            .Replace(
                template.Replace("\r\n", "\n"),
                m =>
                {
                    var value =
                        values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? v : Blank;
                    return value.EndsWith('.') ? value : value + m.Groups[2].Value;
                }
            );
        return ParagraphBreak().Split(filled).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    public const string Blank = "_______________";

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Braced();

    [GeneratedRegex(@"\{([^{}\s]*)\}(\.?)")]
    private static partial Regex FilledPlace();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();
}
