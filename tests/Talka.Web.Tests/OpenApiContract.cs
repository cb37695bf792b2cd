using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Talka.Web.Tests;

/// <summary>
/// The API's own OpenAPI document, used as a contract: every JSON body an API test receives is checked against the
/// schema
/// the document gives for that operation and status, so the document cannot drift from what the code answers.
/// </summary>
public sealed class OpenApiContract
{
    // One check at a time in the whole test run, and a registry for each schema built: JsonSchema.Net 8 gave wrong
    // answers for references when several schemas with the same definitions were built into one registry.
    private static readonly Lock Gate = new();
    private readonly List<(string Method, Regex Path, int Parameters, JsonElement Responses)> _operations = [];
    private readonly string _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly JsonDocument _document;

    public OpenApiContract(string json)
    {
        _document = JsonDocument.Parse(json);
        // The components become the definitions of each schema checked, so that every reference resolves inside it.
        _definitions = Local(_document.RootElement.GetProperty("components").GetProperty("schemas").GetRawText());
        foreach (var path in _document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^}]+}", "[^/]+") + "/?$");
            var parameters = path.Name.Count(c => c == '{');
            foreach (var operation in path.Value.EnumerateObject())
                if (operation.Value.TryGetProperty("responses", out var responses))
                    _operations.Add((operation.Name.ToUpperInvariant(), pattern, parameters, responses));
        }
    }

    /// <summary>Null when the answer is one the document describes; otherwise what does not match.</summary>
    public string? Check(HttpMethod method, string path, int status, string? mediaType, string body)
    {
        // The most specific path first: the one with the fewest parameters.
        var operation = _operations.Where(o => o.Method == method.Method && o.Path.IsMatch(path)).OrderBy(o => o.Parameters).FirstOrDefault();
        if (operation.Responses.ValueKind == JsonValueKind.Undefined) return $"{method} {path} is not in the OpenAPI document";
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetProperty(key, out var response) && !operation.Responses.TryGetProperty($"{key[0]}XX", out response))
            return $"{method} {path} answered {status}, which the OpenAPI document does not list";
        if (string.IsNullOrWhiteSpace(body)) return null;
        if (!response.TryGetProperty("content", out var content)) return $"{method} {path} {status}: a body the document does not describe";
        var described = content.EnumerateObject().FirstOrDefault(c => c.Name.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
        if (described.Value.ValueKind == JsonValueKind.Undefined) return $"{method} {path} {status}: {mediaType} is not in the document";
        if (!described.Value.TryGetProperty("schema", out var schemaElement)) return null;
        var text = Local(schemaElement.GetRawText());
        using var instance = JsonDocument.Parse(body);
        EvaluationResults result;
        lock (Gate)
        {
            var schema = _schemas.GetOrAdd(text, t => JsonSchema.FromText($$"""{"$defs":{{_definitions}},"allOf":[{{t}}]}""",
                new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() }));
            result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }
        return result.IsValid ? null : $"{method} {path} {status} does not match the document: {Describe(result)} in {body[..Math.Min(body.Length, 400)]}";
    }

    private static string Local(string schema) => schema.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);

    private static string Describe(EvaluationResults results) => string.Join("; ",
        (results.Details ?? []).Prepend(results).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")).Take(8));
}
