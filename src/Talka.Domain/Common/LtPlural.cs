namespace Talka.Domain.Common;

/// <summary>
/// Lithuanian plural agreement, for every message that counts something. A noun is given as its three forms separated
/// by
/// "|" (nominative: "projektas|projektai|projektų"; genitive after "iš": "projekto|projektų|projektų").
/// </summary>
public static class LtPlural
{
    public static LtPluralForm FormOf(long count)
    {
        var n = Math.Abs(count);
        var lastTwo = n % 100;
        var last = n % 10;
        if (last == 1 && lastTwo != 11) return LtPluralForm.One;
        if (last is >= 2 and <= 9 && lastTwo is < 12 or > 19) return LtPluralForm.Few;
        return LtPluralForm.Other;
    }

    /// <summary>The form of <paramref name="forms"/> ("one|few|other"; a single form serves all) that agrees with the
    /// count.</summary>
    public static string Choose(long count, string forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var parts = forms.Split('|');
        return parts.Length switch
        {
            1 => parts[0],
            2 => count == 1 ? parts[0] : parts[1],   // English: one, other
            _ => parts[(int)FormOf(count)],
        };
    }

    /// <summary>"21 projektas", "22 projektai", "1 000 projektų" (the number written the Lithuanian way).</summary>
    public static string Count(long count, string forms) => $"{LtFormat.Number(count)} {Choose(count, forms)}";
}
