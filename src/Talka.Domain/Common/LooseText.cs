using System.Text;

namespace Talka.Domain.Common;

/// <summary>
/// How a value typed in a spreadsheet is compared with a list's value: case, diacritics, the kind of dash and the
/// spaces around it do not matter, and neither does a closing "m." (metai), so "30-44", "30 – 44" and "30–44 m."
/// are one age band.
/// </summary>
public static class LooseText
{
    /// <param name="dropYears">Whether a closing "m." (metai) is dropped: not for municipalities, where "m." is
    /// miestas.</param>
    public static string Key(string? text, bool dropYears = true)
    {
        // Case, diacritics and spaces as a search compares them; then any dash is one, with no spaces around it.
        var folded = SearchText.Normalize(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
            builder.Append(c is '‐' or '‑' or '‒' or '–' or '—' or '−' ? '-' : c);
        var key = builder.ToString().Replace(" - ", "-").Replace(" -", "-").Replace("- ", "-");
        if (!dropYears)
            return key;
        if (key.EndsWith(" m.", StringComparison.Ordinal))
            key = key[..^3];
        else if (key.EndsWith(" m", StringComparison.Ordinal))
            key = key[..^2];
        return key;
    }
}
