namespace Talka.Domain.Narrative;

/// <summary>
/// A figure a narrative states: its kind, its value (a count, hours, euros, a year, a quarter), the noun or unit it
/// was written with, where it stands in the text (character offset and length) and the sentence it came from. A total
/// ("viso", "iš viso") says so, and so does a part ("iš jų 45 vaikai"); sessions written as a product ("5 vnt. po 6 ak. val.") carry the hours of each; dates
/// and periods carry their days; a reference carries its number.
/// </summary>
public sealed record NarrativeFact(
    FactKind Kind,
    decimal? Value,
    string? Unit,
    int Start,
    int Length,
    string Text,
    string Sentence,
    bool Total = false,
    decimal? PerSession = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Reference = null,
    bool Part = false
)
{
    /// <summary>The hours of sessions written as a product: sessions × hours each.</summary>
    public decimal? SessionHours => PerSession is { } each && Value is { } count ? each * count : null;
}
