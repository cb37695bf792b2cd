namespace Talka.Web.Features.Applications;

/// <summary>An attached document's bytes, in the database beside its record (as evidence files are).</summary>
public sealed class ApplicationFileContent : Infrastructure.Data.INotAudited
{
    public Guid FileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
