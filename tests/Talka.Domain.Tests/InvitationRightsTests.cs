using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public sealed class InvitationRightsTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Viewer Member(bool manager) =>
        new("u", "u@ngo.lt", new HashSet<string> { Roles.OrganisationMember }, new HashSet<Guid> { Own })
        {
            ManagedOrganisationIds = manager ? new HashSet<Guid> { Own } : new HashSet<Guid>(),
        };

    [Fact]
    public void A_manager_invites_members_to_their_own_organisation_only_and_never_a_funder_role()
    {
        var manager = Member(manager: true);
        Assert.True(manager.MayInvite(Roles.OrganisationMember, Own));
        Assert.False(manager.MayInvite(Roles.OrganisationMember, Other));
        Assert.False(manager.MayInvite(Roles.FunderAdmin, Own));
        Assert.False(manager.MayInvite(Roles.Auditor, null));
        Assert.True(manager.MayManageMembers(Own));
        Assert.False(manager.MayManageMembers(Other));
    }

    [Fact]
    public void A_plain_member_invites_nobody_and_a_funder_admin_invites_anyone()
    {
        Assert.False(Member(manager: false).MayInvite(Roles.OrganisationMember, Own));
        Assert.False(Member(manager: false).CanInviteAnyone);
        var admin = new Viewer("a", "a@lt", new HashSet<string> { Roles.FunderAdmin }, new HashSet<Guid>());
        Assert.True(admin.MayInvite(Roles.Auditor, null));
        Assert.True(admin.MayInvite(Roles.OrganisationMember, Other));
    }
}
