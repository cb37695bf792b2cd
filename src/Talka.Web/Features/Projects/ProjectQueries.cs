using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Projects;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

/// <param name="Search">Words of the title or of the organisation's name, in any case, with or without diacritics.</param>
/// <param name="Sort">"start" (latest first, the default), "title", "organisation", "programme" or "amount" (the
/// largest grant first).</param>
public sealed record ProjectFilter(
    Guid? ProgrammeId = null, int? Year = null, Guid? OrganisationId = null, string? Municipality = null, int Page = 1, string? Search = null,
    string? Sort = null)
{
    public static readonly string[] Sorts = ["start", "title", "organisation", "programme", "amount"];
}

public sealed record ProjectRow(
    Guid Id, string Title, Guid OrganisationId, string Organisation, string FundingBody, Guid ProgrammeId, string Programme,
    string? LegalActNumber, DateOnly? LegalActDate, string? AgreementNumber, DateOnly? AgreementSignedOn, string? ApplicationNumber,
    DateOnly Start, DateOnly End, decimal? GrantedAmount, decimal? ReportedFundsUsed, IReadOnlyList<string> Municipalities, bool IsPublished);

public sealed record AgreementView(Guid Id, string? Number, DateOnly? SignedOn, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal? GrantedAmount, IReadOnlyList<AgreementFundingLine> Funding, int Version);

public sealed record ActivityView(Guid Id, Guid ObjectiveId, ActivityKind Kind, string Title, string? Description);
public sealed record ObjectiveView(Guid Id, int Number, string Text, IReadOnlyList<ActivityView> Activities);
public sealed record PartnerView(Guid Id, string Name, string? Role);
public sealed record IndicatorView(Guid Id, string Name, string Unit, decimal Target, Talka.Domain.Indicators.Metric? Metric = null);

public sealed record ProjectView(
    Guid Id, string Title, string? Goal, string? Summary, DateOnly Start, DateOnly End, bool IsPublished, string? Source,
    Guid OrganisationId, string Organisation, string? OrganisationEmail, string? OrganisationPhone,
    string FundingBody, Guid ProgrammeId, string Programme, Guid CallId, string Call, int CallYear,
    string? LegalActNumber, DateOnly? LegalActDate, string? LegalActTitle, FundingSource FundingSource,
    string? ApplicationNumber, ApplicationStatus? ApplicationStatus, AgreementView? Agreement, decimal? ReportedFundsUsed,
    IReadOnlyList<ObjectiveView> Objectives, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<string> Municipalities,
    IReadOnlyList<PartnerView> Partners, IReadOnlyList<IndicatorView> Indicators,
    ProjectAccess Access, bool CanEditPlan, bool CanManageAgreement, bool CanPublish, int Version);

/// <summary>Reads of projects: full records for those they belong to, public fields of published projects for
/// everyone.</summary>
public sealed class ProjectQueries(TalkaDbContext db, ProjectPermissions permissions, Delivery.ProjectGate gate)
{
    public const int PageSize = 50;

    public IQueryable<Project> Visible(Viewer viewer)
    {
        if (viewer.ReadsEverything) return db.Projects.AsNoTracking();
        var own = viewer.MemberOrganisationIds.ToList();
        return db.Projects.AsNoTracking().Where(p => p.IsPublished || own.Contains(p.OrganisationId));
    }

    public async Task<Page<ProjectRow>> ListAsync(Viewer viewer, ProjectFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var query =
            from p in Visible(viewer)
            join c in db.Calls on p.CallId equals c.Id
            join pr in db.Programmes on c.ProgrammeId equals pr.Id
            join o in db.Organisations on p.OrganisationId equals o.Id
            select new { p, c, pr, o };
        if (filter.ProgrammeId is { } programmeId) query = query.Where(x => x.pr.Id == programmeId);
        if (filter.OrganisationId is { } organisationId) query = query.Where(x => x.p.OrganisationId == organisationId);
        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(x => x.p.Start <= last && x.p.End >= first);
        }
        if (!string.IsNullOrWhiteSpace(filter.Municipality))
            query = query.Where(x => x.p.Municipalities.Any(m => m.Municipality == filter.Municipality));
        foreach (var word in SearchText.Normalize(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            query = query.Where(x => x.p.SearchTitle.Contains(word) || x.o.SearchName.Contains(word));
        var total = await query.CountAsync(ct);
        var sorted = filter.Sort switch
        {
            "title" => query.OrderBy(x => EF.Functions.Collate(x.p.Title, LithuanianCollation.Name))
                .ThenByDescending(x => x.p.Start),
            "organisation" => query.OrderBy(x => EF.Functions.Collate(x.o.Name, LithuanianCollation.Name))
                .ThenByDescending(x => x.p.Start),
            "programme" => query.OrderBy(x => EF.Functions.Collate(x.pr.Title, LithuanianCollation.Name))
                .ThenByDescending(x => x.p.Start),
            // Ordered as a number (SQLite keeps money as text, compared by a collation that a subquery's value breaks).
            "amount" => query.OrderByDescending(x => db.Agreements.Where(a => a.ProjectId == x.p.Id).Select(a => (double?)a.GrantedAmount).FirstOrDefault())
                .ThenByDescending(x => x.p.Start),
            _ => query.OrderByDescending(x => x.p.Start),
        };
        var rows = await sorted.ThenBy(x => EF.Functions.Collate(x.p.Title, LithuanianCollation.Name)).ThenBy(x => x.p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.p.Id, x.p.Title, x.p.OrganisationId, Organisation = x.o.Name, x.c.FundingBodyId, ProgrammeId = x.pr.Id, Programme = x.pr.Title,
                x.c.LegalActNumber, x.c.LegalActDate,
                Agreement = db.Agreements.Where(a => a.ProjectId == x.p.Id).Select(a => new { a.Number, a.SignedOn, a.GrantedAmount }).FirstOrDefault(),
                ApplicationNumber = db.Applications.Where(a => a.Id == x.p.ApplicationId).Select(a => a.Number).FirstOrDefault(),
                x.p.Start, x.p.End, x.p.ReportedFundsUsed,
                Municipalities = x.p.Municipalities.Select(m => m.Municipality).ToList(),
                x.p.IsPublished,
            })
            .ToListAsync(ct);
        var bodies = await FundingBodiesAsync(ct);
        var items = rows.Select(r => new ProjectRow(r.Id, r.Title, r.OrganisationId, r.Organisation,
            bodies[r.FundingBodyId].NameOn(r.Agreement?.SignedOn ?? r.Start), r.ProgrammeId, r.Programme,
            r.LegalActNumber, r.LegalActDate, r.Agreement?.Number, r.Agreement?.SignedOn, r.ApplicationNumber,
            r.Start, r.End, r.Agreement?.GrantedAmount, r.ReportedFundsUsed, r.Municipalities.Order().ToList(), r.IsPublished)).ToList();
        return new Page<ProjectRow>(items, page, PageSize, total);
    }

    private async Task<Dictionary<Guid, FundingBody>> FundingBodiesAsync(CancellationToken ct) =>
        await db.FundingBodies.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);

    /// <summary>Null when the project does not exist or the viewer may not see it at all.</summary>
    public async Task<ProjectView?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var p = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(x => x.Objectives).Include(x => x.Activities).Include(x => x.Indicators)
            .Include(x => x.Partners).Include(x => x.Municipalities).Include(x => x.TargetGroups)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var access = await permissions.AccessAsync(p.OrganisationId, p.IsPublished);
        if (access == ProjectAccess.None) return null;
        var full = access == ProjectAccess.Full;

        // The call, its programme and funding body, the organisation and the application's number and status: one
        // query, only what the page shows.
        var header = await (
            from c in db.Calls.AsNoTracking()
            where c.Id == p.CallId
            join g in db.Programmes.AsNoTracking() on c.ProgrammeId equals g.Id
            join f in db.FundingBodies.AsNoTracking() on c.FundingBodyId equals f.Id
            from o in db.Organisations.AsNoTracking().Where(o => o.Id == p.OrganisationId)
            select new
            {
                Call = new
                {
                    c.Id, c.Title, c.Year, c.LegalActNumber, c.LegalActDate, c.LegalActTitle, c.FundingSource, c.Rules,
                },
                Programme = new { g.Id, g.Title }, Body = f,
                Organisation = new { o.Id, o.Name, o.ContactEmail, o.ContactPhone },
                ApplicationNumber = db.Applications.Where(a => a.Id == p.ApplicationId).Select(a => a.Number)
                    .FirstOrDefault(),
                ApplicationStatus = db.Applications.Where(a => a.Id == p.ApplicationId)
                    .Select(a => (ApplicationStatus?)a.Status).FirstOrDefault(),
            }).SingleAsync(ct);
        var (call, programme, body, organisation) = (header.Call, header.Programme, header.Body, header.Organisation);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Funding).SingleOrDefaultAsync(a => a.ProjectId == id, ct);
        // What the page asks next about this project (its results, the agreement's version line) reads it from here.
        await gate.RememberAsync(p, call.Rules,
            () => Task.FromResult(agreement?.Status == AgreementStatus.Closed));
        var partnerIds = p.Partners.Select(x => x.OrganisationId).ToList();
        var partnerNames = partnerIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var objectives = p.Objectives.OrderBy(o => o.Number).Select(o => new ObjectiveView(o.Id, o.Number, o.Text,
            p.Activities.Where(a => a.ObjectiveId == o.Id).OrderBy(a => a.Position)
                .Select(a => new ActivityView(a.Id, a.ObjectiveId, a.Kind, a.Title, a.Description)).ToList())).ToList();
        return new ProjectView(
            p.Id, p.Title, p.Goal, p.Summary, p.Start, p.End, p.IsPublished, p.Source,
            organisation.Id, organisation.Name, full ? organisation.ContactEmail : null, full ? organisation.ContactPhone : null,
            body.NameOn(agreement?.SignedOn ?? p.Start), programme.Id, programme.Title, call.Id, call.Title, call.Year,
            call.LegalActNumber, call.LegalActDate, call.LegalActTitle, call.FundingSource,
            header.ApplicationNumber, full ? header.ApplicationStatus : null,
            agreement is null ? null : new AgreementView(agreement.Id, agreement.Number, agreement.SignedOn, agreement.PeriodStart, agreement.PeriodEnd,
                agreement.GrantedAmount, agreement.Funding.Select(f => new AgreementFundingLine(f.Source, f.Amount)).OrderBy(f => f.Source).ToList(), agreement.Version),
            p.ReportedFundsUsed, objectives,
            p.TargetGroups.Select(t => t.TargetGroup).Order().ToList(),
            p.Municipalities.Select(m => m.Municipality).Order(LithuanianCollation.Comparer).ToList(),
            p.Partners.Select(x => new PartnerView(x.OrganisationId, partnerNames[x.OrganisationId], x.Role))
                .OrderBy(x => x.Name, LithuanianCollation.Comparer).ToList(),
            p.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorView(i.Id, i.Name, i.Unit, i.Target, i.Metric)).ToList(),
            access, await permissions.MayAsync(ProjectOperation.Change, p.OrganisationId, p.IsPublished),
            await permissions.MayAsync(ProjectOperation.ManageAgreement, p.OrganisationId, p.IsPublished),
            await permissions.MayAsync(ProjectOperation.Publish, p.OrganisationId, p.IsPublished), p.Version);
    }
}
