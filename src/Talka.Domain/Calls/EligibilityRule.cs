using Talka.Domain.Applications;
using Talka.Domain.Common;

namespace Talka.Domain.Calls;

/// <summary>The eligibility rules seen in the department's calls, each a kind with its parameters.</summary>
public enum EligibilityRuleKind
{
    /// <summary>The NGO mark in the Register of Legal Entities.</summary>
    NgoMark,
    NotInLiquidation,

    /// <summary>A reliable taxpayer on the call's last formal-check day (not on the submission day).</summary>
    ReliableTaxpayer,

    /// <summary>Income of at least <see cref="EligibilityRule.Amount"/> in <see cref="EligibilityRule.Year"/>.</summary>
    MinimumIncome,

    /// <summary>Acting in at least <see cref="EligibilityRule.Count"/> counties.</summary>
    CountiesAtLeast,

    /// <summary>At least <see cref="EligibilityRule.Count"/> employees under an employment contract.</summary>
    EmployeesAtLeast,

    /// <summary>Not funded under the named other calls (<see cref="EligibilityRule.Calls"/>).</summary>
    NotFundedByCalls,

    /// <summary>One application per organisation across this call and the linked ones (<see
    /// cref="EligibilityRule.Calls"/>): a second is refused when it is made.</summary>
    OneApplicationAcrossCalls,
}

/// <summary>How an item of the formal check was marked.</summary>
public enum CheckMark
{
    Passed,
    Failed,
    NotApplicable,
}

/// <summary>A rule's assessment of an applicant's declaration: the mark it suggests and, when failed, why (a text key
/// and its values, shown in the applicant's language).</summary>
public sealed record Assessment(CheckMark Mark, string? Reason = null, IReadOnlyList<object>? Args = null);

/// <summary>One eligibility rule of a call, with the parameters its kind needs.</summary>
public sealed record EligibilityRule(
    EligibilityRuleKind Kind,
    decimal? Amount = null,
    int? Year = null,
    int? Count = null,
    IReadOnlyList<Guid>? Calls = null
)
{
    /// <summary>The key of the rule as an item of the formal check.</summary>
    public string Key => "Rule:" + Kind;

    /// <summary>The rule with its parameters checked: an amount and a year for income, a count for counties and
    /// employees, at least one call for the call lists.</summary>
    public EligibilityRule Validated(int index)
    {
        var field = $"Rules[{index}]";
        switch (Kind)
        {
            case EligibilityRuleKind.MinimumIncome:
                Guard.NonNegativeAmount(
                    Amount ?? throw new DomainException("Required", field + ".Amount"),
                    field + ".Amount"
                );
                if (Year is not (>= 1990 and <= 2100))
                    throw new DomainException("YearRange", field + ".Year", "1990", "2100");
                return this with { Count = null, Calls = null };
            case EligibilityRuleKind.CountiesAtLeast or EligibilityRuleKind.EmployeesAtLeast:
                if (Count is not (>= 1 and <= 10_000))
                    throw new DomainException("CountRange", field + ".Count");
                return this with { Amount = null, Year = null, Calls = null };
            case EligibilityRuleKind.NotFundedByCalls or EligibilityRuleKind.OneApplicationAcrossCalls:
                if (Calls is not { Count: > 0 })
                    throw new DomainException("Required", field + ".Calls");
                return this with { Amount = null, Year = null, Count = null, Calls = [.. Calls.Distinct()] };
            default:
                return this with { Amount = null, Year = null, Count = null, Calls = null };
        }
    }

    /// <summary>What the applicant's declaration says of the rule. The officer confirms or overrides it in the formal
    /// check from the registers; an answer left out fails.</summary>
    public Assessment Assess(EligibilityDeclaration declaration) =>
        Kind switch
        {
            EligibilityRuleKind.NgoMark => Yes(declaration.NgoMark, "Eligibility.NoNgoMark"),
            EligibilityRuleKind.NotInLiquidation => Yes(
                declaration.InLiquidation is { } liquidation ? !liquidation : null,
                "Eligibility.InLiquidation"
            ),
            EligibilityRuleKind.ReliableTaxpayer => Yes(
                declaration.ReliableTaxpayer,
                "Eligibility.NotReliableTaxpayer"
            ),
            EligibilityRuleKind.MinimumIncome => declaration.Income is { } income
                ? income >= Amount
                    ? new Assessment(CheckMark.Passed)
                    : new Assessment(CheckMark.Failed, "Eligibility.IncomeBelow", [Year!.Value, income, Amount!.Value])
                : new Assessment(CheckMark.Failed, "Eligibility.NotDeclared"),
            EligibilityRuleKind.CountiesAtLeast => AtLeast(declaration.Counties, "Eligibility.CountiesBelow"),
            EligibilityRuleKind.EmployeesAtLeast => AtLeast(declaration.Employees, "Eligibility.EmployeesBelow"),
            EligibilityRuleKind.NotFundedByCalls => Yes(
                declaration.FundedByNamedCalls is { } funded ? !funded : null,
                "Eligibility.FundedElsewhere"
            ),
            // Enforced when the application is made: a second one never exists.
            EligibilityRuleKind.OneApplicationAcrossCalls => new Assessment(CheckMark.Passed),
            _ => new Assessment(CheckMark.Failed, "Eligibility.NotDeclared"),
        };

    /// <summary>The declaration answers this rule needs, as field names of <see cref="EligibilityDeclaration"/>.</summary>
    public IEnumerable<string> DeclarationFields() =>
        Kind switch
        {
            EligibilityRuleKind.NgoMark => [nameof(EligibilityDeclaration.NgoMark)],
            EligibilityRuleKind.NotInLiquidation => [nameof(EligibilityDeclaration.InLiquidation)],
            EligibilityRuleKind.ReliableTaxpayer => [nameof(EligibilityDeclaration.ReliableTaxpayer)],
            EligibilityRuleKind.MinimumIncome => [nameof(EligibilityDeclaration.Income)],
            EligibilityRuleKind.CountiesAtLeast => [nameof(EligibilityDeclaration.Counties)],
            EligibilityRuleKind.EmployeesAtLeast => [nameof(EligibilityDeclaration.Employees)],
            EligibilityRuleKind.NotFundedByCalls => [nameof(EligibilityDeclaration.FundedByNamedCalls)],
            _ => [],
        };

    private static Assessment Yes(bool? answer, string reason) =>
        answer switch
        {
            true => new Assessment(CheckMark.Passed),
            false => new Assessment(CheckMark.Failed, reason),
            null => new Assessment(CheckMark.Failed, "Eligibility.NotDeclared"),
        };

    private Assessment AtLeast(int? declared, string reason) =>
        declared is { } value
            ? value >= Count
                ? new Assessment(CheckMark.Passed)
                : new Assessment(CheckMark.Failed, reason, [value, Count!.Value])
            : new Assessment(CheckMark.Failed, "Eligibility.NotDeclared");
}
