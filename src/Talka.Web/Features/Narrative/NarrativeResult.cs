using Talka.Domain.Narrative;

namespace Talka.Web.Features.Narrative;

/// <summary>A text read: its facts and, when checked against a project's records, each fact's verdict. What the
/// public page and the project's page show alike (_Facts.cshtml), the latter with links to the records compared.</summary>
public sealed record NarrativeResult(
    string Text,
    IReadOnlyList<NarrativeFact> Facts,
    IReadOnlyList<FactCheck>? Checks,
    Guid? ProjectId = null,
    Guid? ApplicationId = null
)
{
    /// <summary>The text in pieces: plain runs and the facts within it, in order.</summary>
    public IEnumerable<(string Piece, NarrativeFact? Fact)> Pieces()
    {
        var at = 0;
        foreach (var fact in Facts)
        {
            if (fact.Start < at)
                continue;
            yield return (Text[at..fact.Start], null);
            yield return (Text.Substring(fact.Start, fact.Length), fact);
            at = fact.Start + fact.Length;
        }
        yield return (Text[at..], null);
    }

    public FactCheck? CheckOf(NarrativeFact fact) => Checks?.FirstOrDefault(c => c.Fact == fact);
}
