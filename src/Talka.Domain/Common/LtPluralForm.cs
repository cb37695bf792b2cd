namespace Talka.Domain.Common;

/// <summary>The Lithuanian plural form a whole number takes: "1 projektas", "2 projektai", "10 projektų".</summary>
public enum LtPluralForm
{
    /// <summary>Ends in 1, but not in 11: 1, 21, 101 projektas.</summary>
    One,
    /// <summary>Ends in 2–9, but not in 12–19: 2, 9, 22 projektai.</summary>
    Few,
    /// <summary>Ends in 0 or in 11–19: 10, 11, 19, 100 projektų.</summary>
    Other,
}
