using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public class LtPluralTests
{
    [Theory]
    [InlineData(1, "1 projektas", "1 dalyvis")]
    [InlineData(2, "2 projektai", "2 dalyviai")]
    [InlineData(5, "5 projektai", "5 dalyviai")]
    [InlineData(10, "10 projektų", "10 dalyvių")]
    [InlineData(11, "11 projektų", "11 dalyvių")]
    [InlineData(21, "21 projektas", "21 dalyvis")]
    [InlineData(22, "22 projektai", "22 dalyviai")]
    [InlineData(19, "19 projektų", "19 dalyvių")]
    [InlineData(111, "111 projektų", "111 dalyvių")]
    [InlineData(0, "0 projektų", "0 dalyvių")]
    public void Nouns_agree_with_their_count(long count, string projects, string participants)
    {
        Assert.Equal(projects, LtPlural.Count(count, "projektas|projektai|projektų"));
        Assert.Equal(participants, LtPlural.Count(count, "dalyvis|dalyviai|dalyvių"));
    }

    [Fact]
    public void Large_numbers_are_grouped_and_agree_by_their_last_digits() =>
        Assert.Equal("1\u00A0001 projektas", LtPlural.Count(1001, "projektas|projektai|projektų"));

    [Fact]
    public void English_forms_have_one_and_other() =>
        Assert.Equal(["1 project", "2 projects", "21 projects"], new long[] { 1, 2, 21 }.Select(n => LtPlural.Count(n, "project|projects")));
}
