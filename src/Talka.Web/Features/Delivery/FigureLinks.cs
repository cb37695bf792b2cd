using Microsoft.AspNetCore.WebUtilities;
using Talka.Domain.Indicators;

namespace Talka.Web.Features.Delivery;

/// <summary>The register a computed figure is drawn from, filtered to its records: the indicators page's drill-down,
/// and the sources a narrative's checked figures name.</summary>
public static class FigureLinks
{
    /// <summary>Where a figure's records are listed.</summary>
    public static string For(Guid projectId, Metric metric, Part? part = null)
    {
        var id = projectId;
        var query = new Dictionary<string, string?>();
        string page;
        switch (metric)
        {
            case Metric.DistinctParticipants:
                page = "participants";
                query["attended"] = "true";
                if (part is not null)
                {
                    if (part.Key is null)
                    {
                        query["unstated"] = "true";
                        query["dimension"] = part.Dimension.ToString();
                    }
                    else
                        query[
                            part.Dimension switch
                            {
                                Dimension.Category => "category",
                                Dimension.TargetGroup => "targetGroup",
                                Dimension.Municipality => "municipality",
                                Dimension.Gender => "gender",
                                Dimension.AgeBand => "ageBand",
                                _ => "quarter",
                            }
                        ] = part.Key;
                }
                break;
            case Metric.Volunteers or Metric.VolunteerHours:
                page = "volunteers";
                break;
            case Metric.Deliverables:
                page = "deliverables";
                if (part?.Key is { } deliverableKind)
                    query["kind"] = deliverableKind;
                break;
            default:
                page = "events";
                if (metric == Metric.Headcount)
                    query["withHeadcount"] = "true";
                if (part?.Dimension == Dimension.Kind)
                    query["kind"] = part.Key;
                if (part?.Dimension == Dimension.Quarter)
                    query["quarter"] = part.Key;
                if (part?.Dimension == Dimension.Category)
                {
                    page = "participants";
                    query["attended"] = "true";
                    query["category"] = part.Key;
                }
                break;
        }
        return QueryHelpers.AddQueryString($"/projects/{id}/{page}", query);
    }

    /// <summary>The events of one activity of the plan.</summary>
    public static string ForActivity(Guid projectId, Guid activityId) =>
        QueryHelpers.AddQueryString($"/projects/{projectId}/events", "activity", activityId.ToString());
}
