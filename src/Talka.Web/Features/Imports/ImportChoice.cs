namespace Talka.Web.Features.Imports;

/// <summary>A value of the file that may mean more than one thing ("Kaunas": "Kauno m." or "Kauno r."): the user
/// chooses once for every row that holds it.</summary>
/// <param name="Key">The value as compared (no case, no diacritics): what a choice is posted under.</param>
/// <param name="Typed">The value as the file first wrote it.</param>
/// <param name="Rows">How many rows hold it.</param>
public sealed record ImportChoice(string Key, string Typed, IReadOnlyList<string> Options, int Rows);
