using Microsoft.AspNetCore.Http;

namespace Talka.Web.Infrastructure.Web;

/// <summary>What a form posted, for hand-written fields to show again when the page answers that post: a page that
/// accepts a post mostly redirects, so this is the refusal, shown with what was typed. Forms repeated per row (a
/// tranche, a recovery) name their row by a hidden field; only that row's form gets the values back.</summary>
public sealed class PostedForm(HttpRequest request)
{
    /// <summary>True when this render answers a refused post of the handler ("" for the page's default one), of the
    /// row whose hidden <paramref name="key"/> field held <paramref name="id"/> when given.</summary>
    public bool Refused(string handler, string? key = null, object? id = null) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && string.Equals(request.Query["handler"].ToString(), handler, StringComparison.OrdinalIgnoreCase)
        && (key is null || request.Form[key] == id?.ToString());

    /// <summary>Whether a check box or option of that form was posted with the value (several may share a name).
    /// </summary>
    public bool Chose(string handler, string name, object value) =>
        Refused(handler) && request.Form[name].Contains(value.ToString());

    /// <summary>The posted value of a field of that form; empty when the form was not the one refused.</summary>
    public string Value(string handler, string name, string? key = null, object? id = null) =>
        Refused(handler, key, id) ? request.Form[name].ToString() : "";
}
