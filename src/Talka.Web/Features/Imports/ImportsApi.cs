using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Imports;

public sealed record MappingInput(Dictionary<ImportField, int> Mapping);

/// <summary>For each value that may mean more than one municipality (its key), the municipality meant.</summary>
public sealed record ChoicesInput(Dictionary<string, string> Choices);

public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:guid}").WithTags("Import and export").RequireAuthorization();
        // Bearer-token clients upload files; there is no cookie to forge.
        group.MapPost("/imports", async (Guid projectId, IFormFile file, ImportService s, Texts t, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await s.UploadAsync(projectId, stream, file.FileName, file.Length, ct)).ToHttp(t, status => Results.Ok(status));
        }).DisableAntiforgery().Returns<ImportStatus>("Upload a spreadsheet of participants and attendance: read, mapped and checked");
        group.MapPut("/imports/{importId:guid}/mapping", async (Guid projectId, Guid importId, MappingInput input, ImportService s, Texts t, CancellationToken ct) =>
            (await s.RemapAsync(projectId, importId, input.Mapping, ct)).ToHttp(t, status => Results.Ok(status)))
            .Returns<ImportStatus>("Change which column holds which field, and check again");
        group.MapPut("/imports/{importId:guid}/choices", async (Guid projectId, Guid importId, ChoicesInput input, ImportService s, Texts t,
                CancellationToken ct) =>
            (await s.ChooseAsync(projectId, importId, input.Choices, ct)).ToHttp(t, status => Results.Ok(status)))
            .Returns<ImportStatus>("Say which municipality a value that may mean more than one means (\"Kaunas\": \"Kauno m.\"), and check again");
        group.MapPost("/imports/{importId:guid}/apply", async (Guid projectId, Guid importId, ImportService s, Texts t, CancellationToken ct) =>
            (await s.StartAsync(projectId, importId, ct)).ToHttp(t, status => Results.Accepted($"/api/v1/projects/{projectId}/imports/{importId}", status)))
            .Returns<ImportStatus>("Apply a checked import: all rows or none, in the background", StatusCodes.Status202Accepted);
        group.MapGet("/imports/{importId:guid}", async (Guid projectId, Guid importId, ImportService s, Texts t, CancellationToken ct) =>
            (await s.StatusAsync(projectId, importId, ct)).ToHttp(t, status => Results.Ok(status)))
            .Returns<ImportStatus>("An import's progress");
        group.MapGet("/participants/export", async (Guid projectId, string? format, ImportService s, Texts t, CancellationToken ct) =>
            (await s.ExportAsync(projectId, format ?? "csv", ct)).ToHttp(t, f => Results.File(f.Content, f.ContentType, f.FileName)))
            .ReturnsFile("The participant register with attendance, as CSV (;, decimal comma) or XLSX", "text/csv", ApiDocs.Xlsx);
        group.MapGet("/import-template", async (Guid projectId, string? format, ImportService s, Texts t, CancellationToken ct) =>
            (await s.TemplateAsync(projectId, format ?? "xlsx", ct)).ToHttp(t, f => Results.File(f.Content, f.ContentType, f.FileName)))
            .ReturnsFile("The import template, as XLSX or CSV", ApiDocs.Xlsx, "text/csv");
    }
}
