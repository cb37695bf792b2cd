namespace Talka.Web.Features.Imports;

/// <summary>What checking an upload found, kept with it so that its status is read, not recomputed.</summary>
public sealed record ImportSummary(
    int Rows,
    int NewParticipants,
    int ExistingParticipants,
    int NewAttendances,
    int ExistingAttendances,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    IReadOnlyList<string> Headers,
    string? Encoding,
    char? Delimiter,
    string Format,
    IReadOnlyList<ImportPreviewRow>? Preview = null,
    IReadOnlyList<ImportChoice>? Choices = null
);
