using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Imports;

public sealed class ImportModel(ImportService imports, DeliveryQueries queries) : DeliveryPage
{
    public ImportStatus? Status { get; private set; }
    public IReadOnlyList<string> Headers { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    private Dictionary<ImportField, int> _mapping = [];

    public int MappedIndex(ImportField field) => _mapping.GetValueOrDefault(field, -1);

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        Events = await queries.EventsAsync(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid projectId, IFormFile? file)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        Events = await queries.EventsAsync(Project);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", T["Import.File.FileEmpty"]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        return await ShowAsync(await imports.UploadAsync(projectId, stream, file.FileName, file.Length));
    }

    public async Task<IActionResult> OnPostChooseAsync(Guid projectId, Guid importId, Dictionary<string, string> choices)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        Events = await queries.EventsAsync(Project);
        return await ShowAsync(await imports.ChooseAsync(projectId, importId, choices), importId);
    }

    public async Task<IActionResult> OnPostRemapAsync(Guid projectId, Guid importId, Dictionary<ImportField, int> mapping)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        Events = await queries.EventsAsync(Project);
        return await ShowAsync(await imports.RemapAsync(projectId, importId, mapping), importId);
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid projectId, Guid importId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var result = await imports.StartAsync(projectId, importId);
        if (result.Ok) return Redirect($"/projects/{projectId}/import/{importId}");
        Events = await queries.EventsAsync(Project);
        return await ShowAsync(result, importId);
    }

    /// <summary>The import after a step; a refused step shows its errors over the import as it stands (the preview,
    /// the mapping and the choices stay, with what was posted).</summary>
    private async Task<IActionResult> ShowAsync(Infrastructure.Web.Result<ImportStatus> result, Guid? importId = null)
    {
        if (await FailureAsync(result, "Import") is { } denied) return denied;
        if (!result.Ok && importId is { } id) result = await imports.StatusAsync(ProjectId, id);
        if (result.Ok)
        {
            Status = result.Value;
            Headers = Status!.Headers;
            _mapping = Status.Columns.ToDictionary(c => c.Key, c => c.Value);
        }
        return Page();
    }
}
