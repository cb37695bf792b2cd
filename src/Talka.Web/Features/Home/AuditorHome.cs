using Talka.Web.Features.Audit;

namespace Talka.Web.Features.Home;

/// <summary>An auditor's home: what they can read (every project, published or not, and every report by state) and
/// the latest entries of the audit log.</summary>
public sealed record AuditorHome(
    int Projects,
    int Published,
    int ReportsSubmitted,
    int ReportsApproved,
    int ReportsReturned,
    IReadOnlyList<AuditLine> LatestChanges
);
