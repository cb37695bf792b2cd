using Microsoft.AspNetCore.Http;

namespace Talka.Web.Infrastructure.Web;

/// <summary>A column heading that sorts its list: the label, the list's address sorted by it, whether it is the
/// current sort and in which direction (for the arrow and aria-sort).</summary>
public sealed record SortHeading(string Label, string Href, bool Current, bool Descending, string? Css = null)
{
    public static SortHeading For(string label, string sort, string current, string path, IQueryCollection query,
        bool descending = false, string? css = null) =>
        new(label, FilterChip.With(path, query, "sort", sort), sort == current, descending, css);
}
