using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Narrative;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Narrative;

/// <summary>Anyone pastes a Lithuanian text (a news post, a report's narrative) and sees the figures it states marked
/// in it, each with its kind and value. The same reading as POST /api/v1/narrative/facts.</summary>
[AllowAnonymous]
public sealed class CheckModel : TalkaPage
{
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<NarrativeFact>? Facts { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost()
    {
        if ((Text?.Length ?? 0) > NarrativeApi.MaxLength)
            ModelState.AddModelError(nameof(Text), T["Error.TextTooLong", NarrativeApi.MaxLength]);
        else
            Facts = NarrativeExtractor.Extract(Text);
        return Page();
    }

    /// <summary>The text in pieces: plain runs and the facts within it, in order.</summary>
    public IEnumerable<(string Piece, NarrativeFact? Fact)> Pieces()
    {
        var text = Text ?? "";
        var at = 0;
        foreach (var fact in Facts ?? [])
        {
            if (fact.Start < at)
                continue;
            yield return (text[at..fact.Start], null);
            yield return (text.Substring(fact.Start, fact.Length), fact);
            at = fact.Start + fact.Length;
        }
        yield return (text[at..], null);
    }

    /// <summary>A fact's value as a reader reads it.</summary>
    public string Value(NarrativeFact fact) =>
        fact.Kind switch
        {
            FactKind.Money => Talka.Domain.Common.LtFormat.Eur(fact.Value ?? 0),
            FactKind.Date => fact.From is { } day ? Talka.Domain.Common.LtFormat.LongDate(day) : "",
            FactKind.Period => fact.From?.Year == fact.To?.Year
                ? $"{fact.From?.Year}"
                : $"{fact.From?.Year}–{fact.To?.Year}",
            FactKind.Reference => fact.Reference ?? "",
            FactKind.Sessions when fact.PerSession is { } each => T[
                "Narrative.Product",
                Talka.Domain.Common.LtFormat.Number(fact.Value ?? 0),
                Talka.Domain.Common.LtFormat.Number(each),
                Talka.Domain.Common.LtFormat.Number(fact.SessionHours ?? 0)
            ],
            _ => Talka.Domain.Common.LtFormat.Number(fact.Value ?? 0),
        };
}
