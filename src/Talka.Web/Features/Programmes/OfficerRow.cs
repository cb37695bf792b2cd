namespace Talka.Web.Features.Programmes;

/// <summary>A funder admin, and whether they run the programme.</summary>
public sealed record OfficerRow(string UserId, string Email, bool Officer);
