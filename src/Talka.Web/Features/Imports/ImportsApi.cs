using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Imports;

public sealed record MappingInput(Dictionary<ImportField, int> Mapping);

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
        }).DisableAntiforgery();
        group.MapPut("/imports/{importId:guid}/mapping", async (Guid projectId, Guid importId, MappingInput input, ImportService s, Texts t, CancellationToken ct) =>
            (await s.RemapAsync(projectId, importId, input.Mapping, ct)).ToHttp(t, status => Results.Ok(status)));
        group.MapPost("/imports/{importId:guid}/apply", async (Guid projectId, Guid importId, ImportService s, Texts t, CancellationToken ct) =>
            (await s.StartAsync(projectId, importId, ct)).ToHttp(t, status => Results.Accepted($"/api/v1/projects/{projectId}/imports/{importId}", status)));
        group.MapGet("/imports/{importId:guid}", async (Guid projectId, Guid importId, ImportService s, Texts t, CancellationToken ct) =>
            (await s.StatusAsync(projectId, importId, ct)).ToHttp(t, status => Results.Ok(status)));
        group.MapGet("/participants/export", async (Guid projectId, string? format, ImportService s, Texts t, CancellationToken ct) =>
            (await s.ExportAsync(projectId, format ?? "csv", ct)).ToHttp(t, f => Results.File(f.Content, f.ContentType, f.FileName)));
        group.MapGet("/import-template", async (Guid projectId, string? format, ImportService s, Texts t, CancellationToken ct) =>
            (await s.TemplateAsync(projectId, format ?? "xlsx", ct)).ToHttp(t, f => Results.File(f.Content, f.ContentType, f.FileName)));
    }
}
