using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Asks <see cref="ProjectAuthorizationHandler"/> through ASP.NET Core's authorization service for the current
/// user.</summary>
public sealed class ProjectPermissions(IAuthorizationService authorization, IHttpContextAccessor http)
{
    private static readonly Dictionary<ProjectOperation, ProjectRequirement> Requirements =
        Enum.GetValues<ProjectOperation>().ToDictionary(o => o, o => new ProjectRequirement(o));

    public async Task<bool> MayAsync(ProjectOperation operation, Guid organisationId, bool isPublished)
    {
        var user = http.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal();
        var resource = new ProjectResource(organisationId, isPublished);
        return (await authorization.AuthorizeAsync(user, resource, Requirements[operation])).Succeeded;
    }

    /// <summary>What the user may see of the project: everything, its public fields, or nothing.</summary>
    public async Task<ProjectAccess> AccessAsync(Guid organisationId, bool isPublished) =>
        await MayAsync(ProjectOperation.Read, organisationId, isPublished) ? ProjectAccess.Full
        : await MayAsync(ProjectOperation.ReadPublic, organisationId, isPublished) ? ProjectAccess.Public
        : ProjectAccess.None;

    /// <summary>Null when allowed; otherwise NotFound for a project the user may not even see, Forbidden for one they
    /// may.</summary>
    public async Task<Outcome?> RefusalAsync(ProjectOperation operation, Guid organisationId, bool isPublished) =>
        await MayAsync(operation, organisationId, isPublished) ? null
        : await MayAsync(ProjectOperation.ReadPublic, organisationId, isPublished) ? Outcome.Forbidden
        : Outcome.NotFound;
}
