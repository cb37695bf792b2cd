using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Common;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

/// <param name="ApplicationNumber">The number of the application the project came from, for a project transcribed
/// from a text (a funded application becomes a project with its number kept).</param>
public sealed record ProjectCreateInput(
    Guid CallId, Guid OrganisationId, string? Title, DateOnly? Start, DateOnly? End, string? ApplicationNumber = null);

public sealed record PlanEditInput(
    int Version, string? Title, string? Goal, string? Summary,
    IReadOnlyList<ObjectiveInput>? Objectives, IReadOnlyList<ActivityInput>? Activities,
    IReadOnlyList<TargetGroup>? TargetGroups, IReadOnlyList<string>? Municipalities,
    IReadOnlyList<IndicatorInput>? Indicators, IReadOnlyList<Guid>? PartnerIds = null)
{
    internal PlanInput ToPlan() => new(Title ?? "", Goal, Summary, Objectives ?? [], Activities ?? [], TargetGroups ?? [],
        Municipalities ?? [], Indicators ?? []);
}

public sealed record AgreementInput(
    string? Number, DateOnly? SignedOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? GrantedAmount,
    IReadOnlyList<AgreementFundingLine>? Funding, int Version = 0);

public sealed class ProjectService(TalkaDbContext db, ViewerAccessor viewers, ProjectPermissions permissions, Writes writes)
{
    public Task<Result<Guid>> CreateAsync(ProjectCreateInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (!(await viewers.GetAsync(ct)).CanCreateProject) return Result<Guid>.Forbidden();
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == input.CallId, ct)
            ?? throw new DomainException("Required", nameof(input.CallId));
        if (!await db.Organisations.AnyAsync(o => o.Id == input.OrganisationId, ct))
            throw new DomainException("Required", nameof(input.OrganisationId));
        var start = input.Start ?? throw new DomainException("Required", nameof(input.Start));
        var end = input.End ?? throw new DomainException("Required", nameof(input.End));
        // A typed application number is kept as the call's funded application of that number, as the seeds' are.
        Talka.Domain.Applications.Application? application = null;
        if (!string.IsNullOrWhiteSpace(input.ApplicationNumber))
        {
            var number = input.ApplicationNumber.Trim();
            if (await db.Applications.AnyAsync(a => a.CallId == call.Id && a.Number == number, ct))
                throw new DomainException("ApplicationNumberTaken", nameof(input.ApplicationNumber), number);
            application = new Talka.Domain.Applications.Application(call.Id, input.OrganisationId, number, input.Title ?? "",
                Talka.Domain.Applications.ApplicationStatus.Funded);
            db.Applications.Add(application);
        }
        var project = new Project(call.Id, input.OrganisationId, application?.Id, input.Title ?? "", start, end);
        call.EnsureWithinProjectPeriod(project.Period, nameof(input.Start));
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(project.Id);
    });

    public Task<Result<int>> RevisePlanAsync(Guid id, PlanEditInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var project = await db.Projects.AsSplitQuery()
            .Include(x => x.Objectives).Include(x => x.Activities).Include(x => x.Indicators)
            .Include(x => x.Partners).Include(x => x.Municipalities).Include(x => x.TargetGroups)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (project is null) return Result<int>.NotFound();
        if (await permissions.RefusalAsync(ProjectOperation.Change, project.OrganisationId, project.IsPublished) is { } refusal)
            return new Result<int>(refusal, default, []);
        // A closed project (settled, nothing left to pay or recover) keeps its plan as it was.
        if (await db.Agreements.AnyAsync(a => a.ProjectId == id && a.Status == Talka.Domain.Agreements.AgreementStatus.Closed, ct))
            throw new DomainException("ProjectClosed", "Version");
        writes.ExpectVersion(project, input.Version);
        project.RevisePlan(input.ToPlan());
        if (input.PartnerIds is { } partnerIds)
        {
            var known = await db.Organisations.Where(o => partnerIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            if (known.Count != partnerIds.Distinct().Count()) throw new DomainException("UnknownRow", "PartnerIds");
            foreach (var gone in project.Partners.Where(p => !partnerIds.Contains(p.OrganisationId)).ToList()) project.RemovePartner(gone.OrganisationId);
            foreach (var partner in known) project.AddPartner(partner);
        }
        await db.SaveChangesAsync(ct);
        return Result<int>.Success(project.Version);
    });

    public Task<Result<Guid>> SaveAgreementAsync(Guid projectId, AgreementInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return Result<Guid>.NotFound();
        if (await permissions.RefusalAsync(ProjectOperation.ManageAgreement, project.OrganisationId, project.IsPublished) is { } refusal)
            return new Result<Guid>(refusal, default, []);
        var call = await db.Calls.SingleAsync(c => c.Id == project.CallId, ct);
        // An agreement entered through Talka states its number and amount (old transcribed ones may not).
        var number = Guard.Required(input.Number, nameof(input.Number), 100);
        var granted = input.GrantedAmount ?? throw new DomainException("Required", nameof(input.GrantedAmount));
        var details = new AgreementDetails(number, input.SignedOn,
            input.PeriodStart ?? throw new DomainException("Required", nameof(input.PeriodStart)),
            input.PeriodEnd ?? throw new DomainException("Required", nameof(input.PeriodEnd)),
            granted, input.Funding ?? []);
        var agreement = await db.Agreements.Include(a => a.Funding).SingleOrDefaultAsync(a => a.ProjectId == projectId, ct);
        if (agreement is null)
        {
            agreement = new Agreement(project.Id, call, details);
            db.Agreements.Add(agreement);
        }
        else
        {
            writes.ExpectVersion(agreement, input.Version);
            agreement.Update(call, details);
        }
        if (await db.Agreements.AnyAsync(a => a.CallId == call.Id && a.Number == number && a.Id != agreement.Id, ct))
            throw new DomainException("AgreementNumberTaken", nameof(input.Number), number);
        project.SetPeriod(agreement.PeriodStart, agreement.PeriodEnd);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(agreement.Id);
    });

    public Task<Result<bool>> SetPublishedAsync(Guid id, bool published, CancellationToken ct = default) => writes.Run(async () =>
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return Result<bool>.NotFound();
        if (await permissions.RefusalAsync(ProjectOperation.Publish, project.OrganisationId, project.IsPublished) is { } refusal)
            return new Result<bool>(refusal, default, []);
        if (published) project.Publish(); else project.Unpublish();
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(project.IsPublished);
    });
}

public static class ProjectsModule
{
    public static IServiceCollection AddProjects(this IServiceCollection services) =>
        services.AddScoped<ProjectQueries>().AddScoped<ProjectService>();
}
