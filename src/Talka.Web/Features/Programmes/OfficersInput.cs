namespace Talka.Web.Features.Programmes;

/// <summary>The funder admins who run a programme (a funder admin's choice; any other id is refused).</summary>
public sealed record OfficersInput(IReadOnlyList<string> UserIds);
