using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Turns a request the API could not even read (malformed JSON, an unknown property, an integer for an enum, 1e30 as an
/// amount, 2022-02-30, a missing body, "abc" for a number in the query) into an RFC 9457 validation problem that names the
/// field, in the client's language. Nothing has been saved at that point: binding happens before the handler runs.
/// </summary>
public sealed partial class BadRequestHandler(Texts texts, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
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

    /// <summary>The field (a JSON path without the leading "$.", or the parameter's name) and what is wrong with it.</summary>
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
            if (MissingRequired().Match(text) is { Success: true } missing)
                return (Join(field, missing.Groups[1].Value), texts["Error.Required"]);
            if (ConvertTarget().Match(text) is { Success: true } target)
                return (field, ExpectedValue(target.Groups[1].Value));
            return (field, texts["Error.JsonMalformed"]);
        }
        if (bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
            return ("$", texts["Error.BodyEmpty"]);
        if (ParameterBinding().Match(bad.Message) is { Success: true } parameter)
            return (parameter.Groups[2].Value, ExpectedValue(parameter.Groups[1].Value));
        if (bad.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
            return ("$", texts["Error.ContentType"]);
        return ("$", texts["Error.JsonMalformed"]);
    }

    private string ExpectedValue(string typeName)
    {
        var name = typeName.Replace("System.Nullable`1[", "").Replace("?", "").Trim('[', ']', ' ').Split(',')[0];
        var type = typeof(Talka.Domain.Common.Roles).Assembly.GetType(name);
        if (type is { IsEnum: true }) return texts["Error.EnumInvalid", string.Join(", ", Enum.GetNames(type))];
        return name switch
        {
            "System.DateOnly" or "DateOnly" or "System.DateTime" or "System.DateTimeOffset" => texts["Error.DateInvalid"],
            "System.Guid" or "Guid" => texts["Error.IdInvalid"],
            "System.Boolean" or "bool" => texts["Error.BooleanInvalid"],
            _ when name.StartsWith("System.Decimal", StringComparison.Ordinal) || name.StartsWith("System.Int", StringComparison.Ordinal)
                || name is "decimal" or "int" or "long" or "System.Double" => texts["Error.NumberOutOfRange"],
            _ => texts["Error.JsonMalformed"],
        };
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string child)
    {
        var camel = child.Length > 0 ? char.ToLowerInvariant(child[0]) + child[1..] : child;
        if (parent == "$") return camel;
        // The reader's path may already end at the property.
        return parent.EndsWith(camel, StringComparison.OrdinalIgnoreCase) ? parent : $"{parent}.{camel}";
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
    [GeneratedRegex("(?:property or field|constructor parameter|parameter) '([^']+)'")]
    private static partial Regex NullTarget();
    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();
    [GeneratedRegex("could not be converted to ([^\\s]+?)\\.?(?: Path|$)")]
    private static partial Regex ConvertTarget();
    [GeneratedRegex("Failed to bind parameter \"([^\"]+) ([^\"\\s]+)\"")]
    private static partial Regex ParameterBinding();
}
