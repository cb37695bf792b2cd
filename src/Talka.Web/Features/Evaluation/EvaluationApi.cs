using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Web.Features.Applications;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

public static class EvaluationApi
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services) =>
        services.AddScoped<EvaluationService>().AddScoped<EvaluationQueries>().AddScoped<RankingPdf>();

    public static void MapEvaluationApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls/{id:guid}").WithTags("Evaluation");
        calls
            .MapPut(
                "/criteria",
                async (Guid id, CriteriaInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.SetCriteriaAsync(id, input, ct)).ToHttp(t, Results.Ok)
            )
            .RequireAuthorization()
            .Returns<CallEvaluation>("Set a call's criteria and evaluation settings (funder admins)");
        calls
            .MapGet(
                "/evaluation",
                async (Guid id, EvaluationQueries q, ViewerAccessor v, Texts t, CancellationToken ct) =>
                    !(await v.GetAsync(ct)).CanSeeEvaluation ? ApiResults.Forbidden(t)
                    : await q.BoardAsync(id, ct) is { } board ? Results.Ok(board)
                    : ApiResults.NotFound(t)
            )
            .RequireAuthorization()
            .Returns<BoardView>("The evaluation board: criteria, experts per application, progress");
        calls
            .MapPost(
                "/assignments",
                async (Guid id, AssignmentInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.AssignAsync(id, input, ct)).ToHttp(t, created => Results.Ok(new AssignmentIds(created)))
            )
            .RequireAuthorization()
            .Returns<AssignmentIds>("Assign an expert to an application, or spread the experts evenly (funder admins)");
        calls
            .MapGet(
                "/ranking",
                async (
                    Guid id,
                    decimal? budget,
                    decimal? minScore,
                    bool? partial,
                    EvaluationQueries q,
                    ViewerAccessor v,
                    Texts t,
                    CancellationToken ct
                ) =>
                {
                    if (!(await v.GetAsync(ct)).CanSeeEvaluation)
                        return ApiResults.Forbidden(t);
                    try
                    {
                        return await q.RankingAsync(id, budget, minScore, partial, ct) is { } ranking
                            ? Results.Ok(ranking)
                            : ApiResults.NotFound(t);
                    }
                    catch (DomainException error)
                    {
                        return Result<RankingView>.From(error, t).ToHttp(t, Results.Ok);
                    }
                }
            )
            .RequireAuthorization()
            .Returns<RankingView>("Simulate the ranking with a budget, minimum score and partial-funding rule");
        calls
            .MapPost(
                "/ranking/approve",
                async (Guid id, ApproveInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.ApproveAsync(id, input, ct)).ToHttp(t, number => Results.Ok(new RankingNumber(number)))
            )
            .RequireAuthorization()
            .Returns<RankingNumber>("Approve the ranking as the next numbered version (funder admins)");
        calls
            .MapGet(
                "/funded",
                async (Guid id, EvaluationQueries q, Texts t, CancellationToken ct) =>
                    await q.FundedAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound(t)
            )
            .AllowAnonymous()
            .Returns<FundedList>("The funded applications of the approved ranking in force (public)");

        var assignments = api.MapGroup("/assignments").WithTags("Evaluation").RequireAuthorization();
        assignments
            .MapGet(
                "/",
                async (EvaluationQueries q, Texts t, CancellationToken ct) =>
                    await q.MineAsync(ct) is { } rows ? Results.Ok(rows) : ApiResults.Forbidden(t)
            )
            .Returns<IReadOnlyList<AssignmentRow>>("An evaluator's own assignments");
        var one = assignments.MapGroup("/{id:guid}");
        one.MapGet(
                "/",
                async (Guid id, EvaluationQueries q, Texts t, CancellationToken ct) =>
                    await q.AssignmentAsync(id, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound(t)
            )
            .Returns<AssignmentView>("Read an assignment: the declaration, the criteria and the scores");
        one.MapPost(
                "/declaration",
                async (Guid id, DeclarationInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.DeclareAsync(id, input, ct)).ToHttp(t, state => Results.Ok(new AssignmentStateView(state)))
            )
            .Returns<AssignmentStateView>("Sign the impartiality declaration, or declare a conflict (the expert)");
        one.MapPut(
                "/scores",
                async (Guid id, ScoresInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.SaveScoresAsync(id, input, ct)).ToHttp(t, v => Results.Ok(new VersionNumber(v)))
            )
            .Returns<VersionNumber>("Save draft scores over the version they were read at (the expert)");
        one.MapPost(
                "/submit",
                async (Guid id, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.SubmitAsync(id, ct)).ToHttp(t, total => Results.Ok(new TotalView(total)))
            )
            .Returns<TotalView>("Submit the scores: the total is computed and they freeze (the expert)");
        one.MapPost(
                "/reopen",
                async (Guid id, ReopenInput input, EvaluationService s, Texts t, CancellationToken ct) =>
                    (await s.ReopenAsync(id, input, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .ReturnsNothing("Reopen submitted scores with a reason (funder admins)");
    }
}

/// <summary>The assignments made.</summary>
public sealed record AssignmentIds(IReadOnlyList<Guid> Ids);

/// <summary>An assignment's state after the declaration.</summary>
public sealed record AssignmentStateView(AssignmentState State);

/// <summary>The computed total of submitted scores.</summary>
public sealed record TotalView(decimal Total);

/// <summary>The number of the approved ranking version.</summary>
public sealed record RankingNumber(int Version);
