using Talka.Domain.Common;

namespace Talka.Web.Features.Programmes;

/// <summary>
/// Lithuania's 60 municipalities as a tile map: one tile each, in its rough place (column west to east, row north to
/// south), drawn by hand from the municipalities' seats. A tile map rather than boundaries: no openly licensed
/// boundary file can be fetched on the build machines, and equal tiles let a small municipality (Birštonas, Neringa)
/// show as plainly as a large one.
/// </summary>
public static class MunicipalityTiles
{
    private static readonly string[][] Rows =
    [
        ["", "Skuodo r.", "Mažeikių r.", "Akmenės r.", "Joniškio r."],
        ["Palangos m.", "Plungės r.", "Telšių r.", "Šiaulių r.", "Šiaulių m.", "Pakruojo r.", "Pasvalio r.", "Biržų r.",
            "Kupiškio r.", "Rokiškio r."],
        ["Kretingos r.", "Klaipėdos r.", "Rietavo", "Kelmės r.", "Radviliškio r.", "Panevėžio r.", "Panevėžio m.",
            "Anykščių r.", "Utenos r.", "Zarasų r.", "Visagino"],
        ["Klaipėdos m.", "Šilutės r.", "Šilalės r.", "Tauragės r.", "Raseinių r.", "Kėdainių r.", "Jonavos r.", "Ukmergės r.",
            "Širvintų r.", "Molėtų r.", "Ignalinos r."],
        ["Neringos", "", "Pagėgių", "Jurbarko r.", "Šakių r.", "Kauno r.", "Kauno m.", "Kaišiadorių r.", "Elektrėnų",
            "Vilniaus r.", "Švenčionių r."],
        ["", "", "", "", "Vilkaviškio r.", "Kazlų Rūdos", "Prienų r.", "Birštono", "Trakų r.", "Vilniaus m."],
        ["", "", "", "", "Marijampolės", "Alytaus r.", "Alytaus m.", "Varėnos r.", "Šalčininkų r."],
        ["", "", "", "", "Kalvarijos", "Lazdijų r.", "Druskininkų"],
    ];

    public const int Columns = 11;

    /// <summary>Every municipality with its column and row (from 0).</summary>
    public static IReadOnlyList<(string Municipality, int Column, int Row)> All { get; } =
        Rows.SelectMany((row, r) => row.Select((name, c) => (name, c, r))).Where(x => x.name.Length > 0).ToList();

    /// <summary>A short label for a tile on a phone: the name's first three letters and its kind ("Vil m.",
    /// "Kau r.", "Bir").</summary>
    public static string Short(string municipality)
    {
        var stem = municipality.Split(' ')[0];
        var cut = stem.Length > 3 ? stem[..3] : stem;
        return municipality.EndsWith(" m.", StringComparison.Ordinal) ? cut + " m."
            : municipality.EndsWith(" r.", StringComparison.Ordinal) ? cut + " r." : cut;
    }

    /// <summary>The shade (1 to 5) of a count against the largest shown; 0 for none.</summary>
    public static int Shade(decimal value, decimal max) =>
        value <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(value / max * 5), 1, 5);

    static MunicipalityTiles()
    {
        // Checked once: the map has each municipality once and nothing else.
        var names = Rows.SelectMany(r => r).Where(n => n.Length > 0).ToList();
        if (names.Count != 60 || names.Distinct().Count() != 60 || names.Any(n => !Municipalities.IsKnown(n)))
            throw new InvalidOperationException("The municipality tile map must hold each of the 60 municipalities once.");
    }
}
