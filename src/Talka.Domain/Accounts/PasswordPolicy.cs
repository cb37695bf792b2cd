using System.Globalization;
using System.Text;

namespace Talka.Domain.Accounts;

/// <summary>
/// The password rule, after NIST SP 800-63B-4: length over composition. At least <see cref="MinimumLength"/>
/// characters (counted as Unicode code points, after NFKC normalisation, spaces and any letter allowed), at most
/// <see cref="MaximumLength"/>; no rule about digits, capitals or symbols; refused when it is a common password
/// (the list in common-passwords.txt, compared with digits and punctuation set aside, so "Password2026!!!!" is as
/// common as "password"), when it contains the person's own e-mail name, or when it is one character repeated or a
/// plain run of the keyboard or the alphabet. Passwords are never required to change on a schedule.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> CommonList = new(Load);

    /// <summary>The problem with the password, or null when it may be used. <paramref name="personal"/> are words
    /// the person is known by (the e-mail's name part, say); those of fewer than 4 letters are ignored.</summary>
    public static PasswordProblem? Check(string password, IEnumerable<string> personal)
    {
        var text = password.Normalize(NormalizationForm.FormKC);
        var length = CountCodePoints(text);
        if (length < MinimumLength)
            return PasswordProblem.TooShort;
        if (length > MaximumLength)
            return PasswordProblem.TooLong;
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        if (lower.Distinct().Count() < 5 || IsRun(lower))
            return PasswordProblem.Repetitive;
        var list = CommonList.Value;
        if (list.Contains(lower) || (letters.Length > 0 && list.Contains(letters)) || IsRepeatOfCommon(letters, list))
            return PasswordProblem.Common;
        foreach (var word in personal)
        {
            var name = new string(word.ToLower(CultureInfo.InvariantCulture).Where(char.IsLetter).ToArray());
            if (name.Length >= 4 && letters.Contains(name, StringComparison.Ordinal))
                return PasswordProblem.Personal;
        }
        return null;
    }

    /// <summary>"passwordpassword": a common word said twice or more.</summary>
    private static bool IsRepeatOfCommon(string letters, HashSet<string> list)
    {
        for (var unit = 3; unit <= letters.Length / 2; unit++)
        {
            if (letters.Length % unit != 0)
                continue;
            var part = letters[..unit];
            if (!list.Contains(part))
                continue;
            if (Enumerable.Range(1, letters.Length / unit - 1).All(i => letters.Substring(i * unit, unit) == part))
                return true;
        }
        return false;
    }

    /// <summary>Mostly a run of neighbouring characters: "abcdefghijklmno", "123456789012345",
    /// "qwertyuiopasdfg".</summary>
    private static bool IsRun(string lower)
    {
        const string rows = "qwertyuiopasdfghjklzxcvbnm1234567890";
        var steps = 0;
        for (var i = 1; i < lower.Length; i++)
        {
            var a = lower[i - 1];
            var b = lower[i];
            var row = rows.IndexOf(a, StringComparison.Ordinal);
            if (
                Math.Abs(b - a) == 1
                || (a == '9' && b == '0')
                || (row >= 0 && row + 1 < rows.Length && rows[row + 1] == b)
            )
                steps++;
        }
        return steps >= (lower.Length - 1) * 3 / 4;
    }

    private static int CountCodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            count++;
        }
        return count;
    }

    private static HashSet<string> Load()
    {
        using var stream =
            typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Talka.Domain.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var lower = line.Trim().ToLower(CultureInfo.InvariantCulture);
            set.Add(lower);
            var letters = new string(lower.Where(char.IsLetter).ToArray());
            if (letters.Length >= 4)
                set.Add(letters);
        }
        return set;
    }
}
