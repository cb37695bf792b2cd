using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public class CallTests
{
    [Fact]
    public void A_call_minimum_above_its_maximum_is_refused() =>
        Assert.Equal("MinAboveMax", Assert.Throws<DomainException>(() => Build.Call(min: 80_000m, max: 70_000m)).Code);

    [Fact]
    public void A_maximum_above_the_total_budget_is_refused() =>
        Assert.Equal("MaxAboveTotal", Assert.Throws<DomainException>(() => Build.Call(max: 900_000m, total: 800_000m)).Code);

    [Fact]
    public void A_project_period_that_ends_before_it_starts_is_refused() =>
        Assert.Equal("PeriodEndBeforeStart", Assert.Throws<DomainException>(() => Build.Call(start: new DateOnly(2020, 12, 31), end: new DateOnly(2020, 1, 1))).Code);

    [Fact]
    public void Reporting_rules_default_to_the_ministry_rules()
    {
        var rules = Build.Call().Rules;
        Assert.Equal(45, rules.MinutesPerAcademicHour);
        Assert.True(rules.HalfYearlyActivityReports(30_000m));
        Assert.False(rules.HalfYearlyActivityReports(29_999.99m));
        Assert.Equal(10m, rules.ReallocationThresholdPercent);
    }

    [Fact]
    public void A_call_without_a_stated_legal_basis_has_none() =>
        Assert.Null(new Call(Guid.NewGuid(), new CallDetails(Guid.NewGuid(), "Senas konkursas", 2017, null, null, null, null, null, null,
            new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31), FundingSource.StateBudget, ReportingRules.Default)).LegalBasis);
}

public class AgreementTests
{
    private static AgreementDetails Details(decimal? amount = 50_000m, DateOnly? start = null, DateOnly? end = null, params AgreementFundingLine[] funding) =>
        new("A291-2520/20", new DateOnly(2020, 2, 1), start ?? new DateOnly(2020, 2, 1), end ?? new DateOnly(2020, 12, 31), amount, funding);

    [Fact]
    public void An_agreement_within_the_call_bounds_is_accepted()
    {
        var agreement = new Agreement(Guid.NewGuid(), Build.Call(), Details(50_000m, funding: new AgreementFundingLine(FundingSource.StateBudget, 50_000m)));
        Assert.Equal(50_000m, agreement.GrantedAmount);
        Assert.Equal(50_000m, agreement.StateFunding);
    }

    [Theory]
    [InlineData(39_999.99, "GrantBelowMinimum")]
    [InlineData(70_000.01, "GrantAboveMaximum")]
    [InlineData(-1, "AmountNegative")]
    [InlineData(50_000.001, "AmountCents")]
    public void An_amount_outside_the_call_bounds_is_refused(double amount, string code)
    {
        var error = Assert.Throws<DomainException>(() => new Agreement(Guid.NewGuid(), Build.Call(), Details((decimal)amount)));
        Assert.Equal(code, error.Code);
        Assert.Equal(nameof(Agreement.GrantedAmount), error.Field);
    }

    [Fact]
    public void A_period_outside_the_call_project_period_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new Agreement(Guid.NewGuid(), Build.Call(), Details(end: new DateOnly(2021, 1, 31))));
        Assert.Equal("OutsideCallPeriod", error.Code);
        Assert.Equal([new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)], error.Args.Cast<DateOnly>());
    }

    [Fact]
    public void Funding_sources_must_add_up_to_the_granted_amount_own_funds_coming_on_top()
    {
        var error = Assert.Throws<DomainException>(() => new Agreement(Guid.NewGuid(), Build.Call(), Details(50_000m, funding:
            [new AgreementFundingLine(FundingSource.StateBudget, 30_000m), new AgreementFundingLine(FundingSource.EuStructuralFunds, 10_000m)])));
        Assert.Equal("FundingNotGrant", error.Code);
        Assert.Equal([40_000m, 50_000m], error.Args.Cast<decimal>());
        var agreement = new Agreement(Guid.NewGuid(), Build.Call(), Details(50_000m, funding:
            [new AgreementFundingLine(FundingSource.StateBudget, 40_000m), new AgreementFundingLine(FundingSource.EuStructuralFunds, 10_000m),
             new AgreementFundingLine(FundingSource.OwnFunds, 5_000m)]));
        Assert.Equal(40_000m, agreement.StateFunding);
    }

    [Fact]
    public void A_negative_funding_line_is_refused() =>
        Assert.Equal("AmountNegative", Assert.Throws<DomainException>(() =>
            new Agreement(Guid.NewGuid(), Build.Call(), Details(funding: new AgreementFundingLine(FundingSource.OwnFunds, -10m)))).Code);

    [Fact]
    public void A_call_without_bounds_accepts_any_non_negative_amount()
    {
        var agreement = new Agreement(Guid.NewGuid(), Build.Call(min: null, max: null, total: null), Details(1_000_000m));
        Assert.Equal(1_000_000m, agreement.GrantedAmount);
    }
}

public class FundingBodyTests
{
    [Fact]
    public void A_renamed_body_keeps_its_old_name_for_earlier_dates()
    {
        var body = new FundingBody("Socialinių paslaugų priežiūros departamentas");
        body.Rename("Socialinės pagalbos ir priežiūros departamentas", new DateOnly(2022, 1, 1));
        Assert.Equal("Socialinių paslaugų priežiūros departamentas", body.NameOn(new DateOnly(2017, 8, 31)));
        Assert.Equal("Socialinės pagalbos ir priežiūros departamentas", body.NameOn(new DateOnly(2022, 6, 1)));
        Assert.Equal("Socialinės pagalbos ir priežiūros departamentas", body.Name);
        Assert.Equal(2, body.Names.Count);
    }
}
