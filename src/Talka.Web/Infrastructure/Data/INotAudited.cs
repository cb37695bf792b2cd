namespace Talka.Web.Infrastructure.Data;

/// <summary>A record the audit trail leaves out: bookkeeping of the system (a job's progress) or a file derived from
/// audited records (a version's PDF), not a change anyone made.</summary>
public interface INotAudited;
