using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

public static class ProgrammesApi
{
    public static void MapProgrammesApi(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Programmes");
        programmes.MapGet("/", (ProgrammeQueries q, CancellationToken ct) => q.ListAsync(ct)).AllowAnonymous()
            .WithSummary("List the programmes with their calls");
        programmes.MapGet("/{id:guid}", async (Guid id, ProgrammeQueries q, Texts t, CancellationToken ct) =>
            await q.GetAsync(id, ct) is { } p ? Results.Ok(p) : ApiResults.NotFound(t)).AllowAnonymous()
            .Returns<ProgrammeRow>("Get a programme");
        programmes.MapGet("/{id:guid}/reach", async (Guid id, int? year, ProgrammeQueries q, Delivery.ReachQueries reach, ViewerAccessor v, Texts t,
                CancellationToken ct) =>
            ApiResults.YearRefusal(t, year) ?? (await q.GetAsync(id, ct) is null ? ApiResults.NotFound(t)
                : Results.Ok(await reach.ForProgrammeAsync(id, year, exact: (await v.GetAsync(ct)).ReadsEverything, ct)))).AllowAnonymous()
            .Returns<Delivery.ProgrammeReach>("How many different people a programme reached, from published projects");
        programmes.MapPost("/", async (ProgrammeInput input, ProgrammeService s, Texts t, CancellationToken ct) =>
            (await s.SaveProgrammeAsync(null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/programmes/{id}", new CreatedId(id))))
            .RequireAuthorization().ReturnsCreated("Create a programme");
        programmes.MapPut("/{id:guid}", async (Guid id, ProgrammeInput input, ProgrammeService s, Texts t, CancellationToken ct) =>
            (await s.SaveProgrammeAsync(id, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .RequireAuthorization().ReturnsNothing("Change a programme");

        programmes.MapGet("/{id:guid}/officers", async (Guid id, ProgrammeOfficers o, Texts t, CancellationToken ct) =>
            await o.ListAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.Forbidden(t))
            .RequireAuthorization().Returns<IReadOnlyList<OfficerRow>>("The funder admins, and which of them run the programme");
        programmes.MapPut("/{id:guid}/officers", async (Guid id, OfficersInput input, ProgrammeOfficers o, Texts t, CancellationToken ct) =>
            (await o.SetAsync(id, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .RequireAuthorization().ReturnsNothing("Set who runs the programme (funder admins)");

        var calls = api.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("/", async (int? year, ProgrammeQueries q, Texts t, CancellationToken ct) =>
                ApiResults.YearRefusal(t, year) ?? Results.Ok(await q.CallsAsync(year, ct))).AllowAnonymous()
            .Returns<IReadOnlyList<CallRow>>("List the calls, of a year if given");
        calls.MapGet("/{id:guid}", async (Guid id, ProgrammeQueries q, Texts t, CancellationToken ct) =>
            await q.GetCallAsync(id, ct) is { } c ? Results.Ok(c) : ApiResults.NotFound(t)).AllowAnonymous()
            .Returns<CallView>("Get a call with its rules");
        calls.MapPost("/", async (CallInput input, ProgrammeService s, Texts t, CancellationToken ct) =>
            (await s.SaveCallAsync(null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/calls/{id}", new CreatedId(id))))
            .RequireAuthorization().ReturnsCreated("Create a call");
        calls.MapPut("/{id:guid}", async (Guid id, CallInput input, ProgrammeService s, Texts t, CancellationToken ct) =>
            (await s.SaveCallAsync(id, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .RequireAuthorization().ReturnsNothing("Change a call");
    }
}
