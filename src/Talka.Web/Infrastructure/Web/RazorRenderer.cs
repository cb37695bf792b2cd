using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Renders a Razor view to a string, inside a request or outside one (a background job), so that a
/// document printed to PDF comes from the same view as the page.</summary>
public sealed class RazorRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(
        string viewPath,
        TModel model,
        IDictionary<string, object?>? data = null
    )
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: false);
        if (!found.Success)
            throw new InvalidOperationException($"The view {viewPath} was not found.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = model,
        };
        foreach (var (key, value) in data ?? new Dictionary<string, object?>())
            viewData[key] = value;
        var context = new ViewContext(
            action,
            found.View,
            viewData,
            new TempDataDictionary(http, tempData),
            writer,
            new HtmlHelperOptions()
        );
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
