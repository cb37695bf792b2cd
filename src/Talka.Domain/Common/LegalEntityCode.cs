namespace Talka.Domain.Common;

/// <summary>
/// A Lithuanian legal entity code (juridinio asmens kodas): nine digits, the last a check digit.
/// A malformed code is an error; a failed check digit is only a warning, because old codes may not follow it.
/// </summary>
public static class LegalEntityCode
{
    public enum Verdict { Valid, Malformed, CheckDigitMismatch }

    public static Verdict Check(string? code)
    {
        if (code is null || code.Length != 9 || !code.All(char.IsAsciiDigit)) return Verdict.Malformed;
        var digits = code.Select(c => c - '0').ToArray();
        return CheckDigit(digits, 8) == digits[8] ? Verdict.Valid : Verdict.CheckDigitMismatch;
    }

    /// <summary>The check digit scheme shared by legal entity and personal codes.</summary>
    public static int CheckDigit(IReadOnlyList<int> digits, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++) sum += digits[i] * (i % 9 + 1);
        var rest = sum % 11;
        if (rest != 10) return rest;
        sum = 0;
        for (var i = 0; i < count; i++) sum += digits[i] * ((i + 2) % 9 + 1);
        rest = sum % 11;
        return rest == 10 ? 0 : rest;
    }

    public static string Normalise(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
