using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("funder", TalkaFactory.Admin, "Ataskaitų darbo eilė")]
    [InlineData("member", TalkaFactory.MemberB, "Jūsų organizacija")]
    [InlineData("auditor", TalkaFactory.Auditor, "Auditoriui")]
    [InlineData("evaluator", TalkaFactory.Evaluator, "Vertintojui")]
    [InlineData("visitor", null, "Visuomenei")]
    public async Task Each_role_has_its_home_page_on_a_desktop_and_a_phone_with_no_serious_axe_violation(
        string role,
        string? email,
        string heading
    )
    {
        var home = new HomePage(await fixture.PageAsync(email));
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await home.OpenAsync(width, height);
            await Assertions.Expect(home.Section(heading)).ToBeVisibleAsync();
            Assert.Equal(0, await home.OverflowAsync());
            await BrowserFixture.AssertNoSeriousViolationsAsync(home.Page);
            await BrowserFixture.ScreenshotAsync(home.Page, $"50-home-{role}-{width}");
        }
        if (role == "funder")
        {
            await home.Count("laukia peržiūros").ClickAsync();
            await Assertions
                .Expect(home.Page)
                .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports\\?filter=review$"));
            await Assertions
                .Expect(home.Page.GetByRole(AriaRole.Link, new() { Name = "Laukia peržiūros" }))
                .ToHaveAttributeAsync("aria-current", "page");
        }
    }
}
