using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Registration;

/// <summary>The funder admins' list of NGOs asking to be registered.</summary>
public sealed class RequestsModel(RegistrationService registrations) : TalkaPage
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;
    public Page<RegistrationRow>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await registrations.PendingAsync(PageNumber, HttpContext.RequestAborted);
        return Result is null ? await DenyAsync() : Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var result = await registrations.ApproveAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await OnGetAsync();
        TempData["Saved"] = T["Registration.Approved"];
        return Redirect($"/organisations/details/{result.Value}");
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id)
    {
        var result = await registrations.RejectAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        TempData["Saved"] = T["Registration.Rejected"];
        return Redirect("/users/requests");
    }
}
