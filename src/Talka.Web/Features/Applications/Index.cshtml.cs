using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

/// <summary>A call's applications (all for the funder and auditors, one's own organisations' for members), and where a
/// member starts their organisation's application.</summary>
public sealed class IndexModel(ApplicationQueries queries, ApplicationService service) : TalkaPage
{
    public Page<ApplicationRow>? Result { get; private set; }
    public CallFormView? CallForm { get; private set; }
    public string CallTitle { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Result = await queries.ListAsync(id, PageNumber, HttpContext.RequestAborted);
        if (Result is null)
            return await DenyAsync();
        CallForm = await queries.FormAsync(id, HttpContext.RequestAborted);
        CallTitle = CallForm?.Call ?? await queries.CallTitleAsync(id, HttpContext.RequestAborted) ?? "";
        return Page();
    }

    /// <summary>Starts the organisation's application and opens it.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid id, Guid organisationId)
    {
        var result = await service.CreateAsync(id, new NewApplicationInput(organisationId), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return Redirect($"/calls/details/{id}");
        }
        return Redirect($"/applications/{result.Value}");
    }
}
