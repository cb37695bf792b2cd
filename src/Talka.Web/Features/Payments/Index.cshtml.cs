using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Payments;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Payments;

/// <summary>The funder's payment list across projects: what can be approved (its rule is met) and what is approved
/// and waiting to be paid, with the total of all, paged on the server, and the XLSX for the accounting
/// system.</summary>
public sealed class IndexModel(PaymentQueries queries) : TalkaPage
{
    [BindProperty(SupportsGet = true)]
    public TrancheState State { get; set; } = TrancheState.Eligible;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PaymentList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (State is not (TrancheState.Eligible or TrancheState.Approved))
            State = TrancheState.Eligible;
        List = await queries.ListForStaffAsync(State, PageNumber, HttpContext.RequestAborted);
        return List is null ? await DenyAsync() : Page();
    }
}
