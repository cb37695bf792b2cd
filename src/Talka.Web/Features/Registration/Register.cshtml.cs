using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Organisations;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Registration;

/// <summary>An NGO not yet in Talka asks to be registered.</summary>
[AllowAnonymous]
public sealed class RegisterModel(RegistrationService registrations) : TalkaPage
{
    [BindProperty]
    public string? OrganisationName { get; set; }

    [BindProperty]
    public LegalForm LegalForm { get; set; } = LegalForm.Association;

    [BindProperty]
    public string? LegalEntityCode { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }
    public bool Sent { get; private set; }

    public IEnumerable<SelectListItem> LegalForms =>
        Enum.GetValues<LegalForm>()
            .Where(f => f != LegalForm.Unspecified)
            .Select(f => new SelectListItem(T.Enum(f), f.ToString()));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await registrations.RequestAsync(
            new RegistrationInput(OrganisationName, LegalForm, LegalEntityCode, ContactEmail, Texts.CurrentLanguage),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        Sent = result.Ok;
        return Page();
    }
}
