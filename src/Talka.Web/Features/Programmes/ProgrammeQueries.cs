using Microsoft.EntityFrameworkCore;
using Talka.Domain.Calls;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Programmes;

public sealed record CallRow(Guid Id, Guid ProgrammeId, string Title, int Year, string? LegalActNumber, DateOnly? LegalActDate,
    DateOnly ProjectPeriodStart, DateOnly ProjectPeriodEnd, decimal? TotalBudget);

public sealed record ProgrammeRow(Guid Id, string Title, string? Description, Guid FundingBodyId, string FundingBody, int Version, IReadOnlyList<CallRow> Calls);

public sealed record CallView(
    Guid Id, Guid ProgrammeId, string ProgrammeTitle, Guid FundingBodyId, string FundingBody, string Title, int Year,
    string? LegalActNumber, DateOnly? LegalActDate, string? LegalActTitle,
    decimal? TotalBudget, decimal? MinGrant, decimal? MaxGrant, DateOnly? ApplicationOpens, DateOnly? ApplicationCloses,
    DateOnly ProjectPeriodStart, DateOnly ProjectPeriodEnd, FundingSource FundingSource,
    int MinutesPerAcademicHour, decimal HalfYearlyReportThreshold, decimal ReallocationThresholdPercent, int Version,
    IReadOnlyList<Talka.Domain.Finance.CostCategory>? CostCategories = null, bool NarrativesRequired = true,
    decimal AdvancePercent = Call.DefaultAdvancePercent, int RecoveryDueMonth = 1, int RecoveryDueDay = 10,
    string? AgreementTerms = null);

public sealed record FundingBodyRow(Guid Id, string Name);

/// <summary>Reads of programmes and calls. Programmes and calls are public: anyone may read them.</summary>
public sealed class ProgrammeQueries(TalkaDbContext db)
{
    public async Task<IReadOnlyList<FundingBodyRow>> FundingBodiesAsync(CancellationToken ct = default) =>
        (await db.FundingBodies.AsNoTracking().ToListAsync(ct)).Select(f => new FundingBodyRow(f.Id, f.Name))
            .OrderBy(f => f.Name, LithuanianCollation.Comparer).ToList();

    public async Task<IReadOnlyList<ProgrammeRow>> ListAsync(CancellationToken ct = default)
    {
        var bodies = (await FundingBodiesAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
        var calls = await CallsAsync(null, ct);
        var programmes = await db.Programmes.AsNoTracking()
            .OrderBy(p => EF.Functions.Collate(p.Title, LithuanianCollation.Name)).ToListAsync(ct);
        return programmes.Select(p => new ProgrammeRow(p.Id, p.Title, p.Description, p.FundingBodyId, bodies[p.FundingBodyId], p.Version,
            calls.Where(c => c.ProgrammeId == p.Id).ToList())).ToList();
    }

    public async Task<ProgrammeRow?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ListAsync(ct)).SingleOrDefault(p => p.Id == id);

    public async Task<IReadOnlyList<CallRow>> CallsAsync(int? year, CancellationToken ct = default) =>
        await db.Calls.AsNoTracking()
            .Where(c => year == null || c.Year == year)
            .OrderByDescending(c => c.Year).ThenBy(c => EF.Functions.Collate(c.Title, LithuanianCollation.Name))
            .Select(c => new CallRow(c.Id, c.ProgrammeId, c.Title, c.Year, c.LegalActNumber, c.LegalActDate,
                c.ProjectPeriodStart, c.ProjectPeriodEnd, c.TotalBudget))
            .ToListAsync(ct);

    public async Task<CallView?> GetCallAsync(Guid id, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return null;
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == call.ProgrammeId, ct);
        var body = await db.FundingBodies.AsNoTracking().SingleAsync(f => f.Id == call.FundingBodyId, ct);
        return new CallView(call.Id, programme.Id, programme.Title, body.Id, body.NameOn(call.ProjectPeriodStart), call.Title, call.Year,
            call.LegalActNumber, call.LegalActDate, call.LegalActTitle, call.TotalBudget, call.MinGrant, call.MaxGrant,
            call.ApplicationOpens, call.ApplicationCloses, call.ProjectPeriodStart, call.ProjectPeriodEnd, call.FundingSource,
            call.Rules.MinutesPerAcademicHour, call.Rules.HalfYearlyReportThreshold, call.Rules.ReallocationThresholdPercent, call.Version, call.CostCategories,
            call.Rules.NarrativesRequired, call.AdvancePercent, call.RecoveryDueMonth, call.RecoveryDueDay, call.AgreementTerms);
    }
}
