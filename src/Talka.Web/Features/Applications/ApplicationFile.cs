namespace Talka.Web.Features.Applications;

/// <summary>A document attached to an application under one of the call's attachment keys (the statutes, say).
/// Never changed or deleted: a new upload under the same key replaces it in the draft, and every submitted version
/// keeps the files it was submitted with.</summary>
public sealed class ApplicationFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public string Key { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }

    /// <summary>A later upload under the same key took its place in the draft.</summary>
    public bool Replaced { get; set; }
}
