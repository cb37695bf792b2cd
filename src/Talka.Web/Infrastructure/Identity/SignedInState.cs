namespace Talka.Web.Infrastructure.Identity;

/// <summary>A signed-in user as the request's stamp check read them (<see cref="SessionStamp"/>).</summary>
/// <param name="Organisations">The organisations they belong to, read on every request so that a revoked membership
/// takes effect at once.</param>
/// <param name="ManagedOrganisations">Those of them they manage.</param>
/// <param name="UnreadNotifications">Their unread notifications, for the bell.</param>
public sealed record SignedInState(string UserId, IReadOnlySet<Guid> Organisations,
    IReadOnlySet<Guid> ManagedOrganisations, int UnreadNotifications);
