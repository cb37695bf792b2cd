using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// The one handler that decides every per-project question, for pages, the API and services alike. The rule itself is
/// <see cref="Viewer.May"/> in the domain (pure and unit-tested); the viewer (roles and memberships) is read once per
/// request. ASP.NET Core's authorization builds every handler for every request it authorizes (each page, each cached
/// public page, each health check), so the viewer, which needs the database, is taken from the request's services only
/// when a project question is asked, not at construction: a database context less on every request.
/// </summary>
public sealed class ProjectAuthorizationHandler(IServiceProvider services)
    : AuthorizationHandler<ProjectRequirement, ProjectResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        ProjectRequirement requirement, ProjectResource resource)
    {
        var viewer = await services.GetRequiredService<ViewerAccessor>().GetAsync();
        if (viewer.May(requirement.Operation, resource.OrganisationId, resource.IsPublished))
            context.Succeed(requirement);
    }
}
