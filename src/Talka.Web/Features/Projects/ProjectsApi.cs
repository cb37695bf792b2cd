using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

public sealed record PublishInput(bool Published);

/// <summary>The plan's version after a save.</summary>
public sealed record PlanVersion(int Version);

/// <summary>Whether the project is published after the change.</summary>
public sealed record PublishedState(bool Published);

public static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", async (Guid? programmeId, int? year, Guid? organisationId, string? municipality, int? page, string? q, string? sort,
                ProjectQueries queries, ViewerAccessor v, Texts t, CancellationToken ct) =>
            ApiResults.YearRefusal(t, year)
                ?? (sort is not null && !ProjectFilter.Sorts.Contains(sort)
                    ? ApiResults.Invalid(t, "sort", t["Projects.SortInvalid", string.Join(", ", ProjectFilter.Sorts)])
                    : Results.Ok(await queries.ListAsync(await v.GetAsync(ct),
                        new ProjectFilter(programmeId, year, organisationId, municipality, page ?? 1, q, sort), ct))))
            .AllowAnonymous().Returns<Organisations.Page<ProjectRow>>("List the projects the user may see, published ones for everyone; "
                + "?q= words of the title or organisation, ?sort=start|title|organisation|programme|amount");
        group.MapGet("/{id:guid}", async (Guid id, ProjectQueries q, ViewerAccessor v, Texts t, CancellationToken ct) =>
            await q.GetAsync(await v.GetAsync(ct), id, ct) is { } p ? Results.Ok(p) : ApiResults.NotFound(t))
            .AllowAnonymous().Returns<ProjectView>("Get a project: its public fields, or all of it for those who may read it");
        group.MapPost("/", async (ProjectCreateInput input, ProjectService s, Texts t, CancellationToken ct) =>
            (await s.CreateAsync(input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{id}", new CreatedId(id))))
            .RequireAuthorization().ReturnsCreated("Enter a funded project");
        group.MapPut("/{id:guid}/plan", async (Guid id, PlanEditInput input, ProjectService s, Texts t, CancellationToken ct) =>
            (await s.RevisePlanAsync(id, input, ct)).ToHttp(t, version => Results.Ok(new PlanVersion(version))))
            .RequireAuthorization().Returns<PlanVersion>("Revise the project's plan");
        group.MapPut("/{id:guid}/agreement", async (Guid id, AgreementInput input, ProjectService s, Texts t, CancellationToken ct) =>
            (await s.SaveAgreementAsync(id, input, ct)).ToHttp(t, agreementId => Results.Ok(new CreatedId(agreementId))))
            .RequireAuthorization().Returns<CreatedId>("Enter or change the project's agreement");
        group.MapPut("/{id:guid}/published", async (Guid id, PublishInput input, ProjectService s, Texts t, CancellationToken ct) =>
            (await s.SetPublishedAsync(id, input.Published, ct)).ToHttp(t, published => Results.Ok(new PublishedState(published))))
            .RequireAuthorization().Returns<PublishedState>("Publish or unpublish the project");
    }
}
