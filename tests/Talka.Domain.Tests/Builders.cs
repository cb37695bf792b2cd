using Talka.Domain.Calls;

namespace Talka.Domain.Tests;

/// <summary>Test-data builders: each test states only the facts that matter to it.</summary>
public static class Build
{
    public static Call Call(decimal? min = 40_000m, decimal? max = 70_000m, decimal? total = 800_000m,
        DateOnly? start = null, DateOnly? end = null) =>
        new(Guid.NewGuid(), new CallDetails(Guid.NewGuid(), "Skėtinių organizacijų institucinis stiprinimas 2020", 2020,
            new LegalAct("A1-520", new DateOnly(2019, 9, 11), "Dėl nuostatų patvirtinimo"), total, min, max, null, null,
            start ?? new DateOnly(2020, 1, 1), end ?? new DateOnly(2020, 12, 31), FundingSource.StateBudget, ReportingRules.Default));
}
