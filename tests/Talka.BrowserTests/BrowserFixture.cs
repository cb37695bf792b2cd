using Microsoft.Playwright;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>Talka on a real Kestrel port with the demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private sealed class KestrelFactory : TalkaFactory
    {
        public KestrelFactory() => UseKestrel(0);
    }

    private readonly KestrelFactory _factory = new();
    private IPlaywright? _playwright;

    public TalkaFactory Talka => _factory;

    /// <summary>The seed project of Šeimos santykių institutas (seed 002, transcribed from its public text), which the
    /// page sweeps open; other tests' projects of the same organisation are not it.</summary>
    public Task<Guid> SeedProjectIdAsync() => _factory.WithDbAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Projects
            .Where(p => p.Source != null && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "Šeimos santykių institutas"))
            .Select(p => p.Id)));
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Talka.slnx"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Talka.slnx not found above the test folder.");
        }
    }

    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    static BrowserFixture() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A fresh browser context (its own cookies), optionally logged in through the login page. Contexts of
    /// earlier tests are closed as new ones open (no test uses more than <see cref="OpenContexts"/> at once), so
    /// that Chromium does not carry every test's pages to the end of the run.</summary>
    public async Task<IPage> PageAsync(string? email = null, string password = TalkaFactory.Password)
    {
        while (_contexts.Count >= OpenContexts)
        {
            await _contexts[0].CloseAsync();
            _contexts.RemoveAt(0);
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        if (email is null) return page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("El. paštas").FillAsync(email);
        await page.GetByLabel("Slaptažodis").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Prisijungti" }).ClickAsync();
        try
        {
            // The address is what says the login worked; waiting for navigation events (load, and even commit) hung
            // now and then (a full suite run, once in a while) with the signed-in home page already shown. So: the
            // address polled until it is the home page's, then the sign-out link of the signed-in layout visible.
            await Assertions.Expect(page).ToHaveURLAsync(BaseUrl + "/", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByText("Atsijungti").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            // Say where the login ended and what that page said, instead of a bare timeout.
            await ScreenshotAsync(page, "login-failed-" + email.Split('@')[0]);
            var said = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Logging in as {email} did not reach the home page; the browser is at {page.Url}, showing: "
                + said[..Math.Min(said.Length, 600)]);
        }
        return page;
    }

    private const int OpenContexts = 4;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Opens the address at a desktop (1366 px) and a phone (390 px) width: it answers 200, a screenshot is
    /// kept as test output ("{name}-1366.png", "{name}-390.png"), nothing is wider than the screen, and axe-core finds
    /// no serious or critical violation. Leaves the page at desktop width. Flow tests call it on the pages only their
    /// records make (an application, an assignment, a ranking, an agreement's text).</summary>
    public static async Task ReadsWellAtBothWidthsAsync(IPage page, string address, string name)
    {
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(address);
            Assert.True(response!.Status == 200, $"{address} answered {response.Status} at {width} px");
            await ScreenshotAsync(page, $"{name}-{width}");
            await AssertNoSidewaysScrollAsync(page, $"{address} at {width} px");
            await AssertNoSeriousViolationsAsync(page, $"{address} at {width} px");
        }
        await page.SetViewportSizeAsync(1366, 900);
    }

    /// <summary>How many pixels the page is wider than its window (0 or less: nothing scrolls sideways).</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    /// <summary>The page as it stands is no wider than its window.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string where) =>
        Assert.True(await OverflowAsync(page) <= 0, $"{where}: the page scrolls sideways");

    /// <summary>axe-core finds no serious or critical violation on the page as it stands.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string? where = null)
    {
        var violations = await AccessibilityTests.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, (where is null ? "" : where + ": ") + string.Join(Environment.NewLine, violations));
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_factory).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
