using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Every date field is entered the way Talka shows dates, 2022-12-31, whatever the browser's language: a browser's own
/// date field follows its language (12/31/2022 in an English one), so date inputs are written as text fields with the
/// format's pattern, a hint and a numeric keyboard on phones. The server reads the same yyyy-mm-dd.
/// </summary>
[HtmlTargetElement("input")]
public sealed class DateFieldTagHelper(Texts texts) : TagHelper
{
    /// <summary>After the framework's input tag helper, which may have set the type from the model.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (
            !output.Attributes.TryGetAttribute("type", out var type)
            || !string.Equals(type.Value?.ToString(), "date", StringComparison.OrdinalIgnoreCase)
        )
            return;
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", @"\d{4}-\d{2}-\d{2}");
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("placeholder", texts["Common.DatePlaceholder"]);
        if (!output.Attributes.ContainsName("title"))
            output.Attributes.SetAttribute("title", texts["Common.DateFormat"]);
        output.AddClass("date-field", System.Text.Encodings.Web.HtmlEncoder.Default);
    }
}
