using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

public sealed class ProgrammeForm
{
    public Guid FundingBodyId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
}

public sealed class EditModel(ProgrammeQueries queries, ProgrammeService service) : TalkaPage
{
    [BindProperty] public ProgrammeForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<FundingBodyRow> FundingBodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (!(await ViewerAsync()).CanManageProgrammes) return await DenyAsync();
        Id = id;
        FundingBodies = await queries.FundingBodiesAsync();
        if (id is { } existing)
        {
            var programme = await queries.GetAsync(existing);
            if (programme is null) return NotFound();
            Input = new ProgrammeForm { FundingBodyId = programme.FundingBodyId, Title = programme.Title, Description = programme.Description, Version = programme.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var result = await service.SaveProgrammeAsync(id, new ProgrammeInput(Input.FundingBodyId, Input.Title, Input.Description, Input.Version));
        if (await FailureAsync(result) is { } failure) return failure;
        if (!result.Ok)
        {
            FundingBodies = await queries.FundingBodiesAsync();
            return Page();
        }
        TempData["Saved"] = T["Programmes.Saved"];
        return Redirect($"/programmes/details/{result.Value}");
    }
}
