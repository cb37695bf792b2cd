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

    public static string Require(string? municipality, string field)
    {
        var name = municipality?.Trim() ?? "";
        if (!IsKnown(name)) throw new DomainException("UnknownMunicipality", field, name);
        return name;
    }
}
