using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Delivery;

public sealed class ParticipantForm
{
    public string? Code { get; set; }
    public string? DisplayName { get; set; }
    public ParticipantCategory Category { get; set; } = ParticipantCategory.TargetGroupMember;
    public string? Organisation { get; set; }
    public string? Municipality { get; set; }
    public Gender? Gender { get; set; }
    public AgeBand? AgeBand { get; set; }
    public TargetGroup? TargetGroup { get; set; }
    public bool Consent { get; set; }
    public string? PersonalIdentifier { get; set; }
    public int Version { get; set; }
}

public sealed class ParticipantEditModel(DeliveryQueries queries, DeliveryService service) : DeliveryPage
{
    [BindProperty] public ParticipantForm Input { get; set; } = new();
    public Guid? ParticipantId { get; private set; }
    public bool HasPersonKey { get; private set; }
    public IEnumerable<SelectListItem> Categories => Enum.GetValues<ParticipantCategory>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));
    public IEnumerable<SelectListItem> TargetGroups => Enum.GetValues<TargetGroup>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));
    public IEnumerable<SelectListItem> Genders => Enum.GetValues<Gender>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));
    public IEnumerable<SelectListItem> AgeBands => Enum.GetValues<AgeBand>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));
    public IEnumerable<SelectListItem> MunicipalityItems => Municipalities.All.Select(m => new SelectListItem(m, m));

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid? participantId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        ParticipantId = participantId;
        if (participantId is { } id)
        {
            var p = await queries.ParticipantAsync(Project, id);
            if (p is null) return NotFound();
            Input = new ParticipantForm
            {
                Code = p.Code, DisplayName = p.DisplayName, Category = p.Category, Organisation = p.Organisation, Municipality = p.Municipality,
                Gender = p.Gender, AgeBand = p.AgeBand, TargetGroup = p.TargetGroup, Consent = p.Consent, Version = p.Version,
            };
            HasPersonKey = p.HasPersonKey;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId, Guid? participantId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        ParticipantId = participantId;
        var i = Input;
        var result = await service.SaveParticipantAsync(projectId, participantId, new ParticipantInput(i.Code, i.DisplayName, i.Category, i.Organisation,
            i.Municipality, i.Gender, i.AgeBand, i.TargetGroup, i.Consent, i.PersonalIdentifier, i.Version));
        // The identifier is never shown back, not even after an error.
        Input.PersonalIdentifier = null;
        ModelState.Remove("Input.PersonalIdentifier");
        if (await FailureAsync(result) is { } failure) return failure;
        if (!result.Ok) return Page();
        TempData["Saved"] = T["Delivery.ParticipantSaved"];
        return Redirect($"/projects/{projectId}/participants");
    }
}
