using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Email;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>
/// Accounts, for the pages and the API alike: invitations (sent by a funder admin, or by an organisation's manager
/// for that organisation), their acceptance, forgotten and changed passwords, disabling an account and removing a
/// member. Passwords meet <see cref="PolicyPasswordValidator"/> on every path. Every answer about a password reset
/// is the same whether or not the e-mail has an account.
/// </summary>
public sealed class AccountService(
    TalkaDbContext db,
    UserManager<TalkaUser> users,
    Mailer mailer,
    Writes writes,
    Texts texts,
    TimeProvider clock,
    ViewerAccessor viewers,
    Infrastructure.Jobs.JobQueue jobs
)
{
    public async Task<Result<InvitationView>> InviteAsync(InvitationInput input, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        var email = input.Email?.Trim() ?? "";
        var role = input.Role?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (!IsEmail(email))
            errors.Add(new FieldError("Email", texts["Account.EmailInvalid"]));
        if (!Roles.All.Contains(role))
            errors.Add(new FieldError("Role", texts["Account.RoleInvalid"]));
        var member = role == Roles.OrganisationMember;
        if (member && input.OrganisationId is null)
            errors.Add(new FieldError("OrganisationId", texts["Error.Required"]));
        if (!member && input.OrganisationId is not null)
            errors.Add(new FieldError("OrganisationId", texts["Account.OrganisationOnlyForMembers"]));
        if (errors.Count > 0)
            return Result<InvitationView>.Invalid([.. errors]);
        if (!viewer.MayInvite(role, input.OrganisationId))
            return Result<InvitationView>.Forbidden();
        string? organisationName = null;
        if (input.OrganisationId is { } organisationId)
        {
            organisationName = await db
                .Organisations.Where(o => o.Id == organisationId)
                .Select(o => o.Name)
                .SingleOrDefaultAsync(ct);
            if (organisationName is null)
                return Result<InvitationView>.Invalid(
                    new FieldError("OrganisationId", texts["Account.OrganisationUnknown"])
                );
        }
        var language =
            input.Language is "en" ? "en"
            : input.Language is "lt" or null ? (input.Language ?? Texts.CurrentLanguage)
            : "lt";
        return await writes.Run(async () =>
        {
            var token = NewToken();
            var now = clock.GetUtcNow().UtcDateTime;
            var invitation = new Invitation
            {
                Email = email,
                Role = role,
                OrganisationId = input.OrganisationId,
                Manager = member && input.Manager,
                Language = language,
                TokenHash = Hash(token),
                InvitedByUserId = viewer.UserId,
                CreatedAt = now,
                ExpiresAt = now + Invitation.Lifetime,
            };
            db.Add(invitation);
            var roleName = texts.In(language, "Role." + role);
            var place = organisationName is null ? roleName : $"{roleName} ({organisationName})";
            mailer.Queue(
                email,
                language,
                "Invitation",
                "/account/invitation?token=" + token,
                place,
                viewer.Email,
                language == "lt"
                    ? LtFormat.LongDate(DateOnly.FromDateTime(invitation.ExpiresAt))
                    : LtFormat.Date(DateOnly.FromDateTime(invitation.ExpiresAt))
            );
            await db.SaveChangesAsync(ct);
            return Result<InvitationView>.Success(
                new InvitationView(
                    invitation.Id,
                    email,
                    role,
                    input.OrganisationId,
                    invitation.Manager,
                    invitation.ExpiresAt
                )
            );
        });
    }

    /// <summary>The invitation a link carries, if it can still be accepted.</summary>
    public async Task<InvitationSummary?> FindInvitationAsync(string? token, CancellationToken ct = default)
    {
        if (await OpenInvitationAsync(token, ct) is not { } invitation)
            return null;
        var organisation = invitation.OrganisationId is { } id
            ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        return new InvitationSummary(invitation.Email, invitation.Role, organisation, invitation.ExpiresAt);
    }

    /// <summary>Sets the invited person's password (making the account if there is none), gives the role and the
    /// membership, and closes the invitation: a second use is refused.</summary>
    public Task<Result<AcceptedInvitation>> AcceptAsync(AcceptInvitationInput input, CancellationToken ct = default) =>
        writes.Run(async () =>
        {
            if (await OpenInvitationAsync(input.Token, ct) is not { } invitation)
                return Result<AcceptedInvitation>.Invalid(new FieldError("Token", texts["Account.InvitationInvalid"]));
            var password = input.Password ?? "";
            var user = await users.FindByEmailAsync(invitation.Email);
            IdentityResult outcome;
            if (user is null)
            {
                user = new TalkaUser
                {
                    UserName = invitation.Email,
                    Email = invitation.Email,
                    EmailConfirmed = true,
                    Language = invitation.Language,
                    DisplayName = invitation.Email,
                };
                outcome = await users.CreateAsync(user, password);
            }
            else
            {
                // The link reached the address, which is what a password reset proves too.
                await users.RemovePasswordAsync(user);
                outcome = await users.AddPasswordAsync(user, password);
                if (outcome.Succeeded)
                    outcome = await users.UpdateSecurityStampAsync(user);
            }
            if (!outcome.Succeeded)
                return Result<AcceptedInvitation>.Invalid(Errors(outcome, "Password"));
            // New roles, a new stamp: a session still open takes them at its next sign-in (see StampValidator).
            if (!await users.IsInRoleAsync(user, invitation.Role))
            {
                outcome = await users.AddToRoleAsync(user, invitation.Role);
                if (outcome.Succeeded)
                    outcome = await users.UpdateSecurityStampAsync(user);
                if (!outcome.Succeeded)
                    return Result<AcceptedInvitation>.Conflict(texts["Error.Concurrency"]);
            }
            if (invitation.OrganisationId is { } organisationId)
            {
                var membership = await db.OrganisationMemberships.SingleOrDefaultAsync(
                    m => m.UserId == user.Id && m.OrganisationId == organisationId,
                    ct
                );
                if (membership is null)
                    db.OrganisationMemberships.Add(
                        new OrganisationMembership
                        {
                            UserId = user.Id,
                            OrganisationId = organisationId,
                            IsManager = invitation.Manager,
                        }
                    );
                else
                    membership.IsManager |= invitation.Manager;
            }
            invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return Result<AcceptedInvitation>.Success(new AcceptedInvitation(user.Id, invitation.Email));
        });

    /// <summary>Queues the look-up of the address: the request does the same work, in the same time, whether or not
    /// the address has an account, and the caller answers the same either way (<see
    /// cref="PasswordResetJobHandler"/> sends the link).</summary>
    public async Task ForgotPasswordAsync(ForgotPasswordInput input, CancellationToken ct = default)
    {
        var email = input.Email?.Trim() ?? "";
        if (!IsEmail(email))
            return;
        jobs.Enqueue(PasswordResetJobHandler.JobKind, email);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends a reset link to the address if it belongs to an account that may sign in; otherwise
    /// nothing.</summary>
    public async Task SendResetLinkAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.DisabledAt is not null || user.Email is null)
            return;
        // One link per address every two minutes, however often the form is sent: nobody's mailbox is flooded.
        var since = clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(2);
        if (
            await db.Set<EmailMessage>()
                .AnyAsync(m => m.To == user.Email && m.Kind == "PasswordReset" && m.CreatedAt > since, ct)
        )
            return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        mailer.Queue(
            user.Email,
            user.Language,
            "PasswordReset",
            $"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}"
        );
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets a new password from a reset link. The link works once: the new password changes the account's
    /// security stamp, which the link was bound to, and every session and token of the account ends.</summary>
    public Task<Result<string>> ResetPasswordAsync(ResetPasswordInput input, CancellationToken ct = default) =>
        writes.Run(async () =>
        {
            var email = input.Email?.Trim() ?? "";
            var password = input.Password ?? "";
            var user = IsEmail(email) ? await users.FindByEmailAsync(email) : null;
            if (user is null || user.DisabledAt is not null || string.IsNullOrEmpty(input.Token))
                return Result<string>.Invalid(new FieldError("Token", texts["Account.ResetInvalid"]));
            var outcome = await users.ResetPasswordAsync(user, input.Token, password);
            if (!outcome.Succeeded)
                return outcome.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? Result<string>.Invalid(new FieldError("Token", texts["Account.ResetInvalid"]))
                    : Result<string>.Invalid(Errors(outcome, "Password"));
            return Result<string>.Success(user.Id);
        });

    /// <summary>Changes the signed-in person's password; their other sessions and tokens end.</summary>
    public async Task<Result<TalkaUser>> ChangePasswordAsync(ChangePasswordInput input, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is null || await users.FindByIdAsync(viewer.UserId) is not { } user)
            return Result<TalkaUser>.Forbidden();
        if (string.IsNullOrEmpty(input.CurrentPassword))
            return Result<TalkaUser>.Invalid(new FieldError("CurrentPassword", texts["Error.Required"]));
        return await writes.Run(async () =>
        {
            var outcome = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword ?? "");
            if (outcome.Succeeded)
                return Result<TalkaUser>.Success(user);
            return outcome.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? Result<TalkaUser>.Invalid(new FieldError("CurrentPassword", texts["Account.CurrentPasswordWrong"]))
                : Result<TalkaUser>.Invalid(Errors(outcome, "NewPassword"));
        });
    }

    /// <summary>Disables or enables an account (funder admins; never their own). Disabling ends the account's
    /// sessions and tokens at once.</summary>
    public async Task<Result<bool>> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanManageUsers)
            return Result<bool>.Forbidden();
        if (string.IsNullOrEmpty(userId))
            return Result<bool>.NotFound();
        if (userId == viewer.UserId)
            return Result<bool>.Invalid(new FieldError("", texts["Account.NotYourself"]));
        return await writes.Run(async () =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
                return Result<bool>.NotFound();
            if ((user.DisabledAt is not null) == disabled)
                return Result<bool>.Success(disabled);
            user.DisabledAt = disabled ? clock.GetUtcNow().UtcDateTime : null;
            var outcome = await users.UpdateSecurityStampAsync(user); // saves the change and ends every session
            return outcome.Succeeded
                ? Result<bool>.Success(disabled)
                : Result<bool>.Conflict(texts["Error.Concurrency"]);
        });
    }

    /// <summary>Removes a person from an organisation (its manager or a funder admin). Their access to its records
    /// ends with their next request.</summary>
    public async Task<Result<bool>> RemoveMemberAsync(
        Guid organisationId,
        string userId,
        CancellationToken ct = default
    )
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.MayManageMembers(organisationId))
            return viewer.CanSeeOrganisation(organisationId) ? Result<bool>.Forbidden() : Result<bool>.NotFound();
        if (string.IsNullOrEmpty(userId))
            return Result<bool>.NotFound();
        return await writes.Run(async () =>
        {
            var membership = await db.OrganisationMemberships.SingleOrDefaultAsync(
                m => m.OrganisationId == organisationId && m.UserId == userId,
                ct
            );
            if (membership is null)
                return Result<bool>.NotFound();
            db.OrganisationMemberships.Remove(membership);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
    }

    private async Task<Invitation?> OpenInvitationAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        var hash = Hash(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Invitation>()
            .SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, ct);
    }

    private FieldError[] Errors(IdentityResult outcome, string field) =>
        [
            .. outcome.Errors.Select(e => new FieldError(
                e.Code is "DuplicateEmail" or "DuplicateUserName" ? "Email" : field,
                e.Description
            )),
        ];

    public static bool IsEmail(string email) =>
        email.Length is > 3 and <= 320
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && email.Contains('.', StringComparison.Ordinal);

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
