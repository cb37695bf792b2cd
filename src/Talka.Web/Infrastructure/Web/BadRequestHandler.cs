using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Turns a request the API could not even read (malformed JSON, an unknown property, an integer for an enum, 1e30 as an
/// amount, 2022-02-30, a missing body, "abc" for a number in the query) into an RFC 9457 validation problem that names
/// the
/// field, in the client's language. Nothing has been saved at that point: binding happens before the handler runs.
/// </summary>
public sealed partial class BadRequestHandler(Texts texts, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // Pages answer with their own error page (which names a size limit); only the API answers problem details.
        if (exception is not BadHttpRequestException bad || !http.Request.Path.StartsWithSegments("/api")) return false;
        // The exception has left the localization middleware: answer in the language it chose for this request.
        if (http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            http.Response.StatusCode = bad.StatusCode;
            var title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? texts["Error.RequestTooLarge"] : texts["Api.BadRequestTitle"];
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = bad.StatusCode, Title = title },
            });
        }
        var (field, message) = Describe(bad);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = texts["Api.ValidationTitle"],
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
    }

    /// <summary>The field (a JSON path without the leading "$.", or the parameter's name) and what is wrong with
    /// it.</summary>
    public (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var text = json.Message;
            if (UnmappedProperty().Match(text) is { Success: true } unmapped)
                return (Join(field, unmapped.Groups[1].Value), texts["Error.UnknownProperty", unmapped.Groups[1].Value]);
            if (text.Contains("null", StringComparison.OrdinalIgnoreCase) && text.Contains("allow", StringComparison.OrdinalIgnoreCase))
                return (NullTarget().Match(text) is { Success: true } m ? Join(field, m.Groups[1].Value) : field, texts["Error.Required"]);
            if (ConvertTarget().Match(text) is { Success: true } target)
                return (field, Expected(FollowAny(FindType(target.Groups[1].Value), json.Path)));
            return (field, texts["Error.JsonMalformed"]);
        }
        if (bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
            return ("$", texts["Error.BodyEmpty"]);
        if (ParameterBinding().Match(bad.Message) is { Success: true } parameter)
            return (parameter.Groups[2].Value, Expected(FindType(parameter.Groups[1].Value)));
        if (bad.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
            return ("$", texts["Error.ContentType"]);
        return ("$", texts["Error.JsonMalformed"]);
    }

    /// <summary>
    /// The reader names the object it was filling, which may be the body or a nested object: follow the path from the
    /// body, or failing that, its last segments from the nested object.
    /// </summary>
    private static Type? FollowAny(Type? type, string? path)
    {
        var segments = (path ?? "$").TrimStart('$').TrimStart('.').Split('.');
        for (var skip = 0; skip < segments.Length; skip++)
        {
            if (Follow(type, "$." + string.Join('.', segments.Skip(skip))) is { } found) return found;
        }
        return type;
    }

    /// <summary>The type a JSON path leads to from the type the reader was filling ("$.targetGroups[0]" →
    /// TargetGroup).</summary>
    private static Type? Follow(Type? type, string? path)
    {
        if (type is null || string.IsNullOrEmpty(path) || path == "$" || type.IsEnum) return type;
        foreach (var segment in path.TrimStart('$').TrimStart('.').Split('.'))
        {
            var name = segment.Split('[')[0];
            if (name.Length > 0)
            {
                var property = type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                    | System.Reflection.BindingFlags.IgnoreCase);
                if (property is null) return null;
                type = property.PropertyType;
            }
            for (var i = 0; i < segment.Count(c => c == '[') && type is not null; i++) type = ElementOf(type);
            if (type is null) return null;
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static Type? FindType(string name)
    {
        name = name.Replace("?", "").Trim();
        if (name.StartsWith("System.Nullable`1[", StringComparison.Ordinal)) name = name["System.Nullable`1[".Length..].TrimEnd(']');
        return Type.GetType(name) ?? typeof(Talka.Domain.Common.Roles).Assembly.GetType(name) ?? typeof(BadRequestHandler).Assembly.GetType(name)
            ?? name switch { "int" => typeof(int), "decimal" => typeof(decimal), "bool" => typeof(bool), "Guid" => typeof(Guid),
                "DateOnly" => typeof(DateOnly), _ => null };
    }

    private string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true }) return texts["Error.EnumInvalid", string.Join(", ", Enum.GetNames(type))];
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return texts["Error.DateInvalid"];
        if (type == typeof(Guid)) return texts["Error.IdInvalid"];
        if (type == typeof(bool)) return texts["Error.BooleanInvalid"];
        if (type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(double)) return texts["Error.NumberOutOfRange"];
        return texts["Error.JsonMalformed"];
    }

    /// <summary>
    /// "$.lines[0].amount" → "Lines[0].Amount": fields are named as the domain's own errors name them (C# member
    /// names),
    /// so that a client finds every error of a field under one key. The whole body is "$".
    /// </summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : Pascal(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$'));

    private static string Pascal(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s));

    private static string Join(string parent, string child)
    {
        var name = Pascal(child);
        if (parent == "$") return name;
        // The reader's path may already end at the property.
        return parent.EndsWith(name, StringComparison.OrdinalIgnoreCase) ? parent : $"{parent}.{name}";
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
    [GeneratedRegex("(?:property or field|constructor parameter|parameter) '([^']+)'")]
    private static partial Regex NullTarget();
    [GeneratedRegex("could not be converted to ([^\\s]+?)\\.?(?: Path|$)")]
    private static partial Regex ConvertTarget();
    [GeneratedRegex("Failed to bind parameter \"([^\"]+) ([^\"\\s]+)\"")]
    private static partial Regex ParameterBinding();
}
