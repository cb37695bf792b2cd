using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>Presses a button that asks "are you sure?" first, as a person answering yes does.</summary>
public static class Confirmation
{
    /// <summary>Clicks the button, accepts its question and waits for the load of the page the form's answer
    /// brings. The wait is armed before the click: waiting afterwards for a load state or for a URL the page
    /// already has can match the page before the form was sent, or miss the new page's load.</summary>
    public static async Task ClickAcceptingAsync(this ILocator button, IPage page)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Load += Loaded;
        page.Dialog += Accept;
        try
        {
            await button.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Dialog -= Accept;
            page.Load -= Loaded;
        }

        void Loaded(object? sender, IPage loadedPage) => loaded.TrySetResult();
        static async void Accept(object? sender, IDialog dialog) => await dialog.AcceptAsync();
    }
}
