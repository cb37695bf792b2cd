using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <param name="ListedParticipants">Null where 1 to 4 persons are withheld from the public (<see
/// cref="SmallCells"/>).</param>
public sealed record PublicEvent(EventKind Kind, string Topic, DateOnly Start, DateOnly End, int Sessions, decimal? AcademicHours,
    int? ListedParticipants, int? Headcount);
public sealed record PublicDeliverable(DeliverableKind Kind, string Title, DateOnly? Date, string? PresentedTo);

/// <summary>What the public sees of a published project's work: figures and lists computed from the records, with no
/// person in them.</summary>
/// <param name="Exact">False for visitors: counts of 1 to 4 persons are then shown as "&lt; 5".</param>
public sealed record PublicResults(IndicatorSet Figures, IReadOnlyList<PublicEvent> Events, IReadOnlyList<PublicDeliverable> Deliverables, string PublicityLine,
    bool Exact)
{
    /// <summary>Distinct participants as the viewer may see them; null where withheld.</summary>
    public int? Participants => Exact ? (int)Figures[Metric.DistinctParticipants].Value : SmallCells.Public((int)Figures[Metric.DistinctParticipants].Value);
}

public sealed class PublicResultsQueries(
    TalkaDbContext db, DeliveryQueries delivery, FigureStore store, ProjectGate gate)
{
    /// <summary>Null for a project that is not published.</summary>
    /// <param name="exact">True for those who read the project's records; otherwise small counts are withheld.</param>
    public async Task<PublicResults?> ForAsync(Guid projectId, bool exact, CancellationToken ct = default)
    {
        // The request's project as the gate has it (read once per request); the results need no rights of the viewer.
        if (await gate.FindAsync(projectId, ct) is not { Project.IsPublished: true } context) return null;
        var publicityLine = await db.Calls.AsNoTracking().Where(c => c.Id == context.Project.CallId)
            .Select(c => c.PublicityLine).SingleAsync(ct);
        var figures = await store.ForAsync(context, ct);
        var events = (await delivery.EventsAsync(context, figures, ct))
            .Select(e => new PublicEvent(e.Kind, e.Topic, e.Start, e.End, e.Sessions, e.AcademicHours,
                exact ? e.Attendances : SmallCells.Public(e.Attendances), e.Headcount)).ToList();
        var deliverables = (await delivery.DeliverablesAsync(context, ct)).Select(d => new PublicDeliverable(d.Kind, d.Title, d.Date, d.PresentedTo)).ToList();
        return new PublicResults(figures, events, deliverables, publicityLine, exact);
    }
}
