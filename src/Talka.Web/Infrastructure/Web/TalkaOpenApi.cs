using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Completes each operation of the OpenAPI document from what the endpoint declares: an operationId, the bearer
/// security
/// of endpoints that need a user (and an explicit empty one for those open to everyone), and the problems the API
/// answers
/// (400 with the fields, 401 and 403 where a user is needed, 404 for a record in the path, 409 for a stale version).
/// The document is linted with Redocly's recommended rules in the test command.
/// </summary>
public sealed partial class TalkaOpenApi : IOpenApiOperationTransformer
{
    public const string Bearer = "Bearer";

    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Auth"] = "Log in for a bearer token, and log out everywhere.",
        ["Open data"] = "Published grants as 360Giving JSON, CSV and IATI XML, without an account.",
        ["Programmes"] = "Grant programmes and how many different people they reached.",
        ["Calls"] = "Calls for proposals within programmes, with their rules.",
        ["Organisations"] = "Applicant and grantee organisations.",
        ["Accounts"] = "Invitations, the funder admins' list of users, disabling an account.",
        ["Applications"] = "A call's application form, applications drafted, submitted and withdrawn, the formal check.",
        ["Evaluation"] =
            "Criteria, experts' assignments with conflict-of-interest declarations, scores, the ranking within the "
            + "budget and its approval.",
        ["Narrative"] = "The figures a Lithuanian narrative states, read from its text.",
        ["Notifications"] = "Your notifications (reports due, overdue, submitted, returned, approved).",
        ["Projects"] = "Funded projects: plan, agreement, publication.",
        ["Delivery"] =
            "Events, attendance, participants, volunteers, deliverables and the indicators computed from them.",
        ["Import and export"] = "Participants and attendance imported from spreadsheets, and exported.",
        ["Evidence files"] = "Files that evidence a project's delivery and spending.",
        ["Budget and expenditures"] = "The budget by cost category, the expenditure ledger and its export.",
        ["Reports"] = "Quarterly, activity and final reports: narratives, submission, review, PDF and XLSX.",
        ["Payments"] = "The agreement's lifecycle (sent, signed, terminated) and the grant's payments: the schedule, "
            + "release by rule (signature, a report's approval), approval within what is available, payment, the "
            + "funder's payment list and its XLSX.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var method = context.Description.HttpMethod ?? "GET";
        var path = RouteConstraint().Replace(context.Description.RelativePath ?? "", "{$1}").Trim('/');
        operation.OperationId ??= method.ToLowerInvariant() + string.Concat(path.Split('/')
            .Where(s => s is not ("" or "api" or "v1"))
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}')) : Pascal(s)));
        operation.Summary ??= $"{method} /{path}";

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (secured)
        {
            document.AddComponent<IOpenApiSecurityScheme>(Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken answered by POST /api/v1/auth/login.",
            });
            var bearer = new OpenApiSecuritySchemeReference(Bearer, document);
            operation.Security = [new OpenApiSecurityRequirement { [bearer] = [] }];
        }
        else
        {
            operation.Security = [];
        }

        var responses = operation.Responses ??= [];
        // Any request can be refused as not valid: a body or a query value that cannot be read, a rule of the domain, a
        // state that does not allow the step. The problem names each field.
        await ProblemAsync("400", "The request is not valid: the problem names each field.",
            typeof(HttpValidationProblemDetails));
        if (secured)
        {
            await ProblemAsync("401", "Not logged in, or the token has ended (logout).");
            await ProblemAsync("403", "The user's role does not allow this.");
        }
        if (path.Contains('{', StringComparison.Ordinal))
            await ProblemAsync("404", "No such record, or one the user may not see.");
        if (secured && method is "POST" or "PUT" or "PATCH" or "DELETE")
            await ProblemAsync("409", "The record was changed by someone else since the version given.");

        async Task ProblemAsync(string status, string description, Type? type = null)
        {
            if (responses.ContainsKey(status)) return;
            type ??= typeof(ProblemDetails);
            if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
                document.AddComponent<IOpenApiSchema>(type.Name, schema);
            }
            responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(type.Name, document) },
                },
            };
        }
    }

    /// <summary>
    /// Title, description, licence, the server (Talka:PublicUrl where configured, else the address asked, without a
    /// trailing
    /// slash), a description for every tag, and problem details that may carry extensions (traceId).
    /// </summary>
    public static Task DescribeDocument(OpenApiDocument document, string? publicUrl)
    {
        document.Info.Title = "Talka API";
        document.Info.Description =
            "Grant programmes, calls, organisations, projects and their delivery, budget and reports. " +
            "Log in at /api/v1/auth/login and send the accessToken as a Bearer token. " +
            "Changes are taken from bearer tokens only.";
        document.Info.License = new OpenApiLicense { Name = "Talka licence", Identifier = "LicenseRef-Talka" };
        if (!string.IsNullOrWhiteSpace(publicUrl))
            document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/') }];
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        foreach (var schema in document.Components?.Schemas?.Values ?? []) NullableAsAnyOf(schema);
        foreach (var name in new[] { nameof(ProblemDetails), nameof(HttpValidationProblemDetails) })
        {
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var found)
                && found is OpenApiSchema problem)
            {
                problem.AdditionalPropertiesAllowed = true;
                problem.AdditionalProperties = null;
            }
        }
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable property is generated as oneOf [null, the type]; where the type itself admits null (an enum used
    /// nullable
    /// elsewhere lists null among its values), a null matches both and oneOf refuses it. anyOf says what is meant.
    /// </summary>
    private static void NullableAsAnyOf(IOpenApiSchema? node, int depth = 0)
    {
        if (node is not OpenApiSchema schema || depth > 32) return;
        if (schema.OneOf is { Count: 2 } options && options.Any(o => o is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = options;
            schema.OneOf = null;
        }
        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
                     .Concat(schema.OneOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties))
            NullableAsAnyOf(child, depth + 1);
    }

    private static string Pascal(string s) =>
        string.Concat(s.Split('-', '.', '_').Where(p => p.Length > 0)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}
