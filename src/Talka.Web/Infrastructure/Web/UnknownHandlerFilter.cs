using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// A request no handler of a page answers (a POST to a page that only shows, a handler name that does not exist) is
/// refused before the page runs: 405 for a method the page does not take, 404 for an unknown handler. Without it the
/// page would render with nothing loaded.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is null && handlers.Count > 0)
        {
            var method = context.HttpContext.Request.Method;
            context.Result = handlers.Any(h =>
                string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                || (
                    HttpMethods.IsHead(method) && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)
                )
            )
                ? new NotFoundResult()
                : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }
}
