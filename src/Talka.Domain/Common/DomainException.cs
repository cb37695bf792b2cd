namespace Talka.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is a stable, language-neutral key that the user interface
/// translates; <see cref="Field"/> names the input the rule is about, when there is one.
/// </summary>
public sealed class DomainException(string code, string? field = null, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public IReadOnlyList<object> Args { get; } = args;
}

public static class Guard
{
    public static string Required(string? value, string field, int maxLength = 500)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new DomainException("Required", field);
        if (trimmed.Length > maxLength) throw new DomainException("TooLong", field, maxLength);
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength = 2000)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) throw new DomainException("TooLong", field, maxLength);
        return trimmed;
    }

    public static decimal NonNegativeAmount(decimal value, string field)
    {
        if (value < 0) throw new DomainException("AmountNegative", field);
        if (decimal.Round(value, 2) != value) throw new DomainException("AmountCents", field);
        return value;
    }
}
