namespace Talka.Web.Features.Users;

/// <summary>The staff roles an account holds: any of FunderAdmin, Evaluator and Auditor. Membership of an organisation
/// is given by invitation and taken away on the organisation's page.</summary>
public sealed record RolesInput(IReadOnlyList<string?>? Roles);

/// <summary>Whether a member manages their organisation (invites and removes colleagues).</summary>
public sealed record MemberInput(bool Manager);
