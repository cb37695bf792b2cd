using Talka.Domain.Common;

namespace Talka.Domain.Delivery;

/// <summary>What an evidence file belongs to; an agreement's file is its signed copy.</summary>
public enum EvidenceOwner { Project, Event, Deliverable, Indicator, Expenditure, Agreement }

public enum EvidenceKind { Pdf, Png, Jpeg, OfficeDocument }

/// <summary>
/// Which files Talka accepts as evidence (attendance sheets, photos, PDFs, Office documents), decided by the bytes at the
/// start of the file, never by its name.
/// </summary>
public static class EvidenceRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static EvidenceKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return EvidenceKind.Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return EvidenceKind.Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return EvidenceKind.Jpeg;
        if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 })) return EvidenceKind.OfficeDocument; // checked further as a package
        return null;
    }

    public static string ContentType(EvidenceKind kind, string fileName) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Jpeg => "image/jpeg",
        _ => Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
    };

    /// <summary>A file name safe to show and to offer for download: no folders, no control characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':')).ToArray()).Trim();
        if (name.Length == 0) throw new DomainException("Required", "File");
        return name.Length > 200 ? name[^200..] : name;
    }
}

/// <summary>An evidence file: stored on disk under a name Talka chose, described here.</summary>
public sealed class EvidenceFile
{
    private EvidenceFile() { FileName = ""; ContentType = ""; Sha256 = ""; UploadedBy = ""; }

    public EvidenceFile(Guid projectId, EvidenceOwner owner, Guid? ownerId, string fileName, EvidenceKind kind, long size, string sha256, string uploadedBy, DateTimeOffset at)
    {
        if (size <= 0) throw new DomainException("FileEmpty", "File");
        if (size > EvidenceRules.MaxBytes) throw new DomainException("FileTooLarge", "File", EvidenceRules.MaxBytes / 1024 / 1024);
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Owner = owner;
        OwnerId = ownerId;
        FileName = EvidenceRules.SafeName(fileName);
        Kind = kind;
        ContentType = EvidenceRules.ContentType(kind, FileName);
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public EvidenceOwner Owner { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string FileName { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
