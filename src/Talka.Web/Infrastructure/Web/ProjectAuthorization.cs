using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>A question about a project: may the user do this operation?</summary>
public sealed record ProjectRequirement(ProjectOperation Operation) : IAuthorizationRequirement;

/// <summary>What the answer depends on: whose project it is and whether it is published.</summary>
public sealed record ProjectResource(Guid OrganisationId, bool IsPublished);

/// <summary>
/// The one handler that decides every per-project question, for pages, the API and services alike. The rule itself is
/// <see cref="Viewer.May"/> in the domain (pure and unit-tested); the viewer (roles and memberships) is read once per
/// request.
/// </summary>
public sealed class ProjectAuthorizationHandler(ViewerAccessor viewers) : AuthorizationHandler<ProjectRequirement, ProjectResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectRequirement requirement, ProjectResource resource)
    {
        var viewer = await viewers.GetAsync();
        if (viewer.May(requirement.Operation, resource.OrganisationId, resource.IsPublished)) context.Succeed(requirement);
    }
}

/// <summary>Asks <see cref="ProjectAuthorizationHandler"/> through ASP.NET Core's authorization service for the current user.</summary>
public sealed class ProjectPermissions(IAuthorizationService authorization, IHttpContextAccessor http)
{
    private static readonly Dictionary<ProjectOperation, ProjectRequirement> Requirements =
        Enum.GetValues<ProjectOperation>().ToDictionary(o => o, o => new ProjectRequirement(o));

    public async Task<bool> MayAsync(ProjectOperation operation, Guid organisationId, bool isPublished)
    {
        var user = http.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();
        return (await authorization.AuthorizeAsync(user, new ProjectResource(organisationId, isPublished), Requirements[operation])).Succeeded;
    }

    /// <summary>What the user may see of the project: everything, its public fields, or nothing.</summary>
    public async Task<ProjectAccess> AccessAsync(Guid organisationId, bool isPublished) =>
        await MayAsync(ProjectOperation.Read, organisationId, isPublished) ? ProjectAccess.Full
        : await MayAsync(ProjectOperation.ReadPublic, organisationId, isPublished) ? ProjectAccess.Public
        : ProjectAccess.None;

    /// <summary>Null when allowed; otherwise NotFound for a project the user may not even see, Forbidden for one they may.</summary>
    public async Task<Outcome?> RefusalAsync(ProjectOperation operation, Guid organisationId, bool isPublished) =>
        await MayAsync(operation, organisationId, isPublished) ? null
        : await MayAsync(ProjectOperation.ReadPublic, organisationId, isPublished) ? Outcome.Forbidden
        : Outcome.NotFound;
}
