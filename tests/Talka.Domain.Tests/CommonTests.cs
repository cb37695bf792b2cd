using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public class LegalEntityCodeTests
{
    [Theory]
    [InlineData("305198980")]
    [InlineData("305807221")]
    [InlineData("191676690")]
    [InlineData("122244264")]
    [InlineData("125446794")]
    public void Real_codes_pass_the_check_digit(string code) => Assert.Equal(LegalEntityCode.Verdict.Valid, LegalEntityCode.Check(code));

    [Theory]
    [InlineData("305198981")]
    [InlineData("125446790")]
    public void A_wrong_last_digit_is_a_check_digit_mismatch(string code) =>
        Assert.Equal(LegalEntityCode.Verdict.CheckDigitMismatch, LegalEntityCode.Check(code));

    [Theory]
    [InlineData("30519898")]
    [InlineData("3051989800")]
    [InlineData("30519898A")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_nine_digits_is_malformed(string? code) => Assert.Equal(LegalEntityCode.Verdict.Malformed, LegalEntityCode.Check(code));

    [Fact]
    public void When_the_first_weights_give_ten_the_second_weights_decide()
    {
        // 1,1,1,1,1,1,1,1 weighted 1..8 sums to 36 (36 mod 11 = 3), so build a case that gives 10 first:
        // digits 0,0,0,0,0,0,0,5 → 5*8 = 40, 40 mod 11 = 7; digits 0,0,0,0,0,0,1,1 → 7+8 = 15 → 4.
        // Search a small space for a prefix whose first sum is 10 and check the fallback rule by hand.
        for (var n = 0; n < 100_000_000; n += 9973)
        {
            var digits = n.ToString("D8").Select(c => c - '0').ToArray();
            var first = digits.Select((d, i) => d * (i + 1)).Sum() % 11;
            if (first != 10) continue;
            var second = digits.Select((d, i) => d * new[] { 3, 4, 5, 6, 7, 8, 9, 1 }[i]).Sum() % 11;
            var expected = second == 10 ? 0 : second;
            Assert.Equal(expected, LegalEntityCode.CheckDigit(digits, 8));
            return;
        }
        Assert.Fail("no prefix with a first remainder of 10 found");
    }
}

public class LtFormatTests
{
    [Theory]
    [InlineData("47511.61", "47 511,61 €")]
    [InlineData("0", "0,00 €")]
    [InlineData("800000", "800 000,00 €")]
    [InlineData("1234567.5", "1 234 567,50 €")]
    public void Money_uses_no_break_spaces_and_a_decimal_comma(string amount, string expected) =>
        Assert.Equal(expected.Replace(' ', '\u00A0'), LtFormat.Eur(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Long_dates_use_the_genitive_month() =>
        Assert.Equal("2022 m. gruodžio 31 d.", LtFormat.LongDate(new DateOnly(2022, 12, 31)));

    [Fact]
    public void Short_dates_are_iso() => Assert.Equal("2019-09-11", LtFormat.Date(new DateOnly(2019, 9, 11)));

    [Theory]
    [InlineData("47 511,61", "47511.61")]
    [InlineData("47511.61", "47511.61")]
    [InlineData("47.511,61", "47511.61")]
    [InlineData("47,511.61", "47511.61")]
    [InlineData("47\u00A0511,61\u00A0€", "47511.61")]
    [InlineData("-5", "-5")]
    public void Amounts_typed_the_Lithuanian_way_are_read(string text, string expected)
    {
        Assert.True(LtFormat.TryParseAmount(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("keturi")]
    [InlineData("")]
    [InlineData("1,2,3,4")]
    public void Text_that_is_no_amount_is_refused(string text) => Assert.False(LtFormat.TryParseAmount(text, out _));
}

public class MunicipalityTests
{
    [Fact]
    public void There_are_sixty_municipalities_in_ten_counties()
    {
        Assert.Equal(60, Municipalities.All.Count);
        Assert.Equal(10, Municipalities.All.Select(Municipalities.County).Distinct().Count());
    }

    [Theory]
    [InlineData("Vilniaus m.", "Vilniaus miesto savivaldybė", "Vilniaus apskritis")]
    [InlineData("Visagino", "Visagino savivaldybė", "Utenos apskritis")]
    [InlineData("Šilutės r.", "Šilutės rajono savivaldybė", "Klaipėdos apskritis")]
    public void Municipalities_have_full_names_and_counties(string name, string full, string county)
    {
        Assert.Equal(full, Municipalities.FullName(name));
        Assert.Equal(county, Municipalities.County(name));
    }

    [Fact]
    public void An_unknown_municipality_is_refused() =>
        Assert.Equal("UnknownMunicipality", Assert.Throws<DomainException>(() => Municipalities.Require("Atlantida", "Municipality")).Code);
}

public class ViewerTests
{
    private static readonly Guid OrgA = Guid.NewGuid(), OrgB = Guid.NewGuid();
    private static Viewer With(string role, params Guid[] organisations) => new("u", "u@x.lt", new HashSet<string> { role }, organisations.ToHashSet());

    [Fact]
    public void A_member_has_full_access_to_own_projects_and_only_public_access_to_others()
    {
        var member = With(Roles.OrganisationMember, OrgA);
        Assert.Equal(ProjectAccess.Full, member.AccessToProject(OrgA, isPublished: false));
        Assert.Equal(ProjectAccess.Public, member.AccessToProject(OrgB, isPublished: true));
        Assert.Equal(ProjectAccess.None, member.AccessToProject(OrgB, isPublished: false));
        Assert.True(member.CanEditProjectPlan(OrgA));
        Assert.False(member.CanEditProjectPlan(OrgB));
        Assert.False(member.CanSeeOrganisation(OrgB));
        Assert.False(member.CanManageAgreements);
    }

    [Fact]
    public void An_auditor_reads_everything_and_changes_nothing()
    {
        var auditor = With(Roles.Auditor);
        Assert.Equal(ProjectAccess.Full, auditor.AccessToProject(OrgB, isPublished: false));
        Assert.False(auditor.CanEditProjectPlan(OrgB));
        Assert.False(auditor.CanEditOrganisation(OrgB));
        Assert.False(auditor.CanManageProgrammes);
        Assert.False(auditor.CanManageAgreements);
    }

    [Fact]
    public void A_visitor_sees_only_published_projects()
    {
        Assert.Equal(ProjectAccess.Public, Viewer.Anonymous.AccessToProject(OrgA, true));
        Assert.Equal(ProjectAccess.None, Viewer.Anonymous.AccessToProject(OrgA, false));
        Assert.False(Viewer.Anonymous.CanListOrganisations);
    }

    [Fact]
    public void Organisation_ids_without_the_member_role_grant_nothing() =>
        Assert.Equal(ProjectAccess.None, With(Roles.Evaluator, OrgA).AccessToProject(OrgA, false));
}

public class SearchTextTests
{
    [Theory]
    [InlineData("  Šeimos   SANTYKIŲ institutas ", "seimos santykiu institutas")]
    [InlineData("Ąžuolų ČĘĖĮŠŲŪŽ ąčęėįšųūž", "azuolu ceeisuuz aceeisuuz")]
    [InlineData("VšĮ „Vaikų linija“", "vsi „vaiku linija“")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_is_searched_in_lower_case_without_diacritics(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));
}
