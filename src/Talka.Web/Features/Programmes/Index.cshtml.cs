using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

[AllowAnonymous]
// Cached for visitors who are not signed in (PublicCache).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Talka.Web.Infrastructure.Web.PublicCache.Policy)]
public sealed class IndexModel(ProgrammeQueries queries) : TalkaPage
{
    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Programmes = await queries.ListAsync();
        CanManage = (await ViewerAsync()).CanManageProgrammes;
    }

    public string LegalBasis(string? number, DateOnly? date) => number is null
        ? $"<span class=\"muted\">{HtmlEncoder.Default.Encode(T["Common.NotStated"])}</span>"
        : HtmlEncoder.Default.Encode($"Nr. {number} ({LtFormat.Date(date!.Value)})");
}
