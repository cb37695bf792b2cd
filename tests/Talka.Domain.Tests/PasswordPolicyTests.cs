using Talka.Domain.Accounts;

namespace Talka.Domain.Tests;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Talka-demo-2026")]
    [InlineData("žalias medis prie upės")]
    [InlineData("correct horse battery staple")]
    [InlineData("mano katinas miega ant palangės")]
    public void A_long_unusual_password_is_accepted_without_any_composition_rule(string password) =>
        Assert.Null(PasswordPolicy.Check(password, ["jonas@ngo.lt"]));

    [Theory]
    [InlineData("trumpas", PasswordProblem.TooShort)]
    [InlineData("Ąžuolas-2026!", PasswordProblem.TooShort)]
    [InlineData("Password2026!!!!", PasswordProblem.Common)]
    [InlineData("qwertyuiop12345", PasswordProblem.Repetitive)]
    [InlineData("Dragon-dragon-2026", PasswordProblem.Common)]
    [InlineData("Slaptažodis-2026-11", PasswordProblem.Common)]
    [InlineData("passwordpassword", PasswordProblem.Common)]
    [InlineData("aaaaaaaaaaaaaaaaaa", PasswordProblem.Repetitive)]
    [InlineData("123456789012345678", PasswordProblem.Repetitive)]
    [InlineData("abcdefghijklmnopq", PasswordProblem.Repetitive)]
    [InlineData("jonaitis-nuo-2026-metų", PasswordProblem.Personal)]
    public void A_weak_password_is_refused_with_its_reason(string password, PasswordProblem expected) =>
        Assert.Equal(expected, PasswordPolicy.Check(password, ["jonaitis"]));

    [Fact]
    public void Length_counts_characters_not_bytes_and_has_a_ceiling_well_above_64()
    {
        // 15 letters with diacritics, 30 bytes in UTF-8.
        Assert.Null(PasswordPolicy.Check("ąčęėįšųūž ąčęėį", []));
        Assert.Null(PasswordPolicy.Check(string.Concat(Enumerable.Range(0, 20).Select(i => $"žodis{i} ")), []));
        Assert.Equal(
            PasswordProblem.TooLong,
            PasswordPolicy.Check(new string('x', 100) + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i}y")), [])
        );
    }
}
