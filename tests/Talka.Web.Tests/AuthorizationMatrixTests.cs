using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Web.Tests;

/// <summary>
/// Every page route and API endpoint, asked by a visitor, a member of organisation A, a member of organisation B,
/// a funder admin and an auditor: each gets exactly what it should, and nothing anywhere answers 500.
/// A route that is not in this table fails the test, so a new route cannot go unchecked.
/// </summary>
public sealed class AuthorizationMatrixTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    // Expected answers. "login" = redirect to the login page.
    private const int Login = -1;
    private sealed record Ids(Guid OrgA, Guid PublishedA, Guid HiddenA, Guid Programme, Guid Call, Guid EventA, Guid ParticipantA, Guid VolunteerA, Guid IndicatorA, Guid ReportA, Guid ApplicationA, Guid AssignmentE);
    /// <param name="Evaluator">An evaluator belongs to no organisation; where not given, they get what member B
    /// gets.</param>
    private sealed record Expect(int Anonymous, int MemberA, int MemberB, int Admin, int Auditor, int? Evaluator = null)
    {
        public int ForEvaluator => Evaluator ?? MemberB;
    }
    private sealed record Case(string Method, string Route, Func<Ids, string> Url, Expect Expect, string? Json = null);

    private static readonly Expect Everyone200 = new(200, 200, 200, 200, 200, 200);
    /// <summary>A body marker: send a small CSV as a multipart file upload.</summary>
    private const string Multipart = "multipart";
    private static readonly Expect AdminPage = new(Login, 403, 403, 200, 403);

    private static IEnumerable<Case> Cases()
    {
        // Pages (GET).
        yield return new("GET", "", _ => "/", Everyone200);
        yield return new("GET", "error", _ => "/error", Everyone200);
        yield return new("GET", "status/{code:int}", _ => "/status/404", Everyone200);
        yield return new("GET", "account/login", _ => "/account/login", Everyone200);
        yield return new("GET", "account/logout", _ => "/account/logout", new(302, 302, 302, 302, 302, 302));
        yield return new("GET", "account/language", _ => "/account/language", new(302, 302, 302, 302, 302, 302));
        yield return new("GET", "account/access-denied", _ => "/account/access-denied", new(403, 403, 403, 403, 403, 403));
        yield return new("GET", "programmes", _ => "/programmes", Everyone200);
        yield return new("GET", "programmes/index", _ => "/programmes/index", Everyone200);
        yield return new("GET", "programmes/details/{id:guid}", i => $"/programmes/details/{i.Programme}", Everyone200);
        yield return new("GET", "programmes/edit/{id:guid?}", i => $"/programmes/edit/{i.Programme}", AdminPage);
        yield return new("GET", "calls/details/{id:guid}", i => $"/calls/details/{i.Call}", Everyone200);
        yield return new("GET", "calls/edit/{id:guid?}", i => $"/calls/edit/{i.Call}", AdminPage);
        // An evaluator belongs to no organisation: there is no list of organisations to show them.
        yield return new("GET", "organisations", _ => "/organisations", new(Login, 200, 200, 200, 200, 403));
        yield return new("GET", "organisations/index", _ => "/organisations/index", new(Login, 200, 200, 200, 200, 403));
        yield return new("GET", "organisations/details/{id:guid}", i => $"/organisations/details/{i.OrgA}", new(Login, 200, 403, 200, 200));
        yield return new("GET", "organisations/edit/{id:guid?}", i => $"/organisations/edit/{i.OrgA}", new(Login, 200, 403, 200, 403));
        yield return new("GET", "organisations/edit/{id:guid?}", _ => "/organisations/edit", AdminPage);
        yield return new("GET", "projects", _ => "/projects", Everyone200);
        yield return new("GET", "projects/index", _ => "/projects/index", Everyone200);
        yield return new("GET", "projects/details/{id:guid}", i => $"/projects/details/{i.HiddenA}", new(Login, 200, 403, 200, 200));
        yield return new("GET", "projects/details/{id:guid}", i => $"/projects/details/{i.PublishedA}", Everyone200);
        yield return new("GET", "projects/edit-plan/{id:guid}", i => $"/projects/edit-plan/{i.HiddenA}", new(Login, 200, 403, 200, 403));
        yield return new("GET", "projects/edit-plan/{id:guid}", i => $"/projects/edit-plan/{i.PublishedA}", new(Login, 200, 403, 200, 403));
        yield return new("GET", "projects/agreement/{id:guid}", i => $"/projects/agreement/{i.HiddenA}", new(Login, 403, 403, 200, 403));
        yield return new("GET", "projects/create", _ => "/projects/create", AdminPage);

        // Delivery pages of organisation A's unpublished project.
        var readPage = new Expect(Login, 200, 403, 200, 200);
        var writePage = new Expect(Login, 200, 403, 200, 403);
        const string d = "projects/{projectId:guid}";
        yield return new("GET", d + "/indicators", i => $"/projects/{i.HiddenA}/indicators", readPage);
        yield return new("GET", d + "/events", i => $"/projects/{i.HiddenA}/events", readPage);
        yield return new("GET", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}", readPage);
        yield return new("GET", d + "/events/edit/{eventId:guid?}", i => $"/projects/{i.HiddenA}/events/edit/{i.EventA}", writePage);
        yield return new("GET", d + "/participants", i => $"/projects/{i.HiddenA}/participants?attended=true", readPage);
        yield return new("GET", d + "/participants/edit/{participantId:guid?}", i => $"/projects/{i.HiddenA}/participants/edit/{i.ParticipantA}", writePage);
        yield return new("GET", d + "/volunteers", i => $"/projects/{i.HiddenA}/volunteers", readPage);
        yield return new("GET", d + "/deliverables", i => $"/projects/{i.HiddenA}/deliverables", readPage);
        yield return new("POST", d + "/indicators", i => $"/projects/{i.HiddenA}/indicators", writePage);
        yield return new("GET", d + "/narrative", i => $"/projects/{i.HiddenA}/narrative", readPage);
        yield return new("POST", d + "/narrative", i => $"/projects/{i.HiddenA}/narrative", readPage);
        yield return new("GET", d + "/finance", i => $"/projects/{i.HiddenA}/finance", readPage);
        yield return new("POST", d + "/finance", i => $"/projects/{i.HiddenA}/finance?handler=Expense", writePage);
        // No such expense: a member is told no (403, as for anything not theirs), the funder sees 404.
        yield return new("POST", d + "/finance", i => $"/projects/{i.HiddenA}/finance?handler=DeleteExpense", new(Login, 403, 403, 404, 403));
        // The empty budget is saved by member A first; the admin's form still carries version 0 and is refused as
        // stale.
        yield return new("POST", d + "/finance", i => $"/projects/{i.HiddenA}/finance?handler=Budget", new(Login, 302, 403, 200, 403));
        yield return new("GET", "reports", _ => "/reports", new(Login, 403, 403, 200, 200));
        yield return new("GET", "audit", _ => "/audit", new(Login, 403, 403, 200, 200));
        yield return new("GET", d + "/reports", i => $"/projects/{i.HiddenA}/reports", readPage);
        yield return new("GET", d + "/reports/{reportId:guid}", i => $"/projects/{i.HiddenA}/reports/{i.EventA}", new(Login, 404, 403, 404, 404));
        yield return new("POST", d + "/reports/{reportId:guid}", i => $"/projects/{i.HiddenA}/reports/{i.EventA}?handler=Submit", new(Login, 403, 403, 404, 403));
        yield return new("GET", d + "/import", i => $"/projects/{i.HiddenA}/import", writePage);
        yield return new("POST", d + "/import", i => $"/projects/{i.HiddenA}/import?handler=Upload", writePage);
        yield return new("GET", d + "/import/{importId:guid}", i => $"/projects/{i.HiddenA}/import/01900000-0000-7000-8000-000000000001", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/events/edit/{eventId:guid?}", i => $"/projects/{i.HiddenA}/events/edit", writePage);
        // Attendance is saved as changes: an empty page of changes saves nothing and comes back to the list.
        yield return new("POST", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}", new(Login, 302, 403, 302, 403));
        yield return new("POST", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}?handler=MarkAll", new(Login, 302, 403, 302, 403));
        yield return new("POST", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}?handler=UnmarkAll", new(Login, 302, 403, 302, 403));
        // No event chosen to copy from: the form again, with the error.
        yield return new("POST", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}?handler=Copy", new(Login, 200, 403, 200, 403));
        yield return new("POST", d + "/events/{eventId:guid}", i => $"/projects/{i.HiddenA}/events/{i.EventA}?handler=Upload", writePage);
        yield return new("POST", d + "/participants/edit/{participantId:guid?}", i => $"/projects/{i.HiddenA}/participants/edit", writePage);
        yield return new("POST", d + "/volunteers", i => $"/projects/{i.HiddenA}/volunteers?handler=Add", writePage);
        yield return new("POST", d + "/deliverables", i => $"/projects/{i.HiddenA}/deliverables", writePage);
        yield return new("POST", d + "/deliverables", i => $"/projects/{i.HiddenA}/deliverables?handler=Upload", writePage);
        yield return new("POST", d + "/volunteers", i => $"/projects/{i.HiddenA}/volunteers?handler=Hours&volunteerId={i.VolunteerA}", writePage);
        yield return new("POST", d + "/import", i => $"/projects/{i.HiddenA}/import?handler=Remap&importId={i.EventA}", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/import", i => $"/projects/{i.HiddenA}/import?handler=Choose&importId={i.EventA}", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/import", i => $"/projects/{i.HiddenA}/import?handler=Apply&importId={i.EventA}", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/reports/{reportId:guid}", i => $"/projects/{i.HiddenA}/reports/{i.EventA}?handler=Narratives", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/reports/{reportId:guid}", i => $"/projects/{i.HiddenA}/reports/{i.ReportA}?handler=Return", new(Login, 403, 403, 200, 403));
        yield return new("POST", d + "/reports/{reportId:guid}", i => $"/projects/{i.HiddenA}/reports/{i.ReportA}?handler=Approve", new(Login, 403, 403, 200, 403));
        // Payments: the organisation and auditors read; funder admins act (A's hidden project has no agreement: the
        // admin's action comes back with the error on the page).
        yield return new("GET", d + "/payments", i => $"/projects/{i.HiddenA}/payments", new(Login, 200, 403, 200, 200));
        foreach (var handler in new[] { "Default", "Add", "Approve", "Pay", "Cancel", "Send", "Sign", "Terminate", "Disallow",
            "Settle", "Repay", "Court", "WriteOff" })
            yield return new("POST", d + "/payments", i => $"/projects/{i.HiddenA}/payments?handler={handler}&trancheId={i.EventA}",
                new(Login, 403, 403, 200, 403));
        yield return new("GET", "payments", _ => "/payments", new(Login, 403, 403, 200, 200));
        // Filing the signed agreement is the funder admin's (no file: the error on the page).
        yield return new("POST", d + "/payments", i => $"/projects/{i.HiddenA}/payments?handler=SignedCopy&agreementId={i.EventA}",
            new(Login, 403, 403, 200, 403));
        // Asking for an amendment is the organisation's too: A's hidden project has no agreement (the error on the page).
        yield return new("POST", d + "/payments", i => $"/projects/{i.HiddenA}/payments?handler=Amend", new(Login, 200, 403, 200, 403));
        foreach (var handler in new[] { "ReviewAmendment", "DecideAmendment" })
            yield return new("POST", d + "/payments", i => $"/projects/{i.HiddenA}/payments?handler={handler}&amendmentId={i.EventA}", new(Login, 403, 403, 404, 403));
        yield return new("POST", d + "/payments", i => $"/projects/{i.HiddenA}/payments?handler=WithdrawAmendment&amendmentId={i.EventA}", new(Login, 403, 403, 404, 403));
        // The agreement's text: A's hidden project has none.
        yield return new("GET", d + "/payments/agreement", i => $"/projects/{i.HiddenA}/payments/agreement", new(Login, 404, 403, 404, 404));
        yield return new("GET", d + "/payments/agreement", i => $"/projects/{i.HiddenA}/payments/agreement?handler=Pdf", new(Login, 404, 403, 404, 404));

        // Accounts. Member A manages organisation A (as the demo's members manage theirs).
        yield return new("GET", "account/forgot-password", _ => "/account/forgot-password", Everyone200);
        yield return new("GET", "account/reset-password", _ => "/account/reset-password", Everyone200);
        yield return new("GET", "account/invitation", _ => "/account/invitation", Everyone200);
        yield return new("GET", "account/password", _ => "/account/password", new(Login, 200, 200, 200, 200, 200));
        yield return new("GET", "users", _ => "/users", AdminPage);
        yield return new("GET", "users/index", _ => "/users/index", AdminPage);
        yield return new("GET", "users/invite", _ => "/users/invite", AdminPage);
        yield return new("GET", "users/invite", i => $"/users/invite?organisation={i.OrgA}", new(Login, 200, 403, 200, 403, 403));
        yield return new("POST", "account/forgot-password", _ => "/account/forgot-password", Everyone200);
        yield return new("POST", "account/reset-password", _ => "/account/reset-password", Everyone200);
        yield return new("POST", "account/invitation", _ => "/account/invitation", Everyone200);
        yield return new("POST", "account/password", _ => "/account/password", new(Login, 200, 200, 200, 200, 200));
        yield return new("POST", "users", _ => "/users?handler=Disable", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "users", _ => "/users?handler=Enable", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "users/index", _ => "/users/index?handler=Disable", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "users/index", _ => "/users/index?handler=Enable", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "users/invite", _ => "/users/invite", AdminPage);
        yield return new("POST", "users/invite", i => $"/users/invite?organisation={i.OrgA}", new(Login, 200, 403, 200, 403, 403));
        yield return new("GET", "users/{id}", _ => "/users/nobody", new(Login, 403, 403, 404, 403, 403));
        foreach (var handler in new[] { "Roles", "ResetTwoFactor", "Disable", "Enable" })
            yield return new("POST", "users/{id}", _ => $"/users/nobody?handler={handler}", new(Login, 403, 403, 404, 403, 403));
        // Organisation A's member manages A, not an organisation that does not exist.
        foreach (var handler in new[] { "Manager", "Remove" })
            yield return new("POST", "users/{id}", _ => $"/users/nobody?handler={handler}&organisationId={Guid.Empty}",
                new(Login, 403, 403, 404, 403, 403));
        yield return new("GET", "api/v1/users/{id}", _ => "/api/v1/users/nobody", new(401, 403, 403, 404, 403, 403));
        yield return new("PUT", "api/v1/users/{id}/roles", _ => "/api/v1/users/nobody/roles", new(401, 403, 403, 404, 403, 403),
            """{"roles":["Auditor"]}""");
        yield return new("PUT", "api/v1/users/{id}/roles", _ => "/api/v1/users/nobody/roles", new(401, 403, 403, 400, 403, 403),
            """{"roles":["OrganisationMember"]}""");
        yield return new("POST", "api/v1/users/{id}/reset-two-factor", _ => "/api/v1/users/nobody/reset-two-factor",
            new(401, 403, 403, 404, 403, 403));
        yield return new("PUT", "api/v1/organisations/{id:guid}/members/{userId}", i => $"/api/v1/organisations/{i.OrgA}/members/nobody",
            new(401, 404, 404, 404, 403, 404), """{"manager":true}""");
        yield return new("POST", "organisations/details/{id:guid}", i => $"/organisations/details/{i.OrgA}?handler=Remove",
            new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "api/v1/invitations", _ => "/api/v1/invitations", new(401, 400, 400, 400, 400, 400), "{}");
        yield return new("POST", "api/v1/invitations", _ => "/api/v1/invitations", new(401, 201, 403, 201, 403, 403),
            """{"email":"matrica@ngo.test","role":"OrganisationMember","organisationId":"{OrgA}"}""");
        yield return new("POST", "api/v1/auth/accept-invitation", _ => "/api/v1/auth/accept-invitation", new(400, 400, 400, 400, 400, 400), "{}");
        yield return new("POST", "api/v1/auth/forgot-password", _ => "/api/v1/auth/forgot-password", new(204, 204, 204, 204, 204, 204), "{}");
        yield return new("POST", "api/v1/auth/reset-password", _ => "/api/v1/auth/reset-password", new(400, 400, 400, 400, 400, 400), "{}");
        yield return new("POST", "api/v1/auth/change-password", _ => "/api/v1/auth/change-password", new(401, 400, 400, 400, 400, 400), "{}");
        yield return new("GET", "api/v1/users/", _ => "/api/v1/users", new(401, 403, 403, 200, 403, 403));
        yield return new("POST", "api/v1/users/{id}/disable", _ => "/api/v1/users/nobody/disable", new(401, 403, 403, 404, 403, 403));
        yield return new("POST", "api/v1/users/{id}/enable", _ => "/api/v1/users/nobody/enable", new(401, 403, 403, 404, 403, 403));
        yield return new("DELETE", "api/v1/organisations/{id:guid}/members/{userId}", i => $"/api/v1/organisations/{i.OrgA}/members/nobody",
            new(401, 404, 404, 404, 403, 404));

        // Application pages: member A's draft (to a call that takes no applications; the autosave sends the version
        // the save before it replaced, so it is stale); the page's withdrawal comes
        // last of A's page cases, and the API cases below find it withdrawn.
        yield return new("GET", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}", new(Login, 200, 404, 200, 200, 404));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Save", new(Login, 302, 403, 403, 403, 403));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Autosave", new(Login, 409, 404, 404, 404, 404));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Attach", new(Login, 200, 404, 200, 200, 404));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Submit", new(Login, 200, 403, 403, 403, 403));
        foreach (var handler in new[] { "Check", "Decide", "Clarify" })
            yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler={handler}", new(Login, 403, 403, 200, 403, 403));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Fund", new(Login, 403, 403, 200, 403, 403));
        yield return new("POST", "applications/{id:guid}", i => $"/applications/{i.ApplicationA}?handler=Withdraw", new(Login, 302, 403, 403, 403, 403));
        yield return new("GET", "calls/{id:guid}/applications", i => $"/calls/{i.Call}/applications", new(Login, 200, 200, 200, 200, 403));
        yield return new("GET", "calls/{id:guid}/application-form", i => $"/calls/{i.Call}/application-form", AdminPage);
        yield return new("POST", "calls/{id:guid}/application-form", i => $"/calls/{i.Call}/application-form", AdminPage);
        yield return new("POST", "calls/{id:guid}/applications", i => $"/calls/{i.Call}/applications?handler=Start", new(Login, 403, 403, 403, 403, 403));

        // Two-factor sign-in: the second step needs the password step first; set-up is one's own.
        yield return new("GET", "account/two-factor", _ => "/account/two-factor", new(Login, Login, Login, Login, Login, Login));
        yield return new("POST", "account/two-factor", _ => "/account/two-factor", Everyone200);
        yield return new("GET", "account/two-factor-setup", _ => "/account/two-factor-setup", new(Login, 200, 200, 200, 200, 200));
        yield return new("POST", "account/two-factor-setup", _ => "/account/two-factor-setup?handler=Enable", new(Login, 200, 200, 200, 200, 200));
        yield return new("POST", "account/two-factor-setup", _ => "/account/two-factor-setup?handler=NewCodes", new(Login, 302, 302, 302, 302, 302));
        yield return new("POST", "account/two-factor-setup", _ => "/account/two-factor-setup?handler=Disable", new(Login, 302, 302, 302, 302, 302));

        // Registration requests: anyone asks; funder admins decide.
        yield return new("GET", "account/register", _ => "/account/register", Everyone200);
        yield return new("POST", "account/register", _ => "/account/register", Everyone200);
        yield return new("GET", "users/requests", _ => "/users/requests", AdminPage);
        yield return new("POST", "users/requests", _ => "/users/requests?handler=Approve", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "users/requests", _ => "/users/requests?handler=Reject", new(Login, 403, 403, 404, 403, 403));
        yield return new("POST", "api/v1/registration-requests/", _ => "/api/v1/registration-requests", new(400, 400, 400, 400, 400, 400), "{}");
        yield return new("GET", "api/v1/registration-requests/", _ => "/api/v1/registration-requests", new(401, 403, 403, 200, 403, 403));
        yield return new("POST", "api/v1/registration-requests/{id:guid}/approve", _ => $"/api/v1/registration-requests/{Guid.Empty}/approve",
            new(401, 403, 403, 404, 403, 403));
        yield return new("POST", "api/v1/registration-requests/{id:guid}/reject", _ => $"/api/v1/registration-requests/{Guid.Empty}/reject",
            new(401, 403, 403, 404, 403, 403));

        // Applications: the applicant's members draft and submit, the funder checks, auditors read; evaluators have
        // nothing to read until selection assigns them. Member A's draft is to a call that takes no applications.
        const string content = """{"plan":{"title":"Paraiška","objectives":[],"activities":[],"targetGroups":[],"municipalities":[],"indicators":[]},"partners":[],"budget":[],"declaration":{}}""";
        yield return new("GET", "api/v1/calls/{id:guid}/application-form", i => $"/api/v1/calls/{i.Call}/application-form",
            new(404, 404, 404, 404, 404, 404));
        yield return new("PUT", "api/v1/calls/{id:guid}/application-form", i => $"/api/v1/calls/{i.Call}/application-form",
            new(401, 403, 403, 400, 403, 403), "{}");
        yield return new("GET", "api/v1/calls/{id:guid}/applications", i => $"/api/v1/calls/{i.Call}/applications",
            new(401, 200, 200, 200, 200, 403));
        yield return new("POST", "api/v1/calls/{id:guid}/applications", i => $"/api/v1/calls/{i.Call}/applications",
            new(401, 400, 403, 403, 403, 403), """{"organisationId":"{OrgA}"}""");
        yield return new("GET", "api/v1/calls/{id:guid}/application-register", i => $"/api/v1/calls/{i.Call}/application-register",
            new(404, 404, 404, 404, 404, 404));
        var application = (Ids i) => $"/api/v1/applications/{i.ApplicationA}";
        yield return new("GET", "api/v1/applications/{id:guid}/", application, new(401, 200, 404, 200, 200, 404));
        // A's draft was saved by the page meanwhile: version 0 is stale.
        yield return new("PUT", "api/v1/applications/{id:guid}/", application, new(401, 409, 404, 403, 403, 404),
            $$"""{"version":0,"content":{{content}}}""");
        yield return new("POST", "api/v1/applications/{id:guid}/attachments/{key}", i => application(i) + "/attachments/Statutes",
            new(401, 400, 404, 403, 403, 404), Multipart);
        yield return new("GET", "api/v1/applications/{id:guid}/files/{fileId:guid}", i => application(i) + $"/files/{Guid.Empty}",
            new(401, 404, 404, 404, 404, 404));
        yield return new("POST", "api/v1/applications/{id:guid}/submit", i => application(i) + "/submit", new(401, 400, 404, 403, 403, 404));
        yield return new("GET", "api/v1/applications/{id:guid}/versions/{number:int}", i => application(i) + "/versions/1",
            new(401, 404, 404, 404, 404, 404));
        yield return new("PUT", "api/v1/applications/{id:guid}/formal-check", i => application(i) + "/formal-check",
            new(401, 403, 404, 400, 403, 404), """{"marks":[]}""");
        yield return new("POST", "api/v1/applications/{id:guid}/clarification", i => application(i) + "/clarification",
            new(401, 403, 404, 400, 403, 404), """{"items":["Goal"],"message":"Patikslinkite tikslą."}""");
        yield return new("POST", "api/v1/applications/{id:guid}/fund", i => application(i) + "/fund", new(401, 403, 404, 400, 403, 404));
        // Withdrawn already, by A's page.
        yield return new("POST", "api/v1/applications/{id:guid}/withdraw", i => application(i) + "/withdraw",
            new(401, 400, 404, 403, 403, 404));

        // Reading a text's figures: public, page and API.
        yield return new("GET", "narrative", _ => "/narrative", Everyone200);
        yield return new("POST", "narrative", _ => "/narrative", Everyone200);
        yield return new("POST", "api/v1/narrative/facts", _ => "/api/v1/narrative/facts", Everyone200,
            """{"text":"Viso projekto veiklose dalyvavo 209 asm."}""");
        // Checking a text against a project's records: who reads the records (A's unpublished project).
        yield return new("POST", "api/v1/projects/{projectId:guid}/narrative-check", i => $"/api/v1/projects/{i.HiddenA}/narrative-check",
            new(401, 200, 404, 200, 200, 404), """{"text":"Viso projekto veiklose dalyvavo 209 asm."}""");

        // Evaluation pages. A's application is a draft, not under evaluation: the evaluator's declaration is refused
        // with a message, and the assignment stays undeclared.
        yield return new("GET", "evaluation", _ => "/evaluation", new(Login, 403, 403, 403, 403, 200));
        yield return new("GET", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}", new(Login, 403, 403, 200, 200, 200));
        yield return new("POST", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}?handler=Save", new(Login, 403, 403, 403, 403, 200));
        yield return new("POST", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}?handler=Autosave", new(Login, 404, 404, 404, 404, 400));
        yield return new("POST", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}?handler=Submit", new(Login, 403, 403, 403, 403, 200));
        yield return new("POST", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}?handler=Reopen", new(Login, 403, 403, 200, 403, 403));
        yield return new("POST", "assignments/{id:guid}", i => $"/assignments/{i.AssignmentE}?handler=Declare", new(Login, 403, 403, 403, 403, 200));
        yield return new("GET", "calls/{id:guid}/evaluation", i => $"/calls/{i.Call}/evaluation", new(Login, 403, 403, 200, 200, 403));
        yield return new("POST", "calls/{id:guid}/evaluation", i => $"/calls/{i.Call}/evaluation?handler=Criteria", new(Login, 403, 403, 200, 403, 403));
        yield return new("POST", "calls/{id:guid}/evaluation", i => $"/calls/{i.Call}/evaluation?handler=Assign", new(Login, 403, 403, 302, 403, 403));
        yield return new("POST", "calls/{id:guid}/evaluation", i => $"/calls/{i.Call}/evaluation?handler=Spread", new(Login, 403, 403, 302, 403, 403));
        yield return new("GET", "calls/{id:guid}/ranking", i => $"/calls/{i.Call}/ranking", new(Login, 403, 403, 200, 200, 403));
        yield return new("GET", "calls/{id:guid}/ranking", i => $"/calls/{i.Call}/ranking?handler=Pdf", new(Login, 403, 403, 404, 404, 403));
        yield return new("POST", "calls/{id:guid}/ranking", i => $"/calls/{i.Call}/ranking?handler=Approve", new(Login, 403, 403, 200, 403, 403));

        // Evaluation: funder admins set criteria, assign and approve; auditors read the board and the ranking; the
        // demo evaluator sees their own (undeclared) assignment of A's application, nothing of the application.
        var call = (Ids i) => $"/api/v1/calls/{i.Call}";
        yield return new("PUT", "api/v1/calls/{id:guid}/criteria", i => call(i) + "/criteria", new(401, 403, 403, 400, 403, 403), "{}");
        yield return new("GET", "api/v1/calls/{id:guid}/evaluation", i => call(i) + "/evaluation", new(401, 403, 403, 200, 200, 403));
        yield return new("POST", "api/v1/calls/{id:guid}/assignments", i => call(i) + "/assignments", new(401, 403, 403, 400, 403, 403), "{}");
        yield return new("GET", "api/v1/calls/{id:guid}/ranking", i => call(i) + "/ranking", new(401, 403, 403, 200, 200, 403));
        yield return new("POST", "api/v1/calls/{id:guid}/ranking/approve", i => call(i) + "/ranking/approve",
            new(401, 403, 403, 400, 403, 403), """{"expected":0}""");
        yield return new("GET", "api/v1/calls/{id:guid}/funded", i => call(i) + "/funded", new(404, 404, 404, 404, 404, 404));
        yield return new("GET", "api/v1/assignments/", _ => "/api/v1/assignments", new(401, 403, 403, 403, 403, 200));
        var assignment = (Ids i) => $"/api/v1/assignments/{i.AssignmentE}";
        yield return new("GET", "api/v1/assignments/{id:guid}/", assignment, new(401, 404, 404, 200, 200, 200));
        // Not under evaluation (a draft): declaring and scoring are refused with a message.
        yield return new("POST", "api/v1/assignments/{id:guid}/declaration", i => assignment(i) + "/declaration",
            new(401, 404, 404, 403, 403, 400), """{"conflict":true}""");
        yield return new("PUT", "api/v1/assignments/{id:guid}/scores", i => assignment(i) + "/scores",
            new(401, 404, 404, 403, 403, 400), """{"version":0,"scores":[]}""");
        yield return new("POST", "api/v1/assignments/{id:guid}/submit", i => assignment(i) + "/submit", new(401, 404, 404, 403, 403, 400));
        yield return new("POST", "api/v1/assignments/{id:guid}/reopen", i => assignment(i) + "/reopen",
            new(401, 404, 404, 400, 403, 403), """{"reason":"Klaida"}""");

        // Programme officers: read by funder admins and auditors, set by funder admins.
        yield return new("GET", "api/v1/programmes/{id:guid}/officers", i => $"/api/v1/programmes/{i.Programme}/officers",
            new(401, 403, 403, 200, 200, 403));
        yield return new("PUT", "api/v1/programmes/{id:guid}/officers", i => $"/api/v1/programmes/{i.Programme}/officers",
            new(401, 403, 403, 204, 403, 403), """{"userIds":[]}""");
        yield return new("POST", "programmes/details/{id:guid}", i => $"/programmes/details/{i.Programme}?handler=Officers",
            new(Login, 403, 403, 302, 403, 403));

        // Notifications: one's own, for every signed-in user.
        yield return new("GET", "notifications", _ => "/notifications", new(Login, 200, 200, 200, 200, 200));
        yield return new("GET", "notifications/index", _ => "/notifications/index", new(Login, 200, 200, 200, 200, 200));
        yield return new("POST", "notifications", _ => "/notifications?handler=Read", new(Login, 302, 302, 302, 302, 302));
        yield return new("POST", "notifications", _ => "/notifications?handler=Preferences", new(Login, 302, 302, 302, 302, 302));
        yield return new("POST", "notifications/index", _ => "/notifications/index?handler=Read", new(Login, 302, 302, 302, 302, 302));
        yield return new("POST", "notifications/index", _ => "/notifications/index?handler=Preferences", new(Login, 302, 302, 302, 302, 302));
        yield return new("GET", "api/v1/notifications/", _ => "/api/v1/notifications", new(401, 200, 200, 200, 200, 200));
        yield return new("POST", "api/v1/notifications/read", _ => "/api/v1/notifications/read", new(401, 204, 204, 204, 204, 204));

        // Pages (POST, with the user's own antiforgery token and an empty form).
        yield return new("POST", "account/login", _ => "/account/login", Everyone200);
        yield return new("POST", "error", _ => "/error", Everyone200);
        yield return new("POST", "status/{code:int}", _ => "/status/404", Everyone200);
        yield return new("POST", "account/logout", _ => "/account/logout", new(302, 302, 302, 302, 302, 302));
        yield return new("POST", "account/language", _ => "/account/language", new(302, 302, 302, 302, 302, 302));
        yield return new("POST", "programmes/edit/{id:guid?}", i => $"/programmes/edit/{i.Programme}", AdminPage);
        yield return new("POST", "calls/edit/{id:guid?}", i => $"/calls/edit/{i.Call}", AdminPage);
        yield return new("POST", "organisations/edit/{id:guid?}", i => $"/organisations/edit/{i.OrgA}", new(Login, 200, 403, 200, 403));
        yield return new("POST", "organisations/edit/{id:guid?}", _ => "/organisations/edit", AdminPage);
        yield return new("POST", "projects/details/{id:guid}", i => $"/projects/details/{i.HiddenA}?handler=Publish", new(Login, 403, 403, 302, 403));
        yield return new("POST", "projects/edit-plan/{id:guid}", i => $"/projects/edit-plan/{i.HiddenA}", new(Login, 200, 403, 200, 403));
        yield return new("POST", "projects/agreement/{id:guid}", i => $"/projects/agreement/{i.HiddenA}", new(Login, 403, 403, 200, 403));
        yield return new("POST", "projects/create", _ => "/projects/create", AdminPage);

        // API.
        yield return new("POST", "api/v1/auth/login", _ => "/api/v1/auth/login", new(400, 400, 400, 400, 400, 400), "{}");
        yield return new("POST", "api/v1/auth/logout", _ => "/api/v1/auth/logout", new(401, 204, 204, 204, 204, 204));
        yield return new("GET", "open-data", _ => "/open-data", Everyone200);
        yield return new("GET", "open-data/360giving.json", _ => "/open-data/360giving.json", Everyone200);
        yield return new("GET", "open-data/grants.csv", _ => "/open-data/grants.csv", Everyone200);
        yield return new("GET", "open-data/iati.xml", _ => "/open-data/iati.xml", Everyone200);
        yield return new("HEAD", "open-data/360giving.json", _ => "/open-data/360giving.json", Everyone200);
        yield return new("HEAD", "open-data/grants.csv", _ => "/open-data/grants.csv", Everyone200);
        yield return new("HEAD", "open-data/iati.xml", _ => "/open-data/iati.xml", Everyone200);
        yield return new("GET", "health/live", _ => "/health/live", Everyone200);
        yield return new("GET", "health/ready", _ => "/health/ready", Everyone200);
        yield return new("GET", "openapi/{documentName}.json", _ => "/openapi/v1.json", Everyone200);
        yield return new("GET", "scalar/{documentName?}", _ => "/scalar/v1", Everyone200);
        yield return new("GET", "scalar/scalar.js", _ => "/scalar/scalar.js", Everyone200);
        yield return new("GET", "scalar/scalar.aspnetcore.js", _ => "/scalar/scalar.aspnetcore.js", Everyone200);
        yield return new("GET", "scalar/favicon.svg", _ => "/scalar/favicon.svg", Everyone200);
        var api401 = new Expect(401, 403, 403, 400, 403);
        yield return new("GET", "api/v1/programmes/", _ => "/api/v1/programmes", Everyone200);
        yield return new("GET", "api/v1/programmes/{id:guid}", i => $"/api/v1/programmes/{i.Programme}", Everyone200);
        yield return new("GET", "api/v1/programmes/{id:guid}/reach", i => $"/api/v1/programmes/{i.Programme}/reach", Everyone200);
        yield return new("POST", "api/v1/programmes/", _ => "/api/v1/programmes", api401, "{}");
        yield return new("PUT", "api/v1/programmes/{id:guid}", i => $"/api/v1/programmes/{i.Programme}", api401, "{}");
        yield return new("GET", "api/v1/calls/", _ => "/api/v1/calls", Everyone200);
        yield return new("GET", "api/v1/calls/{id:guid}", i => $"/api/v1/calls/{i.Call}", Everyone200);
        yield return new("POST", "api/v1/calls/", _ => "/api/v1/calls", api401, "{}");
        yield return new("PUT", "api/v1/calls/{id:guid}", i => $"/api/v1/calls/{i.Call}", api401, "{}");
        yield return new("GET", "api/v1/organisations/", _ => "/api/v1/organisations", new(401, 200, 200, 200, 200));
        yield return new("GET", "api/v1/organisations/{id:guid}", i => $"/api/v1/organisations/{i.OrgA}", new(401, 200, 404, 200, 200));
        yield return new("POST", "api/v1/organisations/", _ => "/api/v1/organisations", api401, "{}");
        yield return new("PUT", "api/v1/organisations/{id:guid}", i => $"/api/v1/organisations/{i.OrgA}", new(401, 400, 404, 400, 403), "{}");
        yield return new("GET", "api/v1/projects/", _ => "/api/v1/projects", Everyone200);
        yield return new("GET", "api/v1/projects/{id:guid}", i => $"/api/v1/projects/{i.HiddenA}", new(404, 200, 404, 200, 200));
        yield return new("GET", "api/v1/projects/{id:guid}", i => $"/api/v1/projects/{i.PublishedA}", Everyone200);
        yield return new("POST", "api/v1/projects/", _ => "/api/v1/projects", api401, "{}");
        yield return new("PUT", "api/v1/projects/{id:guid}/plan", i => $"/api/v1/projects/{i.HiddenA}/plan", new(401, 400, 404, 400, 403), "{}");
        yield return new("PUT", "api/v1/projects/{id:guid}/agreement", i => $"/api/v1/projects/{i.HiddenA}/agreement", new(401, 403, 404, 400, 403), "{}");
        // Delivery records of organisation A's unpublished project: never public, read by A, admins and auditors,
        // changed by A and admins.
        var readA = new Expect(401, 200, 404, 200, 200);
        var writeA = new Expect(401, 400, 404, 400, 403);
        const string p = "api/v1/projects/{projectId:guid}";
        yield return new("GET", p + "/events", i => $"/api/v1/projects/{i.HiddenA}/events", readA);
        yield return new("GET", p + "/events/{eventId:guid}", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}", readA);
        yield return new("POST", p + "/events", i => $"/api/v1/projects/{i.HiddenA}/events", writeA, "{}");
        // An edit without the version it was made from is stale: 409.
        yield return new("PUT", p + "/events/{eventId:guid}", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}", new(401, 409, 404, 409, 403), "{}");
        yield return new("PUT", p + "/events/{eventId:guid}/attendance", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}/attendance",
            new(401, 409, 404, 409, 403), "{\"marks\":[],\"version\":0}");
        yield return new("GET", p + "/events/{eventId:guid}/attendance", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}/attendance", readA);
        yield return new("PATCH", p + "/events/{eventId:guid}/attendance", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}/attendance",
            new(401, 200, 404, 200, 403), "{}");
        yield return new("POST", p + "/events/{eventId:guid}/attendance/bulk", i => $"/api/v1/projects/{i.HiddenA}/events/{i.EventA}/attendance/bulk",
            new(401, 200, 404, 200, 403), "{\"attended\":true}");
        yield return new("GET", p + "/participants", i => $"/api/v1/projects/{i.HiddenA}/participants", readA);
        yield return new("POST", p + "/participants", i => $"/api/v1/projects/{i.HiddenA}/participants", writeA, "{}");
        yield return new("PUT", p + "/participants/{participantId:guid}", i => $"/api/v1/projects/{i.HiddenA}/participants/{i.ParticipantA}", writeA, "{}");
        yield return new("GET", p + "/volunteers", i => $"/api/v1/projects/{i.HiddenA}/volunteers", readA);
        yield return new("POST", p + "/volunteers", i => $"/api/v1/projects/{i.HiddenA}/volunteers", writeA, "{}");
        yield return new("POST", p + "/volunteers/{volunteerId:guid}/hours", i => $"/api/v1/projects/{i.HiddenA}/volunteers/{i.VolunteerA}/hours", writeA, "{}");
        yield return new("GET", p + "/deliverables", i => $"/api/v1/projects/{i.HiddenA}/deliverables", readA);
        yield return new("POST", p + "/deliverables", i => $"/api/v1/projects/{i.HiddenA}/deliverables", writeA, "{}");
        yield return new("GET", p + "/indicators", i => $"/api/v1/projects/{i.HiddenA}/indicators", readA);
        yield return new("PUT", p + "/indicators/{indicatorId:guid}/manual", i => $"/api/v1/projects/{i.HiddenA}/indicators/{i.IndicatorA}/manual", writeA, "{}");
        yield return new("GET", p + "/finance", i => $"/api/v1/projects/{i.HiddenA}/finance", readA);
        yield return new("PUT", p + "/budget", i => $"/api/v1/projects/{i.HiddenA}/budget", writeA, "{\"lines\":[{\"category\":\"Audit\",\"grantAmount\":-1,\"ownFunds\":0}]}");
        yield return new("POST", p + "/expenditures", i => $"/api/v1/projects/{i.HiddenA}/expenditures", writeA, "{}");
        yield return new("PUT", p + "/expenditures/{expenditureId:guid}", i => $"/api/v1/projects/{i.HiddenA}/expenditures/{i.EventA}", new(401, 404, 404, 404, 403), "{}");
        yield return new("DELETE", p + "/expenditures/{expenditureId:guid}", i => $"/api/v1/projects/{i.HiddenA}/expenditures/{i.EventA}?version=1",
            new(401, 404, 404, 404, 403));
        yield return new("GET", p + "/expenditures/export", i => $"/api/v1/projects/{i.HiddenA}/expenditures/export?format=xlsx", readA);
        var r = p + "/reports";
        var none = new Expect(401, 404, 404, 404, 404);
        var manage = new Expect(401, 403, 404, 400, 403);
        yield return new("GET", "api/v1/payments", _ => "/api/v1/payments", new(401, 403, 403, 200, 200));
        yield return new("GET", "api/v1/payments/xlsx", _ => "/api/v1/payments/xlsx", new(401, 403, 403, 200, 200));
        yield return new("GET", p + "/payments", i => $"/api/v1/projects/{i.HiddenA}/payments", readA);
        yield return new("POST", p + "/payments/default-schedule", i => $"/api/v1/projects/{i.HiddenA}/payments/default-schedule", manage);
        yield return new("POST", p + "/payments", i => $"/api/v1/projects/{i.HiddenA}/payments", manage, "{}");
        yield return new("PUT", p + "/payments/{trancheId:guid}", i => $"/api/v1/projects/{i.HiddenA}/payments/{i.EventA}", manage, "{}");
        foreach (var step in new[] { "approve", "pay", "cancel" })
            yield return new("POST", p + "/payments/{trancheId:guid}/" + step, i => $"/api/v1/projects/{i.HiddenA}/payments/{i.EventA}/{step}", manage, "{}");
        // A's hidden project has no agreement, so no versions either.
        yield return new("GET", p + "/agreement/versions", i => $"/api/v1/projects/{i.HiddenA}/agreement/versions", none);
        foreach (var step in new[] { "send", "sign", "terminate" })
            yield return new("POST", p + "/agreement/" + step, i => $"/api/v1/projects/{i.HiddenA}/agreement/{step}", manage, "{}");
        yield return new("PUT", p + "/expenditures/{expenseId:guid}/disallowance", i => $"/api/v1/projects/{i.HiddenA}/expenditures/{i.EventA}/disallowance", manage, "{}");
        yield return new("POST", p + "/settlement", i => $"/api/v1/projects/{i.HiddenA}/settlement", manage, "{}");
        // Amendments: the organisation's members and funder admins ask (A's hidden project has no agreement: 400);
        // deciding is the funder's.
        yield return new("POST", p + "/amendments", i => $"/api/v1/projects/{i.HiddenA}/amendments", new(401, 400, 404, 400, 403), "{}");
        foreach (var step in new[] { "review", "decision" })
            yield return new("POST", p + "/amendments/{amendmentId:guid}/" + step, i => $"/api/v1/projects/{i.HiddenA}/amendments/{i.EventA}/{step}", new(401, 403, 404, 404, 403), "{}");
        yield return new("POST", p + "/amendments/{amendmentId:guid}/withdraw", i => $"/api/v1/projects/{i.HiddenA}/amendments/{i.EventA}/withdraw", new(401, 404, 404, 404, 403), "{}");
        foreach (var step in new[] { "repayments", "court", "write-off" })
            yield return new("POST", p + "/recoveries/{recoveryId:guid}/" + step, i => $"/api/v1/projects/{i.HiddenA}/recoveries/{i.EventA}/{step}", manage, "{}");
        yield return new("GET", "api/v1/reports/queue", _ => "/api/v1/reports/queue", new(401, 403, 403, 200, 200));
        yield return new("GET", r + "/", i => $"/api/v1/projects/{i.HiddenA}/reports", readA);
        yield return new("GET", r + "/{reportId:guid}", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.EventA}", none);
        yield return new("PUT", r + "/{reportId:guid}/narratives", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.EventA}/narratives", new(401, 404, 404, 404, 403), "{}");
        yield return new("POST", r + "/{reportId:guid}/submit", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.EventA}/submit", new(401, 404, 404, 404, 403), "{}");
        yield return new("POST", r + "/{reportId:guid}/return", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.ReportA}/return", new(401, 403, 404, 400, 403), "{}");
        yield return new("POST", r + "/{reportId:guid}/approve", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.ReportA}/approve", new(401, 403, 404, 400, 403), "{}");
        yield return new("GET", r + "/{reportId:guid}/pdf", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.EventA}/pdf", none);
        yield return new("GET", r + "/{reportId:guid}/xlsx", i => $"/api/v1/projects/{i.HiddenA}/reports/{i.EventA}/xlsx", none);
        var someImport = Guid.Parse("01900000-0000-7000-8000-000000000001");
        yield return new("POST", p + "/imports", i => $"/api/v1/projects/{i.HiddenA}/imports", new(401, 200, 404, 200, 403), Multipart);
        yield return new("PUT", p + "/imports/{importId:guid}/mapping", i => $"/api/v1/projects/{i.HiddenA}/imports/{someImport}/mapping", new(401, 404, 404, 404, 403), "{\"mapping\":{}}");
        yield return new("PUT", p + "/imports/{importId:guid}/choices", i => $"/api/v1/projects/{i.HiddenA}/imports/{someImport}/choices", new(401, 404, 404, 404, 403), "{\"choices\":{}}");
        yield return new("POST", p + "/imports/{importId:guid}/apply", i => $"/api/v1/projects/{i.HiddenA}/imports/{someImport}/apply", new(401, 404, 404, 404, 403), "{}");
        yield return new("GET", p + "/imports/{importId:guid}", i => $"/api/v1/projects/{i.HiddenA}/imports/{someImport}", new(401, 404, 404, 404, 403));
        yield return new("GET", p + "/participants/export", i => $"/api/v1/projects/{i.HiddenA}/participants/export?format=xlsx", readA);
        foreach (var register in new[] { "events", "volunteers", "deliverables" })
            yield return new("GET", p + $"/{register}/export", i => $"/api/v1/projects/{i.HiddenA}/{register}/export?format=xlsx", readA);
        yield return new("GET", p + "/import-template", i => $"/api/v1/projects/{i.HiddenA}/import-template", readA);
        yield return new("GET", p + "/files/", i => $"/api/v1/projects/{i.HiddenA}/files", readA);
        yield return new("POST", p + "/files/", i => $"/api/v1/projects/{i.HiddenA}/files", writeA, Multipart);
        yield return new("GET", p + "/files/{fileId:guid}", i => $"/api/v1/projects/{i.HiddenA}/files/{someImport}", new(401, 404, 404, 404, 404));
        yield return new("PUT", "api/v1/projects/{id:guid}/published", i => $"/api/v1/projects/{i.HiddenA}/published", new(401, 403, 404, 200, 403), "{\"published\":false}");
    }

    [Fact]
    public void Every_route_of_the_app_is_in_the_matrix()
    {
        _ = factory.Server;
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => Normalise(e.RoutePattern.RawText)).ToHashSet();
        var covered = Cases().Select(c => Normalise(c.Route)).ToHashSet();
        Assert.Empty(routes.Except(covered).Order());
    }

    [Fact]
    public async Task Every_page_handler_is_in_the_matrix()
    {
        _ = factory.Server;
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new HashSet<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods)
                handlers.Add($"{handler.HttpMethod.ToUpperInvariant()} {Normalise(endpoint.RoutePattern.RawText)} {handler.Name ?? ""}".Trim());
        }
        Assert.NotEmpty(handlers);
        var covered = Cases().Select(c => $"{c.Method} {Normalise(c.Route)} {HandlerOf(c.Url)}".Trim()).ToHashSet();
        var missing = handlers.Except(covered).Order().ToList();
        Assert.True(missing.Count == 0, "Page handlers missing from the matrix:\n" + string.Join("\n", missing));
    }

    private static readonly Ids SampleIds = new(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);

    private static string HandlerOf(Func<Ids, string> url) =>
        System.Text.RegularExpressions.Regex.Match(url(SampleIds), "[?&]handler=([A-Za-z]+)") is { Success: true } m ? m.Groups[1].Value : "";

    [Fact]
    public async Task Each_user_gets_exactly_what_they_should_and_nothing_answers_500()
    {
        var ids = await PrepareAsync();
        var users = new (string Name, string? Email)[]
        {
            ("anonymous", null), ("member A", TalkaFactory.MemberA), ("member B", TalkaFactory.MemberB),
            ("funder admin", TalkaFactory.Admin), ("auditor", TalkaFactory.Auditor), ("evaluator", TalkaFactory.Evaluator),
        };
        var failures = new StringBuilder();
        foreach (var (name, email) in users)
        {
            var browser = await factory.BrowserAsAsync(email);
            // A visitor's public pages carry no form token (they are cached); the login page has one.
            var token = Html.Token(await browser.GetStringAsync(email is null ? "/account/login" : "/"));
            var api = await factory.ApiAsAsync(email);
            foreach (var c in Cases())
            {
                var expected = name switch
                {
                    "anonymous" => c.Expect.Anonymous, "member A" => c.Expect.MemberA, "member B" => c.Expect.MemberB,
                    "funder admin" => c.Expect.Admin, "auditor" => c.Expect.Auditor, _ => c.Expect.ForEvaluator,
                };
                var url = c.Url(ids);
                var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
                var request = new HttpRequestMessage(new HttpMethod(c.Method), url);
                if (c.Json == Multipart)
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Dalyvio Nr.;Vardas\nM-1;Testas\n")), "file", "sarasas.csv" } };
                else if (c.Json is not null)
                    request.Content = new StringContent(c.Json.Replace("{OrgA}", ids.OrgA.ToString()), Encoding.UTF8, "application/json");
                else if (c.Method == "POST") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                var response = await (isApi ? api : browser).SendAsync(request);
                var status = (int)response.StatusCode;
                var ok = expected == Login
                    ? status == 302 && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true
                    : status == expected;
                if (status >= 500 || !ok)
                    failures.AppendLine($"{name}: {c.Method} {url} answered {status} {response.Headers.Location}, expected {(expected == Login ? "login redirect" : expected)}");
                if (c.Route is "account/logout" or "api/v1/auth/logout" && email is not null)
                {
                    // Logging out ends every session of the user, bearer tokens included: sign in again for the
                    // remaining routes.
                    browser = await factory.BrowserAsAsync(email);
                    token = Html.Token(await browser.GetStringAsync("/"));
                    api = await factory.ApiAsAsync(email);
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>Every page posted to without a handler, or asked for a handler it does not have, is refused with 405
    /// or 404, never rendered with nothing loaded (a 500).</summary>
    [Fact]
    public async Task A_request_no_page_handler_takes_is_refused_and_never_answers_500()
    {
        var ids = await PrepareAsync();
        var browser = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var token = Html.Token(await browser.GetStringAsync("/"));
        var failures = new StringBuilder();
        var pages = Cases()
            .Where(c => c.Method == "GET" && !c.Route.StartsWith("api/", StringComparison.Ordinal) && HandlerOf(c.Url) == "")
            .Select(c => c.Url(ids))
            .Where(u => !u.Contains("logout", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        Assert.True(pages.Count > 40, $"{pages.Count} pages");
        foreach (var url in pages)
        {
            var post = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            var unknown = await browser.GetAsync(url + (url.Contains('?') ? "&" : "?") + "handler=Nonexistent");
            foreach (var (what, response) in new[] { ("POST", post), ("GET ?handler=Nonexistent", unknown) })
                if ((int)response.StatusCode >= 500)
                    failures.AppendLine($"{what} {url} answered {(int)response.StatusCode}");
        }
        Assert.True(failures.Length == 0, failures.ToString());
        var refused = await browser.PostAsync("/payments", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Contains("Šiame puslapyje šio veiksmo atlikti negalima", Html.Text(await refused.Content.ReadAsStringAsync()));
    }

    /// <summary>Organisation A's seed project (published) and an unpublished project of A made for this test.</summary>
    private async Task<Ids> PrepareAsync() => await factory.WithDbAsync(async db =>
    {
        var orgA = await db.Organisations.Where(o => o.Name == "VšĮ „Socialinės partnerystės centras“").Select(o => o.Id).SingleAsync();
        // Each test of the class makes its own hidden project: the published one is the seed's.
        var published = await db.Projects.Where(p => p.OrganisationId == orgA && p.Title != "Neskelbiamas A projektas").SingleAsync();
        var hidden = new Project(published.CallId, orgA, null, "Neskelbiamas A projektas", published.Start, published.End);
        hidden.RevisePlan(new PlanInput(hidden.Title, null, null, [], [], [], [], [new IndicatorInput(null, "Pasiūlymai", "vnt.", 2)]));
        db.Projects.Add(hidden);
        var e = new Event(hidden.Id, 1, hidden.Period, [], new EventDetails(null, EventKind.Training, "Mokymai", hidden.Start, hidden.Start, 1, 4,
            HourUnit.Academic, false, null, null, null, [], null));
        var participant = new Participant(hidden.Id, new ParticipantDetails("A-1", null, ParticipantCategory.Other, null, null, null, null, null, false), null);
        var volunteer = new Volunteer(hidden.Id, "Savanoris", null, null, false, true);
        var report = new Talka.Domain.Reports.Report(hidden.Id, new Talka.Domain.Reports.ScheduledReport(Talka.Domain.Reports.ReportKind.QuarterlyFinancial, hidden.Start, hidden.Start.AddDays(30), hidden.Start.AddDays(40)));
        // A draft application of A to the seed call (which takes no applications in Talka).
        var application = Talka.Domain.Applications.Application.Draft(published.CallId, orgA,
            Talka.Domain.Applications.ApplicationContent.Empty, DateTime.UtcNow);
        db.AddRange(e, participant, volunteer, report, application);
        var call = await db.Calls.SingleAsync(c => c.Id == published.CallId);
        // The seed call gets criteria, and the demo evaluator an assignment (not declared) of A's application.
        call.SetEvaluation(new Talka.Domain.Evaluation.CallEvaluation(
            [new Talka.Domain.Evaluation.Criterion("A", "Aktualumas", null, 100)], null, null, new(), ""));
        var evaluator = await db.Users.Where(u => u.Email == TalkaFactory.Evaluator).Select(u => u.Id).SingleAsync();
        var assignment = new Talka.Domain.Evaluation.Assignment(call.Id, application.Id, evaluator, false, DateTime.UtcNow);
        db.Add(assignment);
        await db.SaveChangesAsync();
        return new Ids(orgA, published.Id, hidden.Id, call.ProgrammeId, call.Id, e.Id, participant.Id, volunteer.Id, hidden.Indicators.Single().Id, report.Id, application.Id, assignment.Id);
    });

    private static string Normalise(string? route) => (route ?? "").Trim('/').ToLowerInvariant();
}
