namespace Talka.Domain.Common;

public static class Roles
{
    public const string FunderAdmin = "FunderAdmin";
    public const string Evaluator = "Evaluator";
    public const string OrganisationMember = "OrganisationMember";
    public const string Auditor = "Auditor";
    public static IReadOnlyList<string> All { get; } = [FunderAdmin, Evaluator, OrganisationMember, Auditor];
}

public enum ProjectAccess { None, Public, Full }

/// <summary>
/// Who is asking, and what each record lets them do. Every page and endpoint asks these questions per record.
/// - A funder admin reads and changes everything.
/// - An auditor reads everything and changes nothing.
/// - An organisation's member reads and changes that organisation's records only.
/// - Everyone, anonymous visitors included, reads the public fields of published projects and the programmes and calls.
/// </summary>
public sealed record Viewer(string? UserId, string? Email, IReadOnlySet<string> Roles, IReadOnlySet<Guid> OrganisationIds)
{
    public static Viewer Anonymous { get; } = new(null, null, new HashSet<string>(), new HashSet<Guid>());

    public bool IsAuthenticated => UserId is not null;
    public bool IsFunderAdmin => Roles.Contains(Common.Roles.FunderAdmin);
    public bool IsAuditor => Roles.Contains(Common.Roles.Auditor);
    public bool IsEvaluator => Roles.Contains(Common.Roles.Evaluator);
    public bool IsMemberOf(Guid organisationId) => Roles.Contains(Common.Roles.OrganisationMember) && OrganisationIds.Contains(organisationId);
    public IReadOnlyCollection<Guid> MemberOrganisationIds => Roles.Contains(Common.Roles.OrganisationMember) ? OrganisationIds : [];

    /// <summary>Funder admins and auditors read every record.</summary>
    public bool ReadsEverything => IsFunderAdmin || IsAuditor;

    public ProjectAccess AccessToProject(Guid organisationId, bool isPublished) =>
        ReadsEverything || IsMemberOf(organisationId) ? ProjectAccess.Full
        : isPublished ? ProjectAccess.Public
        : ProjectAccess.None;

    public bool CanEditProjectPlan(Guid organisationId) => IsFunderAdmin || IsMemberOf(organisationId);
    public bool CanCreateProject => IsFunderAdmin;
    public bool CanManageAgreements => IsFunderAdmin;
    public bool CanPublishProjects => IsFunderAdmin;

    public bool CanSeeOrganisation(Guid organisationId) => ReadsEverything || IsMemberOf(organisationId);
    public bool CanListOrganisations => IsAuthenticated && (ReadsEverything || MemberOrganisationIds.Count > 0);
    public bool CanEditOrganisation(Guid organisationId) => IsFunderAdmin || IsMemberOf(organisationId);
    public bool CanCreateOrganisation => IsFunderAdmin;

    public bool CanManageProgrammes => IsFunderAdmin;
    public bool CanSeeAuditTrail => IsFunderAdmin;
}
