using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Builds the <see cref="Viewer"/> of the current request once: roles from the sign-in, memberships from the
/// database (as the stamp check read them, <see cref="SessionStamp"/>).</summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, TalkaDbContext db, SessionStamp stamp)
{
    private Viewer? _viewer;

    public async Task<Viewer> GetAsync(CancellationToken ct = default)
    {
        if (_viewer is not null) return _viewer;
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || userId is null) return _viewer = Viewer.Anonymous;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        // Memberships are read per request so that a revoked membership takes effect at once: by the stamp check, or
        // here where none ran (a principal not from a cookie or a bearer token).
        if (stamp.State is not { } state || state.UserId != userId)
        {
            var organisations = await db.OrganisationMemberships.AsNoTracking()
                .Where(m => m.UserId == userId).Select(m => new { m.OrganisationId, m.IsManager }).ToListAsync(ct);
            state = new SignedInState(userId, organisations.Select(m => m.OrganisationId).ToHashSet(),
                organisations.Where(m => m.IsManager).Select(m => m.OrganisationId).ToHashSet(), 0);
        }
        return _viewer = new Viewer(userId, user.Identity.Name, roles, state.Organisations)
        {
            ManagedOrganisationIds = state.ManagedOrganisations,
        };
    }
}
