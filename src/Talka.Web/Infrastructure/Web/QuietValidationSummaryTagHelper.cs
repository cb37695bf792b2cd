using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// A validation summary with nothing to say is not written at all. ASP.NET Core would write an empty list with a hidden
/// item styled inline (for client-side scripts Talka does not use), which the Content-Security-Policy refuses.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    /// <summary>After the framework's own validation summary tag helper.</summary>
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Summary { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var shown = Summary switch
        {
            ValidationSummary.All => state.ErrorCount,
            ValidationSummary.ModelOnly => state.TryGetValue("", out var root) ? root.Errors.Count : 0,
            _ => 0,
        };
        if (shown == 0) output.SuppressOutput();
    }
}
