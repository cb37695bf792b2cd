namespace Talka.Web.Features.Account;

/// <summary>An invitation: the person's e-mail, their role (FunderAdmin, Evaluator, Auditor or OrganisationMember),
/// the organisation for a member, whether they manage it, and the language of the e-mail ("lt" or "en").</summary>
public sealed record InvitationInput(
    string? Email,
    string? Role,
    Guid? OrganisationId = null,
    bool Manager = false,
    string? Language = null
);

public sealed record AcceptInvitationInput(string? Token, string? Password);

public sealed record ForgotPasswordInput(string? Email);

public sealed record ResetPasswordInput(string? Email, string? Token, string? Password);

public sealed record ChangePasswordInput(string? CurrentPassword, string? NewPassword);
