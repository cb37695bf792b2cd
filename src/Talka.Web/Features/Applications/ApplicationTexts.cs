using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Applications;

/// <summary>Puts the items of an application and of its call's form into the reader's words: a checklist item, a
/// formal-check item, an eligibility rule with its parameters.</summary>
public sealed class ApplicationTexts(Texts t)
{
    /// <summary>"Title", "Goal", "Declaration.Income", "Rule:MinimumIncome", "Attachment:Statutes" → words.</summary>
    public string Item(string item, ApplicationForm? form, IReadOnlyDictionary<Guid, string>? calls = null)
    {
        if (item.StartsWith("Attachment:", StringComparison.Ordinal))
        {
            var key = item["Attachment:".Length..];
            var title = form?.Attachments.FirstOrDefault(a => a.Key == key)?.Title ?? key;
            return t["Application.Item.Attachment", title];
        }
        if (item.StartsWith("Rule:", StringComparison.Ordinal))
        {
            var rule = form?.Rules.FirstOrDefault(r => r.Key == item);
            return rule is null ? item : Rule(rule, calls);
        }
        return t["Application.Item." + item];
    }

    public IReadOnlyList<string> Items(IEnumerable<string> items, ApplicationForm? form) =>
        [.. items.Select(i => Item(i, form))];

    /// <summary>A rule as the call page states it: "Pajamos 2023 m. – ne mažiau kaip 1 000,00 €".</summary>
    public string Rule(EligibilityRule rule, IReadOnlyDictionary<Guid, string>? calls = null) =>
        t[
            "EligibilityRule." + rule.Kind,
            // A year is written as such ("2025", not "2 025"); counts are small.
            rule.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            rule.Amount is { } amount ? LtFormat.Eur(amount) : "",
            rule.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            string.Join(", ", (rule.Calls ?? []).Select(c => calls?.GetValueOrDefault(c) ?? c.ToString()))
        ];

    /// <summary>A failed rule's reason in the reader's words, its values already written out.</summary>
    public string Reason(string key, IReadOnlyList<string> args) => t[key, args.Cast<object?>().ToArray()];

    /// <summary>A value in a reason, as the reader reads it: money as "999,99 €".</summary>
    public static string Value(object value) =>
        value switch
        {
            decimal amount => LtFormat.Eur(amount),
            int or long => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            _ => value.ToString() ?? "",
        };
}
