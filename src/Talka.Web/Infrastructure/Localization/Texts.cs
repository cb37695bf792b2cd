using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Localization;

/// <summary>
/// The user interface's words. Lithuanian (lt) is the default, English (en) the switch; both live in
/// Resources/*.json with the same keys. The current UI culture of the request picks the language.
/// </summary>
public sealed class Texts
{
    public static readonly string[] Languages = ["lt", "en"];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byLanguage = new();

    public Texts()
    {
        foreach (var language in Languages) _byLanguage[language] = Load(language);
    }

    public static IReadOnlyDictionary<string, string> Load(string language)
    {
        var assembly = typeof(Texts).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Talka.Web.Resources.{language}.json")
            ?? throw new InvalidOperationException($"Missing resource for language {language}.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "lt";

    public string this[string key] => Get(key);

    public string this[string key, params object?[] args] => string.Format(CultureInfo.InvariantCulture, Get(key), args.Select(Display).ToArray());

    public string Get(string key) =>
        _byLanguage[CurrentLanguage].TryGetValue(key, out var text) ? text
        : _byLanguage["lt"].TryGetValue(key, out var lt) ? lt
        : key;

    /// <summary>A text in a language chosen by the caller, not by the request (an e-mail in its recipient's
    /// language).</summary>
    public string In(string language, string key, params object?[] args)
    {
        var words = _byLanguage.TryGetValue(language, out var chosen) ? chosen : _byLanguage["lt"];
        var text = words.TryGetValue(key, out var found) ? found : _byLanguage["lt"].TryGetValue(key, out var lt) ? lt : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args.Select(Display).ToArray());
    }

    /// <summary>A count with its noun in the form that agrees with it: Count("Noun.Participant", 21) → "21
    /// dalyvis".</summary>
    public string Count(string key, long count) => LtPlural.Count(count, Get(key));

    public string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => EnumValue(value);

    /// <summary>An enum value's words, whatever its type (the audit log reads values of any record).</summary>
    public string EnumValue(System.Enum value) =>
        value is Talka.Domain.Delivery.EventKind kind
            ? Get($"ActivityKind.{Talka.Domain.Delivery.Kinds.AsActivity(kind)}") // one list of kinds
            : Get($"{value.GetType().Name}.{value}");

    /// <summary>The message for a broken domain rule, with its values shown the Lithuanian way.</summary>
    public string Error(DomainException error) => this["Error." + error.Code, error.Args.ToArray()];

    public static string Display(object? value) => value switch
    {
        decimal amount => LtFormat.Eur(amount),
        int or long => LtFormat.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateOnly date => LtFormat.Date(date),
        // A wall-clock time (a call's deadline in Vilnius): "2026-02-27 17:00".
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        null => "",
        _ => value.ToString() ?? "",
    };
}
