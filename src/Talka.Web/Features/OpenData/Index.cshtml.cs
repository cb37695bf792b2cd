using Microsoft.AspNetCore.Authorization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.OpenData;

/// <summary>What the open-data files hold, in which standard, under which licence.</summary>
[AllowAnonymous]
public sealed class IndexModel(IConfiguration configuration) : TalkaPage
{
    /// <summary>Talka:OpenData:Licence; CC BY 4.0 unless the publisher sets another.</summary>
    public string Licence => configuration["Talka:OpenData:Licence"] ?? "CC BY 4.0";

    public string LicenceUrl => configuration["Talka:OpenData:LicenceUrl"] ?? "https://creativecommons.org/licenses/by/4.0/";

    public void OnGet() { }
}
