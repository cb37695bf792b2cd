namespace Talka.Web.Features.Reports;

/// <summary>A funder's remark on a returned report: the section or line it is about, the text, who wrote it (their
/// name) and when, and the version it was written on.</summary>
public sealed record ReportRemark(int VersionNumber, string Section, string Text, string Author, DateTimeOffset At);
