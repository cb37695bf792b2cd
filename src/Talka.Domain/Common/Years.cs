namespace Talka.Domain.Common;

/// <summary>The years a programme, call or project can be in: a filter outside them is a typing slip, not a
/// question.</summary>
public static class Years
{
    public const int First = 1990;
    public const int Last = 2100;

    public static bool IsPlausible(int year) => year is >= First and <= Last;
}
