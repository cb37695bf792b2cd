using System.Globalization;
using System.Text;

namespace Talka.Domain.Common;

/// <summary>
/// The form names are searched in: lower case, without diacritics, single spaces, so that "seimos", "ŠEIMOS" and
/// "šeimos" all find "Šeimos santykių institutas" on every database (SQLite has no Lithuanian collation). Records keep
/// it beside the name; a search term is put in the same form.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
