using Microsoft.EntityFrameworkCore;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

public sealed record ProgrammeInput(Guid FundingBodyId, string? Title, string? Description, int Version = 0);

public sealed record CallInput(
    Guid ProgrammeId, Guid FundingBodyId, string? Title, int Year, string? LegalActNumber, DateOnly? LegalActDate, string? LegalActTitle,
    decimal? TotalBudget, decimal? MinGrant, decimal? MaxGrant, DateOnly? ApplicationOpens, DateOnly? ApplicationCloses,
    DateOnly? ProjectPeriodStart, DateOnly? ProjectPeriodEnd, FundingSource FundingSource,
    int MinutesPerAcademicHour = 45, decimal HalfYearlyReportThreshold = 30_000m, decimal ReallocationThresholdPercent = 10m,
    int Version = 0, IReadOnlyList<Talka.Domain.Finance.CostCategory>? CostCategories = null, bool NarrativesRequired = true,
    decimal AdvancePercent = Call.DefaultAdvancePercent, int RecoveryDueMonth = 1, int RecoveryDueDay = 10,
    string? AgreementTerms = null)
{
    internal CallDetails ToDetails() => new(
        FundingBodyId, Title ?? "", Year, LegalAct.Create(LegalActNumber, LegalActDate, LegalActTitle), TotalBudget, MinGrant, MaxGrant,
        ApplicationOpens, ApplicationCloses,
        ProjectPeriodStart ?? throw new DomainException("Required", nameof(ProjectPeriodStart)),
        ProjectPeriodEnd ?? throw new DomainException("Required", nameof(ProjectPeriodEnd)),
        FundingSource, ReportingRules.Create(MinutesPerAcademicHour, HalfYearlyReportThreshold, ReallocationThresholdPercent, NarrativesRequired),
        CostCategories);
}

/// <summary>Writes of programmes and calls: funder admins only.</summary>
public sealed class ProgrammeService(TalkaDbContext db, ViewerAccessor viewers, Writes writes)
{
    public Task<Result<Guid>> SaveProgrammeAsync(Guid? id, ProgrammeInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (!(await viewers.GetAsync(ct)).CanManageProgrammes) return Result<Guid>.Forbidden();
        if (!await db.FundingBodies.AnyAsync(f => f.Id == input.FundingBodyId, ct)) throw new DomainException("Required", nameof(input.FundingBodyId));
        Programme programme;
        if (id is { } existing)
        {
            var found = await db.Programmes.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null) return Result<Guid>.NotFound();
            programme = found;
            writes.ExpectVersion(programme, input.Version);
            programme.Update(input.FundingBodyId, input.Title ?? "", input.Description);
        }
        else
        {
            programme = new Programme(input.FundingBodyId, input.Title ?? "", input.Description);
            db.Programmes.Add(programme);
        }
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(programme.Id);
    });

    public Task<Result<Guid>> SaveCallAsync(Guid? id, CallInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (!(await viewers.GetAsync(ct)).CanManageProgrammes) return Result<Guid>.Forbidden();
        if (!await db.Programmes.AnyAsync(p => p.Id == input.ProgrammeId, ct)) throw new DomainException("Required", nameof(input.ProgrammeId));
        if (!await db.FundingBodies.AnyAsync(f => f.Id == input.FundingBodyId, ct)) throw new DomainException("Required", nameof(input.FundingBodyId));
        Call call;
        if (id is { } existing)
        {
            var found = await db.Calls.SingleOrDefaultAsync(c => c.Id == existing, ct);
            if (found is null) return Result<Guid>.NotFound();
            call = found;
            writes.ExpectVersion(call, input.Version);
            call.Update(input.ToDetails());
            // A call may not be narrowed so that its existing agreements fall outside it.
            foreach (var agreement in await db.Agreements.Where(a => a.CallId == call.Id).ToListAsync(ct))
            {
                call.EnsureWithinProjectPeriod(agreement.Period, nameof(input.ProjectPeriodStart));
                if (agreement.GrantedAmount is { } granted) call.EnsureGrantWithinBounds(granted, nameof(input.MaxGrant));
            }
        }
        else
        {
            call = new Call(input.ProgrammeId, input.ToDetails());
            db.Calls.Add(call);
        }
        call.SetAdvancePercent(input.AdvancePercent);
        call.SetRecoveryDay(Talka.Domain.Payments.RecoveryDay.Create(input.RecoveryDueMonth, input.RecoveryDueDay,
            nameof(input.RecoveryDueDay)));
        call.SetAgreementTerms(input.AgreementTerms);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(call.Id);
    });
}

public static class ProgrammesModule
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services) =>
        services.AddScoped<ProgrammeOfficers>().AddScoped<ProgrammeQueries>().AddScoped<ProgrammeService>();
}
