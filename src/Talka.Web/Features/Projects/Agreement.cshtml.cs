using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

public sealed class AgreementForm
{
    public string? Number { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public string? GrantedAmount { get; set; }
    public List<FundingRow> Funding { get; set; } = [];
    public int Version { get; set; }

    public sealed class FundingRow { public FundingSource Source { get; set; } public string? Amount { get; set; } }
}

public sealed class AgreementModel(ProjectQueries queries, ProgrammeQueries programmes, ProjectService service) : TalkaPage
{
    [BindProperty] public AgreementForm Input { get; set; } = new();
    public Guid Id { get; private set; }
    public string ProjectTitle { get; private set; } = "";
    public string CallPeriod { get; private set; } = "";
    public string CallBounds { get; private set; } = "";
    // The project as LoadAsync read it (once per request).
    private ProjectView? _project;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } denied) return denied;
        var p = _project!;
        var a = p.Agreement;
        Input = new AgreementForm
        {
            Number = a?.Number, SignedOn = a?.SignedOn, PeriodStart = a?.PeriodStart ?? p.Start, PeriodEnd = a?.PeriodEnd ?? p.End,
            GrantedAmount = a?.GrantedAmount is { } g ? LtFormat.Number(g) : null, Version = a?.Version ?? 0,
            Funding = Enum.GetValues<FundingSource>().Select(s => new AgreementForm.FundingRow
            {
                Source = s,
                Amount = a?.Funding.FirstOrDefault(f => f.Source == s) is { } line ? LtFormat.Number(line.Amount) : null,
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } denied) return denied;
        var granted = Amount(Input.GrantedAmount, nameof(Input.GrantedAmount));
        var funding = new List<AgreementFundingLine>();
        for (var i = 0; i < Input.Funding.Count; i++)
        {
            if (Amount(Input.Funding[i].Amount, $"Funding[{i}].Amount") is { } amount) funding.Add(new AgreementFundingLine(Input.Funding[i].Source, amount));
        }
        if (ModelState.ErrorCount > 0) return Page();
        var result = await service.SaveAgreementAsync(id, new AgreementInput(Input.Number, Input.SignedOn, Input.PeriodStart, Input.PeriodEnd,
            granted, funding, Input.Version));
        if (await FailureAsync(result) is { } failure) return failure;
        if (!result.Ok) return Page();
        TempData["Saved"] = T["Projects.AgreementSaved"];
        return Redirect($"/projects/details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        Id = id;
        var viewer = await ViewerAsync();
        var p = _project = await queries.GetAsync(viewer, id);
        if (p is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        if (!p.CanManageAgreement) return await DenyAsync();
        ProjectTitle = p.Title;
        var call = (await programmes.GetCallAsync(p.CallId))!;
        CallPeriod = $"{LtFormat.Date(call.ProjectPeriodStart)} – {LtFormat.Date(call.ProjectPeriodEnd)}";
        CallBounds = $"{(call.MinGrant is { } min ? LtFormat.Eur(min) : "—")} – {(call.MaxGrant is { } max ? LtFormat.Eur(max) : "—")}";
        return null;
    }
}
