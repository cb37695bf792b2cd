using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talka.Web.Features.Notifications;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// Whether a signed-in principal (a session cookie's or a bearer token's) is still its user's: the stamp it carries is
/// the user's current security stamp and the account is not disabled. One compiled query, run on every signed-in
/// request, which also reads what every signed-in page asks next about its user (<see cref="State"/>: the
/// organisations they belong to, their unread notifications), so that a signed-in request makes one round trip to the
/// database for its user, not three. Identity's own check loads the whole user through a user manager built for each
/// request, which cost a signed-in request more than the rest of its authentication.
/// </summary>
public sealed class SessionStamp(TalkaDbContext db, IOptions<IdentityOptions> options)
{
    private static readonly Func<TalkaDbContext, string, CancellationToken, Task<StampRow?>> Current =
        EF.CompileAsyncQuery((TalkaDbContext context, string id, CancellationToken ct) => context.Users
            .Where(u => u.Id == id)
            .Select(u => new StampRow(u.SecurityStamp, u.DisabledAt,
                context.OrganisationMemberships.Where(m => m.UserId == u.Id)
                    .Select(m => new MembershipRow(m.OrganisationId, m.IsManager)).ToList(),
                context.Set<Notification>().Count(n => n.UserId == u.Id && n.ReadAt == null)))
            .FirstOrDefault());

    /// <summary>The signed-in user as this request found them when it checked their stamp; null before the check,
    /// or where it failed.</summary>
    public SignedInState? State { get; private set; }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        State = null;
        var types = options.Value.ClaimsIdentity;
        if (principal.FindFirstValue(types.UserIdClaimType) is not { } id
            || principal.FindFirstValue(types.SecurityStampClaimType) is not { Length: > 0 } stamp)
            return false;
        var row = await Current(db, id, ct);
        if (row is not { DisabledAt: null, Stamp: { } current }
            || !string.Equals(current, stamp, StringComparison.Ordinal))
            return false;
        State = new SignedInState(id, row.Memberships.Select(m => m.OrganisationId).ToHashSet(),
            row.Memberships.Where(m => m.IsManager).Select(m => m.OrganisationId).ToHashSet(), row.Unread);
        return true;
    }

    private sealed record StampRow(string? Stamp, DateTime? DisabledAt, List<MembershipRow> Memberships, int Unread);

    private sealed record MembershipRow(Guid OrganisationId, bool IsManager);
}
