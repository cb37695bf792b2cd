namespace Talka.Web.Features.Imports;

/// <summary>
/// An uploaded list on its way in, kept in the database (not in one instance's memory): the file itself, the column
/// mapping, what the check found, and the state and progress once applied. Any instance can show it, and the job that
/// applies it may run on any instance.
/// </summary>
public sealed class ImportUpload : Talka.Web.Infrastructure.Data.INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string FileName { get; set; } = "";

    /// <summary>The file as uploaded (at most <see cref="ImportService.MaxFileBytes"/>).</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>Field → column index, as JSON.</summary>
    public string Mapping { get; set; } = "{}";

    /// <summary>The user's choices for values that may mean more than one municipality (<see cref="ImportChoice"/>):
    /// the compared value → the municipality, as JSON.</summary>
    public string Choices { get; set; } = "{}";

    /// <summary>What the check found (<see cref="ImportSummary"/>), as JSON.</summary>
    public string Summary { get; set; } = "{}";
    public ImportState State { get; set; }
    public int Processed { get; set; }
    public int Total { get; set; }
    public string? Failure { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
