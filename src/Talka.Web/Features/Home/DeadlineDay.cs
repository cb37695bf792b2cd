using Talka.Domain.Reports;

namespace Talka.Web.Features.Home;

/// <summary>A day in the deadline calendar and the reports due on it.</summary>
public sealed record DeadlineDay(DateOnly Due, IReadOnlyList<DeadlineItem> Reports);

/// <summary>A report due on a day of the calendar.</summary>
public sealed record DeadlineItem(Guid ReportId, Guid ProjectId, string Project, ReportKind Kind);
