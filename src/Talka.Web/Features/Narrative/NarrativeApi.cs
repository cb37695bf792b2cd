using Talka.Domain.Narrative;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Narrative;

public static class NarrativeApi
{
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
    }
}

/// <summary>A text to read.</summary>
public sealed record NarrativeInput(string? Text);

/// <summary>The figures a text states, in the order they stand.</summary>
public sealed record NarrativeFacts(IReadOnlyList<NarrativeFact> Facts);
