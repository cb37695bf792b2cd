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

    /// <summary>Above any grant or expense a programme could hold: a typing slip (or 1e20 from a client), not
    /// money.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static decimal NonNegativeAmount(decimal value, string field)
    {
        if (value < 0) throw new DomainException("AmountNegative", field);
        if (decimal.Round(value, 2) != value) throw new DomainException("AmountCents", field);
        if (value > MaxAmount) throw new DomainException("AmountTooLarge", field, MaxAmount);
        return value;
    }

    /// <summary>An enum value that is one of its defined names (a client could send any integer the type can
    /// hold).</summary>
    public static TEnum Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException("ValueNotAllowed", field);

    public static TEnum? Defined<TEnum>(TEnum? value, string field) where TEnum : struct, Enum =>
        value is { } v ? Defined(v, field) : null;
}
