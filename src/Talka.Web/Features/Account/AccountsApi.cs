using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

public static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapPost(
                "/invitations",
                async (InvitationInput input, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.InviteAsync(input, ct)).ToHttp(
                        t,
                        view => Results.Created($"/api/v1/invitations/{view.Id}", view)
                    )
            )
            .WithTags("Accounts")
            .Returns<InvitationView>(
                "Invite a person by e-mail to a role (and an organisation)",
                StatusCodes.Status201Created
            );

        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost(
                "/accept-invitation",
                async (AcceptInvitationInput input, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.AcceptAsync(input, ct)).ToHttp(t, Results.Ok)
            )
            .AllowAnonymous()
            .Returns<AcceptedInvitation>("Accept an invitation: set the password; then log in");
        // The same answer whether or not the address has an account.
        auth.MapPost(
                "/forgot-password",
                async (ForgotPasswordInput input, AccountService s, CancellationToken ct) =>
                {
                    await s.ForgotPasswordAsync(input, ct);
                    return Results.NoContent();
                }
            )
            .AllowAnonymous()
            .ReturnsNothing("Send a password reset link to the address, if it has an account");
        auth.MapPost(
                "/reset-password",
                async (ResetPasswordInput input, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.ResetPasswordAsync(input, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .AllowAnonymous()
            .ReturnsNothing("Set a new password with the link's token; every session of the account ends");
        auth.MapPost(
                "/change-password",
                async (ChangePasswordInput input, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.ChangePasswordAsync(input, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .RequireAuthorization()
            .ReturnsNothing("Change your password; every token and session of yours ends");

        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization();
        users
            .MapGet(
                "/",
                async (string? search, int? page, UserQueries q, ViewerAccessor v, Texts t, CancellationToken ct) =>
                    await q.PageAsync(await v.GetAsync(ct), search, page ?? 1, ct) is { } result
                        ? Results.Ok(result)
                        : ApiResults.Forbidden(t)
            )
            .Returns<Page<UserRow>>("List the accounts (funder admins), searched by e-mail or organisation");
        users
            .MapPost(
                "/{id}/disable",
                async (string id, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.SetDisabledAsync(id, true, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .ReturnsNothing("Disable an account: its sessions and tokens end at once");
        users
            .MapPost(
                "/{id}/enable",
                async (string id, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.SetDisabledAsync(id, false, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .ReturnsNothing("Enable a disabled account");

        users
            .MapGet(
                "/{id}",
                async (string id, Users.UserAdministration s, ViewerAccessor v, Texts t, CancellationToken ct) =>
                    !(await v.GetAsync(ct)).CanManageUsers ? ApiResults.Forbidden(t)
                    : await s.DetailsAsync(id, ct) is { } details ? Results.Ok(details)
                    : ApiResults.NotFound(t)
            )
            .Returns<Users.UserDetails>(
                "Read an account: roles, memberships, two-factor, last sign-in (funder admins)"
            );
        users
            .MapPut(
                "/{id}/roles",
                async (string id, Users.RolesInput input, Users.UserAdministration s, Texts t, CancellationToken ct) =>
                    (await s.SetRolesAsync(id, input, ct)).ToHttp(t, Results.Ok)
            )
            .Returns<Users.UserDetails>("Set an account's staff roles; its sessions and tokens end");
        users
            .MapPost(
                "/{id}/reset-two-factor",
                async (string id, Users.UserAdministration s, Texts t, CancellationToken ct) =>
                    (await s.ResetTwoFactorAsync(id, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .ReturnsNothing("Turn off an account's two-factor sign-in and forget its key (a lost phone)");
        api.MapPut(
                "/organisations/{id:guid}/members/{userId}",
                async (
                    Guid id,
                    string userId,
                    Users.MemberInput input,
                    Users.UserAdministration s,
                    Texts t,
                    CancellationToken ct
                ) => (await s.SetManagerAsync(id, userId, input, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .WithTags("Organisations")
            .RequireAuthorization()
            .ReturnsNothing("Make a member the organisation's manager, or not");
        api.MapDelete(
                "/organisations/{id:guid}/members/{userId}",
                async (Guid id, string userId, AccountService s, Texts t, CancellationToken ct) =>
                    (await s.RemoveMemberAsync(id, userId, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .WithTags("Organisations")
            .RequireAuthorization()
            .ReturnsNothing("Remove a member from an organisation");
    }
}
