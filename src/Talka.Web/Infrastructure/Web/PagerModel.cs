using Microsoft.AspNetCore.WebUtilities;

namespace Talka.Web.Infrastructure.Web;

public sealed record PagerModel(int Page, int PageCount, int Total, IQueryCollection Query)
{
    public string Link(int page)
    {
        var values = Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", values);
    }
}
