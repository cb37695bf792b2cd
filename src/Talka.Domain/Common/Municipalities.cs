namespace Talka.Domain.Common;

/// <summary>Lithuania's 60 municipalities and the 10 counties they lie in.</summary>
public static class Municipalities
{
    private static readonly (string County, string[] Members)[] Counties =
    [
        ("Alytaus apskritis", ["Alytaus m.", "Alytaus r.", "Druskininkų", "Lazdijų r.", "Varėnos r."]),
        ("Kauno apskritis", ["Birštono", "Jonavos r.", "Kaišiadorių r.", "Kauno m.", "Kauno r.", "Kėdainių r.", "Prienų r.", "Raseinių r."]),
        ("Klaipėdos apskritis", ["Klaipėdos m.", "Klaipėdos r.", "Kretingos r.", "Neringos", "Palangos m.", "Skuodo r.", "Šilutės r."]),
        ("Marijampolės apskritis", ["Kalvarijos", "Kazlų Rūdos", "Marijampolės", "Šakių r.", "Vilkaviškio r."]),
        ("Panevėžio apskritis", ["Biržų r.", "Kupiškio r.", "Panevėžio m.", "Panevėžio r.", "Pasvalio r.", "Rokiškio r."]),
        ("Šiaulių apskritis", ["Akmenės r.", "Joniškio r.", "Kelmės r.", "Pakruojo r.", "Radviliškio r.", "Šiaulių m.", "Šiaulių r."]),
        ("Tauragės apskritis", ["Jurbarko r.", "Pagėgių", "Šilalės r.", "Tauragės r."]),
        ("Telšių apskritis", ["Mažeikių r.", "Plungės r.", "Rietavo", "Telšių r."]),
        ("Utenos apskritis", ["Anykščių r.", "Ignalinos r.", "Molėtų r.", "Utenos r.", "Visagino", "Zarasų r."]),
        ("Vilniaus apskritis", ["Elektrėnų", "Šalčininkų r.", "Širvintų r.", "Švenčionių r.", "Trakų r.", "Ukmergės r.", "Vilniaus m.", "Vilniaus r."]),
    ];

    private static readonly Dictionary<string, string> CountyOf =
        Counties.SelectMany(c => c.Members.Select(m => (m, c.County))).ToDictionary(x => x.m, x => x.County);

    /// <summary>All 60, in Lithuanian alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } =
        CountyOf.Keys.Order(StringComparer.Create(new System.Globalization.CultureInfo("lt-LT"), false)).ToArray();

    public static bool IsKnown(string name) => CountyOf.ContainsKey(name);

    public static string County(string municipality) =>
        CountyOf.TryGetValue(municipality, out var county) ? county : throw new DomainException("UnknownMunicipality", "Municipality", municipality);

    /// <summary>"Vilniaus m." → "Vilniaus miesto savivaldybė"; "Birštono" → "Birštono savivaldybė".</summary>
    public static string FullName(string municipality) => municipality switch
    {
        _ when municipality.EndsWith(" m.") => municipality[..^3] + " miesto savivaldybė",
        _ when municipality.EndsWith(" r.") => municipality[..^3] + " rajono savivaldybė",
        _ => municipality + " savivaldybė",
    };

    /// <summary>
    /// The municipalities a name typed loosely may mean: the exact one ("kauno m", "Kauno miesto savivaldybė"), else
    /// those whose name starts like it ("Kaunas" → "Kauno m." and "Kauno r."; "Druskininkai" → "Druskininkų"). A
    /// town's name in the nominative shares its first four letters with its municipality's genitive.
    /// </summary>
    public static IReadOnlyList<string> Matching(string? text)
    {
        // "Kauno m." and "kauno m" are one; "m." stays (a town, not the years).
        static string Key(string? name) => LooseText.Key(name, dropYears: false).Replace(".", "", StringComparison.Ordinal);
        var key = Key(text);
        if (key.Length == 0)
            return [];
        var exact = All.Where(m => Key(m) == key || Key(FullName(m)) == key).ToList();
        if (exact.Count > 0 || key.Length < 4)
            return exact;
        var stem = key.Split(' ')[0];
        return stem.Length < 4 ? [] : All.Where(m => Key(m).StartsWith(stem[..4], StringComparison.Ordinal)).ToList();
    }

    public static string Require(string? municipality, string field)
    {
        var name = municipality?.Trim() ?? "";
        if (!IsKnown(name)) throw new DomainException("UnknownMunicipality", field, name);
        return name;
    }
}
