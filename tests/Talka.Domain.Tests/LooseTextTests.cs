using Talka.Domain.Common;

namespace Talka.Domain.Tests;

/// <summary>Values typed in a spreadsheet are matched loosely, and a town's name is matched to its municipalities.</summary>
public sealed class LooseTextTests
{
    [Theory]
    [InlineData("30-44")]
    [InlineData("30–44")]
    [InlineData("30 – 44 m.")]
    [InlineData("30—44 M")]
    [InlineData(" 30‐44 m. ")]
    public void Every_way_of_writing_an_age_band_is_the_same_band(string typed) =>
        Assert.Equal(LooseText.Key("30–44 m."), LooseText.Key(typed));

    [Fact]
    public void Case_and_diacritics_do_not_matter_but_other_words_do()
    {
        Assert.Equal(LooseText.Key("Šeimos nariai"), LooseText.Key("SEIMOS   nariai"));
        Assert.NotEqual(LooseText.Key("18–29 m."), LooseText.Key("30–44 m."));
        // For municipalities "m." is a town: Kauno m. is not Kauno r., nor "Kauno".
        Assert.NotEqual(LooseText.Key("Kauno m.", dropYears: false), LooseText.Key("Kauno", dropYears: false));
    }

    [Theory]
    [InlineData("Kaunas", new[] { "Kauno m.", "Kauno r." })]
    [InlineData("kauno m", new[] { "Kauno m." })]
    [InlineData("Kauno rajono savivaldybė", new[] { "Kauno r." })]
    [InlineData("Druskininkai", new[] { "Druskininkų" })]
    [InlineData("Vilnius", new[] { "Vilniaus m.", "Vilniaus r." })]
    [InlineData("Šiauliai", new[] { "Šiaulių m.", "Šiaulių r." })]
    [InlineData("Paryžius", new string[0])]
    [InlineData("Kau", new string[0])]
    public void A_town_is_matched_to_its_municipalities(string typed, string[] expected) =>
        Assert.Equal(expected, Municipalities.Matching(typed));
}
