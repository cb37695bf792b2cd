namespace Talka.Web.Features.Audit;

/// <summary>One field of a change, as the pages show it.</summary>
public sealed record AuditChange(string Field, string Before, string After);

/// <summary>One audit entry as people read it: local time, who, what was done to which record (by name), in which
/// project, and each changed field with its Lithuanian name and its values shown the way the pages show them.</summary>
public sealed record AuditLine(
    long Id,
    string At,
    string User,
    string Action,
    string Record,
    string? RecordName,
    Guid? ProjectId,
    string? Project,
    IReadOnlyList<AuditChange> Changes
);
