namespace Talka.Web.Features.Programmes;

/// <summary>A funder admin who runs a programme: its submitted reports are announced to them (to every funder admin
/// when a programme has no officer), and its deadlines head their home page.</summary>
public sealed class ProgrammeOfficer
{
    public Guid ProgrammeId { get; set; }
    public string UserId { get; set; } = "";
}
