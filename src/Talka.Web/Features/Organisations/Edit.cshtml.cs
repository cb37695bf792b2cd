using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Common;
using Talka.Domain.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public LegalForm LegalForm { get; set; } = LegalForm.Association;
    public string? LegalEntityCode { get; set; }
    public bool ConfirmCheckDigitWarning { get; set; }
    public string? Municipality { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsUmbrella { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public int Version { get; set; }
}

public sealed class EditModel(OrganisationQueries queries, OrganisationService service) : TalkaPage
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool ShowCheckDigitConfirmation { get; private set; }
    public bool CanEditMembers { get; private set; }
    public IEnumerable<SelectListItem> LegalForms => Enum.GetValues<LegalForm>().Select(f => new SelectListItem(T.Enum(f), f.ToString()));
    public IEnumerable<SelectListItem> MunicipalityItems => Municipalities.All.Select(m => new SelectListItem(m, m));
    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var viewer = await ViewerAsync();
        Id = id;
        if (id is { } existing)
        {
            if (!viewer.CanEditOrganisation(existing)) return await DenyAsync();
            var o = await queries.GetAsync(viewer, existing);
            if (o is null) return NotFound();
            Input = new OrganisationForm
            {
                Name = o.Name, LegalForm = o.LegalForm, LegalEntityCode = o.LegalEntityCode, ConfirmCheckDigitWarning = o.CheckDigitOverridden,
                Municipality = o.Municipality, Address = o.Address, Website = o.Website, ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone,
                IsUmbrella = o.IsUmbrella, MemberIds = o.Members.Select(m => m.Id).ToList(), Version = o.Version,
            };
            ShowCheckDigitConfirmation = o.CheckDigitOverridden;
        }
        else if (!viewer.CanCreateOrganisation)
        {
            return await DenyAsync();
        }
        await LoadAsync(viewer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var viewer = await ViewerAsync();
        var i = Input;
        var result = await service.SaveAsync(id, new OrganisationInput(i.Name, i.LegalForm, i.LegalEntityCode, i.ConfirmCheckDigitWarning,
            i.Municipality, i.Address, i.Website, i.ContactEmail, i.ContactPhone, i.IsUmbrella,
            viewer.IsFunderAdmin ? i.MemberIds : null, i.Version));
        if (await FailureAsync(result) is { } failure) return failure;
        if (result.Ok)
        {
            TempData["Saved"] = T["Organisations.Saved"];
            return Redirect($"/organisations/details/{result.Value}");
        }
        // A failed check digit is a warning the user may confirm: offer the confirmation box.
        ShowCheckDigitConfirmation = LegalEntityCode.Check(LegalEntityCode.Normalise(i.LegalEntityCode)) == LegalEntityCode.Verdict.CheckDigitMismatch;
        await LoadAsync(viewer);
        return Page();
    }

    private async Task LoadAsync(Viewer viewer)
    {
        CanEditMembers = viewer.IsFunderAdmin;
        if (CanEditMembers)
            MemberItems = (await queries.AllLinksAsync()).Where(o => o.Id != Id).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }
}
