using Talka.Web.Features.Organisations;

namespace Talka.Web.Features.Applications;

/// <summary>What the call's page shows of its applications: the form, the organisations the viewer may apply for,
/// whether they may see the list, and the register once the call has closed.</summary>
public sealed record CallApplicationsSection(
    CallFormView? Form,
    IReadOnlyList<OrganisationLink> ApplyAs,
    bool MayList,
    IReadOnlyList<RegisterRow>? Register
);
