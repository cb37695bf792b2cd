using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public class ProjectOperationTests
{
    private static readonly Guid Own = Guid.CreateVersion7();
    private static readonly Guid Other = Guid.CreateVersion7();

    private static Viewer As(string? role, params Guid[] organisations) =>
        role is null ? Viewer.Anonymous : new Viewer("u", "u@x.lt", new HashSet<string> { role }, organisations.ToHashSet());

    public static TheoryData<string?, bool, ProjectOperation, bool> Rules() => new()
    {
        // A visitor reads the public fields of a published project, nothing else.
        { null, true, ProjectOperation.ReadPublic, true },
        { null, false, ProjectOperation.ReadPublic, false },
        { null, true, ProjectOperation.Read, false },
        { null, true, ProjectOperation.Change, false },
        // Another organisation's member: as a visitor.
        { Roles.OrganisationMember, true, ProjectOperation.Read, false },
        { Roles.OrganisationMember, false, ProjectOperation.ReadPublic, false },
        { Roles.OrganisationMember, true, ProjectOperation.Change, false },
        // The auditor reads everything and changes nothing.
        { Roles.Auditor, false, ProjectOperation.Read, true },
        { Roles.Auditor, false, ProjectOperation.Change, false },
        { Roles.Auditor, false, ProjectOperation.Review, false },
        // The evaluator has no access to projects' records.
        { Roles.Evaluator, false, ProjectOperation.ReadPublic, false },
        { Roles.Evaluator, true, ProjectOperation.Read, false },
        // The funder admin does everything.
        { Roles.FunderAdmin, false, ProjectOperation.Read, true },
        { Roles.FunderAdmin, false, ProjectOperation.Change, true },
        { Roles.FunderAdmin, false, ProjectOperation.ManageAgreement, true },
        { Roles.FunderAdmin, false, ProjectOperation.Publish, true },
        { Roles.FunderAdmin, false, ProjectOperation.Review, true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_role_may_do_exactly_its_operations_on_another_organisations_project(string? role, bool published, ProjectOperation operation, bool allowed) =>
        Assert.Equal(allowed, As(role, Own).May(operation, Other, published));

    [Theory]
    [InlineData(ProjectOperation.ReadPublic, true)]
    [InlineData(ProjectOperation.Read, true)]
    [InlineData(ProjectOperation.Change, true)]
    [InlineData(ProjectOperation.ManageAgreement, false)]
    [InlineData(ProjectOperation.Publish, false)]
    [InlineData(ProjectOperation.Review, false)]
    public void A_member_works_on_their_own_unpublished_project_but_does_not_sign_publish_or_approve(ProjectOperation operation, bool allowed) =>
        Assert.Equal(allowed, As(Roles.OrganisationMember, Own).May(operation, Own, isPublished: false));
}
