using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations").RequireAuthorization();
        group.MapGet("/", async (string? search, int? page, OrganisationQueries q, ViewerAccessor v, CancellationToken ct) =>
            await q.ListAsync(await v.GetAsync(ct), search, page ?? 1, ct))
            .WithSummary("List the organisations the user may see, searched by name or code");
        group.MapGet("/{id:guid}", async (Guid id, OrganisationQueries q, ViewerAccessor v, Texts t, CancellationToken ct) =>
            await q.GetAsync(await v.GetAsync(ct), id, ct) is { } o ? Results.Ok(o) : ApiResults.NotFound(t))
            .Returns<OrganisationView>("Get an organisation");
        group.MapPost("/", async (OrganisationInput input, OrganisationService s, Texts t, CancellationToken ct) =>
            (await s.SaveAsync(null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/organisations/{id}", new CreatedId(id))))
            .ReturnsCreated("Register an organisation");
        group.MapPut("/{id:guid}", async (Guid id, OrganisationInput input, OrganisationService s, Texts t, CancellationToken ct) =>
            (await s.SaveAsync(id, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Change an organisation");
    }
}
