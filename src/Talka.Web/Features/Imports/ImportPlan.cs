using System.Globalization;
using System.Text;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Features.Imports;

/// <summary>The columns a participant and attendance list can have.</summary>
public enum ImportField { Code, DisplayName, Category, Organisation, Municipality, Gender, AgeBand, TargetGroup, Consent, PersonalIdentifier, EventNumber, Hours }

public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportedParticipant(int Row, ParticipantDetails Details, PersonIdentifier? Person);
public sealed record ImportedAttendance(int Row, string Code, int EventNumber, decimal? Hours);

/// <summary>What a file would do: rows checked, people and attendances to add, and every error with its row and
/// column.</summary>
public sealed record ImportPlan(
    int Rows, IReadOnlyList<ImportedParticipant> NewParticipants, int ExistingParticipants,
    IReadOnlyList<ImportedAttendance> NewAttendances, int ExistingAttendances, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportPreviewRow>? Preview = null, IReadOnlyList<ImportChoice>? Choices = null)
{
    /// <summary>How many rows the preview shows as they will be saved.</summary>
    public const int PreviewRows = 20;
}

/// <summary>
/// Reads a participant and attendance list into a plan, checking every row. Pure apart from the words it speaks:
/// the project's existing participants and attendance come in, the plan goes out.
/// </summary>
public sealed class ImportPlanner(Texts texts)
{
    /// <summary>Header names each field is recognised by (lower case, without diacritics).</summary>
    private static readonly Dictionary<ImportField, string[]> Synonyms = new()
    {
        [ImportField.Code] = ["dalyvio nr.", "dalyvio nr", "dalyvio numeris", "nr.", "nr", "participant no.", "code"],
        [ImportField.DisplayName] = ["vardas", "vardas, pavarde", "vardas ir pavarde", "name"],
        [ImportField.Category] = ["kategorija", "dalyvio kategorija", "category"],
        [ImportField.Organisation] = ["organizacija", "organisation", "organization"],
        [ImportField.Municipality] = ["savivaldybe", "municipality"],
        [ImportField.Gender] = ["lytis", "gender"],
        [ImportField.AgeBand] = ["amziaus grupe", "amzius", "age band", "age"],
        [ImportField.TargetGroup] = ["tiksline grupe", "target group"],
        [ImportField.Consent] = ["sutikimas", "consent"],
        [ImportField.PersonalIdentifier] = ["asmens kodas arba el. pastas", "asmens kodas", "el. pastas", "identifier", "personal code"],
        [ImportField.EventNumber] = ["renginio nr.", "renginio nr", "renginys", "event no.", "event"],
        [ImportField.Hours] = ["valandos", "ak. val.", "hours"],
    };

    public static IReadOnlyList<string> TemplateHeaders { get; } =
        ["Dalyvio Nr.", "Vardas", "Kategorija", "Organizacija", "Savivaldybė", "Lytis", "Amžiaus grupė", "Tikslinė grupė", "Sutikimas",
         "Asmens kodas arba el. paštas", "Renginio Nr.", "Valandos"];

    /// <summary>Field → column index, found from the headers; -1 where no column matches.</summary>
    public static Dictionary<ImportField, int> AutoMap(IReadOnlyList<string> headers)
    {
        var normalised = headers.Select(Fold).ToList();
        return Enum.GetValues<ImportField>().ToDictionary(f => f, f => normalised.FindIndex(h => Synonyms[f].Contains(h)));
    }

    public static string Fold(string text) => SearchText.Normalize(text);

    /// <param name="existingKeys">The project's participants' person keys, with their codes.</param>
    /// <param name="keyOf">The keyed hash of a person identifier (the server secret stays outside the planner).</param>
    public ImportPlan Plan(SheetTable table, IReadOnlyDictionary<ImportField, int> mapping, IReadOnlySet<string> existingCodes,
        IReadOnlyDictionary<int, Guid> eventsByNumber, IReadOnlySet<(string Code, int EventNumber)> existingAttendance,
        IReadOnlyDictionary<string, string> existingKeys, Func<PersonIdentifier, string> keyOf,
        IReadOnlyDictionary<string, string>? choices = null)
    {
        var ambiguous = new Dictionary<string, (string Typed, IReadOnlyList<string> Options, int Rows)>();
        var seenKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        if (mapping.GetValueOrDefault(ImportField.Code, -1) < 0)
            errors.Add(new ImportError(1, TemplateHeaders[0], texts["Import.CodeColumnMissing"]));
        var participants = new Dictionary<string, ImportedParticipant>(StringComparer.Ordinal);
        var attendances = new List<ImportedAttendance>();
        var seenAttendance = new Dictionary<(string, int), int>();
        var existingParticipants = new HashSet<string>(StringComparer.Ordinal);
        var existingAttendances = 0;
        var preview = new List<ImportPreviewRow>();
        foreach (var row in errors.Count > 0 ? [] : table.Rows)
        {
            var rowErrors = errors.Count;
            string Cell(ImportField field) => mapping.GetValueOrDefault(field, -1) is var i and >= 0 && i < row.Cells.Count ? row.Cells[i].Text.Trim() : "";
            string Header(ImportField field) => mapping.GetValueOrDefault(field, -1) is var i and >= 0 && i < table.Headers.Count ? table.Headers[i] : field.ToString();
            void Error(ImportField field, string message) => errors.Add(new ImportError(row.Number, Header(field), message));

            var code = Cell(ImportField.Code);
            if (code.Length == 0) Error(ImportField.Code, texts["Error.Required"]);
            else if (code.Length > 50) Error(ImportField.Code, texts["Error.TooLong", 50]);
            var category = Choice(Cell(ImportField.Category), "ParticipantCategory", ParticipantCategory.Other, v => Error(ImportField.Category, v));
            var gender = OptionalChoice<Gender>(Cell(ImportField.Gender), "Gender", v => Error(ImportField.Gender, v));
            var ageBand = OptionalChoice<AgeBand>(Cell(ImportField.AgeBand), "AgeBand", v => Error(ImportField.AgeBand, v));
            var targetGroup = OptionalChoice<TargetGroup>(Cell(ImportField.TargetGroup), "TargetGroup", v => Error(ImportField.TargetGroup, v));
            string? municipality = null;
            var municipalityText = Cell(ImportField.Municipality);
            if (municipalityText.Length > 0)
            {
                // One match is taken ("Druskininkai" → "Druskininkų"); several are offered to choose from.
                var matches = Municipalities.Matching(municipalityText);
                var choiceKey = ChoiceKey(municipalityText);
                if (matches.Count == 1) municipality = matches[0];
                else if (matches.Count > 1 && choices?.GetValueOrDefault(choiceKey) is { } chosen && matches.Contains(chosen)) municipality = chosen;
                else if (matches.Count > 1)
                {
                    ambiguous[choiceKey] = ambiguous.TryGetValue(choiceKey, out var seen)
                        ? seen with { Rows = seen.Rows + 1 }
                        : (municipalityText, matches, 1);
                    Error(ImportField.Municipality, texts["Import.MunicipalityWhich", municipalityText, string.Join(" ar ", matches.Select(m => $"„{m}“"))]);
                }
                else Error(ImportField.Municipality, texts["Error.UnknownMunicipality", municipalityText]);
            }
            var consent = false;
            var consentText = Fold(Cell(ImportField.Consent));
            if (consentText is "taip" or "true" or "1" or "yes" or "t") consent = true;
            else if (consentText is not ("" or "ne" or "false" or "0" or "no" or "n")) Error(ImportField.Consent, texts["Import.YesNo", Cell(ImportField.Consent)]);
            var identifier = Cell(ImportField.PersonalIdentifier);
            PersonIdentifier? person = null;
            if (identifier.Length > 0)
            {
                if (PersonIdentifier.TryParse(identifier, out var parsed)) person = parsed;
                else Error(ImportField.PersonalIdentifier, texts["Import.PersonalCodeInvalid"]);
            }
            if (person is { } someone && code.Length > 0)
            {
                // One person, one record: the same person under two codes would count twice in the project.
                var key = keyOf(someone);
                if (existingKeys.TryGetValue(key, out var known) && known != code)
                    Error(ImportField.PersonalIdentifier, texts["Error.PersonTwice", known]);
                else if (seenKeys.TryGetValue(key, out var first) && first != code)
                    Error(ImportField.PersonalIdentifier, texts["Error.PersonTwice", first]);
                else seenKeys[key] = code;
            }
            int? eventNumber = null;
            var eventText = Cell(ImportField.EventNumber).TrimStart('N', 'n', 'r', 'R', '.', ' ');
            if (eventText.Length > 0)
            {
                if (int.TryParse(eventText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && eventsByNumber.ContainsKey(number)) eventNumber = number;
                else Error(ImportField.EventNumber, texts["Import.UnknownEvent", Cell(ImportField.EventNumber)]);
            }
            decimal? hours = null;
            var hoursText = Cell(ImportField.Hours);
            if (hoursText.Length > 0)
            {
                if (LtFormat.TryParseAmount(hoursText, out var parsed) && parsed >= 0) hours = parsed;
                else Error(ImportField.Hours, texts["Import.HoursInvalid", hoursText]);
                if (eventText.Length == 0) Error(ImportField.Hours, texts["Import.HoursWithoutEvent"]);
            }
            var displayName = Cell(ImportField.DisplayName);
            if (displayName.Length > 200) Error(ImportField.DisplayName, texts["Error.TooLong", 200]);
            var organisation = Cell(ImportField.Organisation);
            if (organisation.Length > 300) Error(ImportField.Organisation, texts["Error.TooLong", 300]);
            if (errors.Count > rowErrors) continue;

            var details = new ParticipantDetails(code, displayName.Length == 0 ? null : displayName, category,
                organisation.Length == 0 ? null : organisation, municipality, gender, ageBand, targetGroup, consent);
            if (preview.Count < ImportPlan.PreviewRows)
                preview.Add(new ImportPreviewRow(row.Number, details, !existingCodes.Contains(code), eventNumber, hours));
            if (existingCodes.Contains(code)) existingParticipants.Add(code);
            else if (!participants.ContainsKey(code))
                participants[code] = new ImportedParticipant(row.Number, details, person);
            if (eventNumber is { } n)
            {
                if (seenAttendance.TryGetValue((code, n), out var firstRow))
                    Error(ImportField.EventNumber, texts["Import.AttendanceTwice", code, n, firstRow]);
                else
                {
                    seenAttendance[(code, n)] = row.Number;
                    if (existingAttendance.Contains((code, n))) existingAttendances++;
                    else attendances.Add(new ImportedAttendance(row.Number, code, n, hours));
                }
            }
        }
        return new ImportPlan(table.Rows.Count, participants.Values.ToList(), existingParticipants.Count, attendances, existingAttendances, errors,
            preview, [.. ambiguous.Select(a => new ImportChoice(a.Key, a.Value.Typed, a.Value.Options, a.Value.Rows))]);
    }

    /// <summary>The value a choice is kept under: compared loosely, so "Kaunas" and "KAUNAS" are chosen once.</summary>
    public static string ChoiceKey(string text) => LooseText.Key(text, dropYears: false);

    private TEnum Choice<TEnum>(string text, string prefix, TEnum fallback, Action<string> error) where TEnum : struct, Enum =>
        text.Length == 0 ? fallback : OptionalChoice<TEnum>(text, prefix, error) ?? fallback;

    /// <summary>Accepts the Lithuanian or English label, or the code name, compared loosely (<see cref="LooseText"/>:
    /// any case, with or without diacritics, any dash, with or without the closing "m.").</summary>
    private TEnum? OptionalChoice<TEnum>(string text, string prefix, Action<string> error) where TEnum : struct, Enum
    {
        if (text.Length == 0) return null;
        if (Lookup<TEnum>(prefix).TryGetValue(LooseText.Key(text), out var value)) return value;
        error(texts["Import.UnknownValue", text, string.Join(", ", Enum.GetValues<TEnum>().Select(v => texts[$"{prefix}.{v}"]))]);
        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> Lookups = new();

    private static Dictionary<string, TEnum> Lookup<TEnum>(string prefix) where TEnum : struct, Enum =>
        (Dictionary<string, TEnum>)Lookups.GetOrAdd(typeof(TEnum), _ =>
        {
            var lt = Texts.Load("lt");
            var en = Texts.Load("en");
            var lookup = new Dictionary<string, TEnum>();
            foreach (var value in Enum.GetValues<TEnum>())
            {
                foreach (var name in new[] { value.ToString(), lt[$"{prefix}.{value}"], en[$"{prefix}.{value}"] })
                    lookup.TryAdd(LooseText.Key(name), value);
            }
            return lookup;
        });


}
