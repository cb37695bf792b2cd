using System.Net.Mail;
using Talka.Domain.Common;

namespace Talka.Domain.Delivery;

/// <summary>
/// What identifies a person across projects, for every entry path (form, API, import): a Lithuanian personal code
/// (asmens kodas: 11 digits whose last is the check digit; spaces and dashes are ignored) or an e-mail address. A typo
/// would otherwise become a second "person" in a programme's reach, so anything else is refused.
/// </summary>
public readonly record struct PersonIdentifier
{
    private PersonIdentifier(string normalised) => Normalised = normalised;

    /// <summary>"ak:39001010000" or "email:ona@pavyzdys.lt": what the keyed hash is computed over.</summary>
    public string Normalised { get; }

    public static bool TryParse(string? text, out PersonIdentifier identifier)
    {
        identifier = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 254) return false;
        if (trimmed.Contains('@'))
        {
            if (trimmed.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(trimmed, out var address)
                || address.Address != trimmed || !address.Host.Contains('.')
                || address.Host.StartsWith('.') || address.Host.EndsWith('.')) return false;
            identifier = new PersonIdentifier("email:" + trimmed.ToLowerInvariant());
            return true;
        }
        var digits = new string(trimmed.Where(c => c is not (' ' or '-')).ToArray());
        if (!PersonKeys.IsValidPersonalCode(digits)) return false;
        identifier = new PersonIdentifier("ak:" + digits);
        return true;
    }

    public static PersonIdentifier Parse(string? text, string field) =>
        TryParse(text, out var identifier) ? identifier : throw new DomainException("PersonalIdentifierInvalid", field);
}
