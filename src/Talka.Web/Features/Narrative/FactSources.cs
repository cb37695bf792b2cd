using Talka.Domain.Indicators;
using Talka.Domain.Narrative;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Narrative;

/// <summary>Which records a checked figure was compared with, in words, and where they are listed: the indicators
/// page's drill-down for the project's figures, the activity's events for an activity's, the agreement, the
/// application, the finances.</summary>
public static class FactSources
{
    public static string? Explain(FactCheck check, Texts t) =>
        check.Source is not { } source ? null
        : check.Activity is { } activity ? t["Narrative.ActivitySource." + source, activity.Title]
        : t["Narrative.Source." + source];

    public static string? Link(Guid projectId, FactCheck check, Guid? applicationId = null)
    {
        if (check.Activity is { } activity)
            return FigureLinks.ForActivity(projectId, activity.Id);
        return check.Source switch
        {
            "DistinctParticipants" => FigureLinks.For(projectId, Metric.DistinctParticipants),
            "Headcount" => FigureLinks.For(projectId, Metric.Attendances),
            "Sessions" => FigureLinks.For(projectId, Metric.Sessions),
            "AcademicHours" => FigureLinks.For(projectId, Metric.AcademicHours),
            "FundsUsed" => $"/projects/{projectId}/finance",
            "AgreementAmount" or "AgreementNumber" or "AgreementSigned" => $"/projects/agreement/{projectId}",
            "ApplicationNumber" when applicationId is { } id => $"/applications/{id}",
            "Start" or "End" or "Date" or "Period" => $"/projects/details/{projectId}",
            _ => null,
        };
    }
}
