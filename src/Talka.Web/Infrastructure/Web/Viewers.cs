using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Builds the <see cref="Viewer"/> of the current request once: roles from the sign-in, memberships from the database.</summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, TalkaDbContext db)
{
    private Viewer? _viewer;

    public async Task<Viewer> GetAsync(CancellationToken ct = default)
    {
        if (_viewer is not null) return _viewer;
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || userId is null) return _viewer = Viewer.Anonymous;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        // Memberships are read per request so that a revoked membership takes effect at once.
        var organisations = await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { m.OrganisationId, m.IsManager }).ToListAsync(ct);
        return _viewer = new Viewer(userId, user.Identity.Name, roles, organisations.Select(m => m.OrganisationId).ToHashSet())
        {
            ManagedOrganisationIds = organisations.Where(m => m.IsManager).Select(m => m.OrganisationId).ToHashSet(),
        };
    }
}
