using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Web.Features.Organisations;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

public sealed class ProjectCreateForm
{
    public Guid CallId { get; set; }
    public Guid OrganisationId { get; set; }
    public string? Title { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public string? ApplicationNumber { get; set; }
}

public sealed class CreateModel(ProgrammeQueries programmes, OrganisationQueries organisations, ProjectService service) : TalkaPage
{
    [BindProperty] public ProjectCreateForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> CallItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? callId)
    {
        if (!(await ViewerAsync()).CanCreateProject) return await DenyAsync();
        if (callId is { } chosen) Input.CallId = chosen;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await service.CreateAsync(new ProjectCreateInput(Input.CallId, Input.OrganisationId, Input.Title, Input.Start, Input.End,
            Input.ApplicationNumber));
        if (await FailureAsync(result) is { } failure) return failure;
        if (result.Ok)
        {
            TempData["Saved"] = T["Projects.Created"];
            return Redirect($"/projects/details/{result.Value}");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        CallItems = (await programmes.CallsAsync(null)).Select(c => new SelectListItem($"{c.Year} · {c.Title}", c.Id.ToString())).ToList();
        OrganisationItems = (await organisations.AllLinksAsync()).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }
}
