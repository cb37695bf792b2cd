using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Imports;

public sealed class ProgressModel(ImportService imports) : DeliveryPage
{
    public ImportStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid importId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var result = await imports.StatusAsync(projectId, importId);
        if (await FailureAsync(result) is { } failure) return failure;
        Status = result.Value;
        return Page();
    }
}
