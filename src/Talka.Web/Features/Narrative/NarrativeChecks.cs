using Microsoft.EntityFrameworkCore;
using Talka.Domain.Indicators;
using Talka.Domain.Narrative;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Narrative;

/// <summary>Checks a text against a project's records: its stored figures (the indicators page's), its funds reported
/// used, its agreement and its application number (<see cref="NarrativeCheck"/>).</summary>
public sealed class NarrativeChecks(TalkaDbContext db, FigureStore figures)
{
    public async Task<IReadOnlyList<FactCheck>> CheckAsync(ProjectContext context, string? text, CancellationToken ct)
    {
        var facts = NarrativeExtractor.Extract(text);
        return facts.Count == 0 ? [] : NarrativeCheck.Check(facts, await RecordsAsync(context, ct));
    }

    /// <summary>What the project's records say, read once for any number of texts (a report's narratives).</summary>
    public async Task<ProjectRecords> RecordsAsync(ProjectContext context, CancellationToken ct)
    {
        var set = await figures.ForAsync(context, ct);
        var project = context.Project;
        var agreement = await db
            .Agreements.AsNoTracking()
            .Where(a => a.ProjectId == project.Id)
            .Select(a => new
            {
                a.Number,
                a.SignedOn,
                a.GrantedAmount,
            })
            .FirstOrDefaultAsync(ct);
        var application = project.ApplicationId is { } id
            ? await db.Applications.Where(a => a.Id == id).Select(a => a.Number).FirstOrDefaultAsync(ct)
            : null;
        return new ProjectRecords(
            set[Metric.DistinctParticipants].Value,
            set[Metric.Attendances].Value + set[Metric.Headcount].Value,
            set[Metric.Sessions].Value,
            set[Metric.AcademicHours].Value,
            set[Metric.Volunteers].Value,
            project.ReportedFundsUsed,
            agreement?.GrantedAmount,
            agreement?.Number,
            agreement?.SignedOn,
            application,
            project.Start,
            project.End
        );
    }
}
