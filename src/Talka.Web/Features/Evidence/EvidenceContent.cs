namespace Talka.Web.Features.Evidence;

/// <summary>An evidence file's bytes, in the database beside its record: every instance serves it, and the record and
/// the file are saved together or not at all.</summary>
public sealed class EvidenceContent : Talka.Web.Infrastructure.Data.INotAudited
{
    public Guid FileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
