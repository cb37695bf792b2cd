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

/// <summary>What one may ask to do with a project and its records.</summary>
public enum ProjectOperation
{
    /// <summary>See the project's public fields (published projects, for everyone).</summary>
    ReadPublic,
    /// <summary>See everything: the plan's internal fields, delivery records, budget, ledger, reports, files.</summary>
    Read,
    /// <summary>Change the plan and the records: the organisation's members and funder admins.</summary>
    Change,
    /// <summary>Enter or change the agreement.</summary>
    ManageAgreement,
    /// <summary>Publish or unpublish.</summary>
    Publish,
    /// <summary>Return or approve a submitted report.</summary>
    Review,
    /// <summary>Plan, approve, mark paid or cancel the project's payments, and move its agreement through its
    /// lifecycle: funder admins.</summary>
    ManagePayments,
}

/// <summary>What one may ask to do with an application.</summary>
public enum ApplicationOperation
{
    /// <summary>See it whole: the applicant's members, funder admins and auditors, and the experts assigned to it
    /// once they declared no conflict.</summary>
    Read,
    /// <summary>Draft, attach, submit, withdraw: the applicant's members only.</summary>
    Edit,
    /// <summary>The formal check and its clarifications, and the internal notes: funder admins.</summary>
    Check,
}

/// <summary>What one may ask to do with an expert's assignment.</summary>
public enum AssignmentOperation
{
    /// <summary>See that it exists and its state: the expert, funder admins and auditors.</summary>
    Read,
    /// <summary>Sign the declaration: the assigned expert, once.</summary>
    Declare,
    /// <summary>Read the application and score it: the assigned expert after declaring no conflict.</summary>
    Evaluate,
    /// <summary>Assign, reassign and reopen submitted scores: funder admins.</summary>
    Manage,
}

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

    /// <summary>The one rule for every per-project question; the web's authorization handler asks it.</summary>
    public bool May(ProjectOperation operation, Guid organisationId, bool isPublished) => operation switch
    {
        ProjectOperation.ReadPublic => AccessToProject(organisationId, isPublished) != ProjectAccess.None,
        ProjectOperation.Read => AccessToProject(organisationId, isPublished) == ProjectAccess.Full,
        ProjectOperation.Change => CanEditProjectPlan(organisationId),
        ProjectOperation.ManageAgreement => CanManageAgreements,
        ProjectOperation.Publish => CanPublishProjects,
        ProjectOperation.Review => IsFunderAdmin,
        ProjectOperation.ManagePayments => IsFunderAdmin,
        _ => false,
    };
    /// <summary>The one rule for every per-application question.</summary>
    /// <param name="declaredExpert">Whether the viewer is an expert assigned to the application who declared no
    /// conflict for it: they read it, nothing more.</param>
    public bool May(ApplicationOperation operation, Guid applicantId, bool declaredExpert = false) => operation switch
    {
        ApplicationOperation.Read => ReadsEverything || IsMemberOf(applicantId) || (declaredExpert && IsEvaluator),
        ApplicationOperation.Edit => IsMemberOf(applicantId),
        ApplicationOperation.Check => IsFunderAdmin,
        _ => false,
    };
    /// <summary>The one rule for every per-assignment question: an evaluator sees only their own assignments, and an
    /// application's content only once they declared no conflict for it.</summary>
    public bool May(AssignmentOperation operation, string? evaluatorId, Evaluation.AssignmentState state)
    {
        var own = IsEvaluator && UserId is not null && UserId == evaluatorId;
        return operation switch
        {
            AssignmentOperation.Read => ReadsEverything || own,
            AssignmentOperation.Declare => own && state == Evaluation.AssignmentState.Assigned,
            AssignmentOperation.Evaluate => own
                && state is Evaluation.AssignmentState.Declared or Evaluation.AssignmentState.Submitted,
            AssignmentOperation.Manage => IsFunderAdmin,
            _ => false,
        };
    }
    /// <summary>Set criteria, assign experts, run the ranking and approve it: funder admins; auditors read.</summary>
    public bool CanManageEvaluation => IsFunderAdmin;
    public bool CanSeeEvaluation => ReadsEverything;
    public bool CanSetCallForms => IsFunderAdmin;
    public bool CanCreateProject => IsFunderAdmin;
    public bool CanManageAgreements => IsFunderAdmin;
    public bool CanPublishProjects => IsFunderAdmin;

    public bool CanSeeOrganisation(Guid organisationId) => ReadsEverything || IsMemberOf(organisationId);
    public bool CanListOrganisations => IsAuthenticated && (ReadsEverything || MemberOrganisationIds.Count > 0);
    public bool CanEditOrganisation(Guid organisationId) => IsFunderAdmin || IsMemberOf(organisationId);
    public bool CanCreateOrganisation => IsFunderAdmin;

    public bool CanManageProgrammes => IsFunderAdmin;

    /// <summary>The organisations whose manager this person is (members with the right to invite and remove
    /// colleagues).</summary>
    public IReadOnlySet<Guid> ManagedOrganisationIds { get; init; } = new HashSet<Guid>();
    public bool Manages(Guid organisationId) => IsMemberOf(organisationId) && ManagedOrganisationIds.Contains(organisationId);

    /// <summary>Funder admins invite anyone to any role; an organisation's manager invites members (and managers) to
    /// that organisation only, never a funder, evaluator or auditor.</summary>
    public bool MayInvite(string role, Guid? organisationId) =>
        IsFunderAdmin
        || (role == Common.Roles.OrganisationMember && organisationId is { } id && Manages(id));
    public bool MayManageMembers(Guid organisationId) => IsFunderAdmin || Manages(organisationId);
    public bool CanInviteAnyone => IsFunderAdmin || ManagedOrganisationIds.Any(Manages);
    public bool CanManageUsers => IsFunderAdmin;
    public bool CanSeeAuditTrail => ReadsEverything;
}
