using Talka.Domain.Narrative;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Narrative;

public static class NarrativeApi
{
    public static IServiceCollection AddNarrative(this IServiceCollection services) =>
        services.AddScoped<NarrativeChecks>();

    /// <summary>The longest text read at once (a long report's narrative is a few thousand characters).</summary>
    public const int MaxLength = 50_000;

    public static void MapNarrativeApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/narrative")
            .WithTags("Narrative")
            .MapPost(
                "/facts",
                (NarrativeInput input, Texts t) =>
                    (input.Text?.Length ?? 0) > MaxLength
                        ? ApiResults.Invalid(t, "Text", t["Error.TextTooLong", MaxLength])
                        : Results.Ok(new NarrativeFacts(NarrativeExtractor.Extract(input.Text)))
            )
            .AllowAnonymous()
            .DisableAntiforgery()
            .Returns<NarrativeFacts>("The figures a Lithuanian text states, each with its kind, value and place");
        api.MapPost(
                "/projects/{projectId:guid}/narrative-check",
                async (
                    Guid projectId,
                    NarrativeInput input,
                    Delivery.ProjectGate gate,
                    NarrativeChecks checks,
                    Texts t,
                    CancellationToken ct
                ) =>
                {
                    var context = await gate.FindAsync(projectId, ct);
                    if (Delivery.ProjectGate.ReadRefusal(context) is not null)
                        return ApiResults.NotFound(t);
                    if ((input.Text?.Length ?? 0) > MaxLength)
                        return ApiResults.Invalid(t, "Text", t["Error.TextTooLong", MaxLength]);
                    return Results.Ok(new NarrativeChecked(await checks.CheckAsync(context!, input.Text, ct)));
                }
            )
            .WithTags("Narrative")
            .RequireAuthorization()
            .Returns<NarrativeChecked>(
                "Check a text's figures against the project's records: agrees, differs (with both values), no matching "
                    + "record, not comparable"
            );
    }
}

/// <summary>The verdict on each figure a text states, in the order they stand.</summary>
public sealed record NarrativeChecked(IReadOnlyList<FactCheck> Checks);

/// <summary>A text to read.</summary>
public sealed record NarrativeInput(string? Text);

/// <summary>The figures a text states, in the order they stand.</summary>
public sealed record NarrativeFacts(IReadOnlyList<NarrativeFact> Facts);
