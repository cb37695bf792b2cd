using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// The one handler that decides every per-project question, for pages, the API and services alike. The rule itself is
/// <see cref="Viewer.May"/> in the domain (pure and unit-tested); the viewer (roles and memberships) is read once per
/// request.
/// </summary>
public sealed class ProjectAuthorizationHandler(ViewerAccessor viewers)
    : AuthorizationHandler<ProjectRequirement, ProjectResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        ProjectRequirement requirement, ProjectResource resource)
    {
        var viewer = await viewers.GetAsync();
        if (viewer.May(requirement.Operation, resource.OrganisationId, resource.IsPublished))
            context.Succeed(requirement);
    }
}
