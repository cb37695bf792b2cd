using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InvitationFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_funder_admin_invites_a_member_who_sets_a_password_on_a_phone_and_sees_only_their_projects()
    {
        var organisation = await TestAccounts.OrganisationAsync(fixture.Talka, "Asociacija „Naršyklės kvietimas“");
        await TestProjects.CreateAsync(fixture.Talka, "Naujos narės projektas", organisationId: organisation);
        await TestProjects.CreateAsync(fixture.Talka, "Svetimas nematomas projektas");
        var email = TestAccounts.Address("nauja");

        // The funder admin, on a desktop, invites from the organisation's page.
        var admin = new InvitationPages(await fixture.PageAsync(TalkaFactory.Admin));
        await admin.Page.SetViewportSizeAsync(1366, 900);
        await admin.InviteFromOrganisationAsync(organisation, email);
        await Assertions.Expect(admin.Status).ToContainTextAsync($"Kvietimas išsiųstas adresu {email}");
        await BrowserFixture.ScreenshotAsync(admin.Page, "40-invitation-sent");

        // The e-mail reaches the SMTP server; its link opens on a phone.
        var link = SmtpCatcher.Link(
            await SmtpCatcher.Shared.WaitForAsync(email),
            "https://talka.test/account/invitation?token="
        );
        var person = new InvitationPages(await fixture.PageAsync());
        await person.Page.SetViewportSizeAsync(390, 844);
        await person.AcceptAsync(link["https://talka.test".Length..], "trumpas");
        await Assertions.Expect(person.FieldError).ToContainTextAsync("Slaptažodis per trumpas");
        Assert.Equal(0, await person.OverflowAsync());
        await BrowserFixture.AssertNoSeriousViolationsAsync(person.Page);
        await BrowserFixture.ScreenshotAsync(person.Page, "41-invitation-phone");
        await person.AcceptAsync(link["https://talka.test".Length..], TestAccounts.NewPassword);
        await Assertions
            .Expect(person.Status)
            .ToHaveTextAsync("Sveiki atvykę į Talką! Paskyra sukurta, esate prisijungę.");

        // Signed in, the new member's project list holds their organisation's project only.
        await person.Page.GotoAsync("/projects");
        await Assertions
            .Expect(person.Page.GetByRole(AriaRole.Link, new() { Name = "Naujos narės projektas" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(person.Page.GetByText("Svetimas nematomas projektas")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(person.Page, "42-invited-member-projects-phone");
    }

    [Fact]
    public async Task A_funder_admin_opens_an_account_from_the_user_list_and_gives_it_the_auditor_role()
    {
        var email = TestAccounts.Address("vertintojas");
        await TestAccounts.InvitedAsync(fixture.Talka, email, "Evaluator");
        var admin = new UserPage(await fixture.PageAsync(TalkaFactory.Admin));
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await admin.Page.SetViewportSizeAsync(width, height);
            await admin.OpenAsync(email);
            await admin.SetRolesAsync("Vertintojas", "Auditorius");
            await Assertions.Expect(admin.Status).ToHaveTextAsync("Vaidmenys išsaugoti; asmens prisijungimai baigti.");
            await Assertions.Expect(admin.Page.GetByLabel("Auditorius", new() { Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(admin.History).ToContainTextAsync("Auditorius");
            await BrowserFixture.AssertNoSeriousViolationsAsync(admin.Page);
            Assert.Equal(
                0,
                await BrowserFixture.OverflowAsync(admin.Page)
            );
            await BrowserFixture.ScreenshotAsync(admin.Page, $"46-user-page-{width}");
            await admin.SetRolesAsync("Vertintojas");
        }
    }

    [Fact]
    public async Task The_user_list_notifications_and_forgotten_password_pages_pass_axe_on_a_desktop_and_a_phone()
    {
        var admin = await fixture.PageAsync(TalkaFactory.Admin);
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await admin.SetViewportSizeAsync(width, height);
            await admin.GotoAsync("/users");
            await Assertions
                .Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 }))
                .ToHaveTextAsync("Naudotojai");
            await Assertions
                .Expect(admin.GetByRole(AriaRole.Cell, new() { Name = TalkaFactory.MemberB }))
                .ToBeVisibleAsync();
            await BrowserFixture.AssertNoSeriousViolationsAsync(admin);
            await BrowserFixture.ScreenshotAsync(admin, $"43-users-{width}");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Pranešimai" }).ClickAsync();
            await Assertions
                .Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 2 }))
                .ToHaveTextAsync("Pranešimai el. paštu");
            await BrowserFixture.AssertNoSeriousViolationsAsync(admin);
            Assert.Equal(
                0,
                await BrowserFixture.OverflowAsync(admin)
            );
            await BrowserFixture.ScreenshotAsync(admin, $"45-notifications-{width}");
        }
        await admin.GotoAsync("/account/two-factor-setup");
        await Assertions
            .Expect(admin.GetByRole(AriaRole.Img, new() { Name = "QR kodas autentifikavimo programėlei" }))
            .ToBeVisibleAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "46-two-factor-setup-390");
        var visitor = await fixture.PageAsync();
        await visitor.SetViewportSizeAsync(390, 844);
        await visitor.GotoAsync("/account/login");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Pamiršote slaptažodį?" }).ClickAsync();
        await visitor.GetByLabel("El. paštas").FillAsync(TestAccounts.Address("nezinomas"));
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Siųsti nuorodą" }).ClickAsync();
        await Assertions
            .Expect(visitor.GetByRole(AriaRole.Status))
            .ToContainTextAsync("Jei šiuo adresu Talkoje yra paskyra");
        await BrowserFixture.AssertNoSeriousViolationsAsync(visitor);
        await BrowserFixture.ScreenshotAsync(visitor, "44-forgot-password-phone");
    }
}
