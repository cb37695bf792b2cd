namespace Talka.Web.Infrastructure.Data;

/// <summary>One recorded change: who changed which record, when, and what (old and new values as JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>When, in UTC (a DateTime, so that SQLite compares it for date filters).</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The record this change belongs to on screen (a project for its objectives, say).</summary>
    public string RootId { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>The project the change belongs to, when it belongs to one (for the log's project filter).</summary>
    public Guid? ProjectId { get; set; }
    public string Changes { get; set; } = "";
}
