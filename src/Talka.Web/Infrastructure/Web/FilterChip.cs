using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Talka.Web.Infrastructure.Web;

/// <summary>A filter in force on a list, shown as a chip that takes it away: its words and the list's address
/// without it (back to the first page).</summary>
public sealed record FilterChip(string Label, string Href)
{
    /// <summary>The list's address without the given query keys (and without the page number).</summary>
    public static string Without(string path, IQueryCollection query, params string[] keys)
    {
        var values = query.Where(q => q.Key != "page" && !keys.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        return QueryHelpers.AddQueryString(path, values);
    }

    /// <summary>The list's address with one query value set (back to the first page): a column's sort link.</summary>
    public static string With(string path, IQueryCollection query, string key, string value)
    {
        var values = query.Where(q => q.Key != "page" && !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values[key] = value;
        return QueryHelpers.AddQueryString(path, values);
    }
}
