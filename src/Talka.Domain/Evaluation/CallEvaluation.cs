using System.Text.Json;
using Talka.Domain.Common;

namespace Talka.Domain.Evaluation;

/// <summary>
/// How a call's applications are evaluated: its criteria, the council decision that approved them, the settings
/// (<see cref="EvaluationSettings"/>), the impartiality and confidentiality declaration each expert signs before seeing
/// an application, and the months an applicant has to appeal a decision (one, the Law on Administrative Proceedings'
/// default).
/// </summary>
public sealed record CallEvaluation(
    IReadOnlyList<Criterion> Criteria,
    string? CouncilDecisionNumber,
    DateOnly? CouncilDecisionDate,
    EvaluationSettings Settings,
    string DeclarationText,
    int AppealMonths = 1
)
{
    public const string DefaultDeclaration =
        "Pareiškiu, kad neturiu interesų konflikto su pareiškėju ir jo partneriais: nesu jų darbuotojas, narys ar "
        + "valdymo organo narys, neturiu su jais finansinių ar asmeninių ryšių. Įsipareigoju paraiškos turinio ir "
        + "vertinimo informacijos niekam neatskleisti ir vertinti nešališkai.";

    /// <summary>The maximum total: each criterion's maximum times its weight.</summary>
    public decimal MaximumTotal => Criteria.Sum(c => c.MaxPoints * c.Weight);

    /// <summary>The evaluation checked; the minimum score defaults to half the maximum total and the partial-funding
    /// floor to the call's minimum grant, below which it may not go.</summary>
    public CallEvaluation Validated(decimal? minimumGrant)
    {
        if (Criteria.Count == 0)
            throw new DomainException("Required", nameof(Criteria));
        var criteria = new List<Criterion>();
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i] ?? throw new DomainException("Required", $"Criteria[{i}]");
            var code = Guard.Required(c.Code, $"Criteria[{i}].Code", 20);
            if (criteria.Any(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)))
                throw new DomainException("CriterionTwice", $"Criteria[{i}].Code", code);
            if (c.MaxPoints is <= 0 or > 1000)
                throw new DomainException("MaxPointsRange", $"Criteria[{i}].MaxPoints");
            if (c.Weight is <= 0 or > 100)
                throw new DomainException("WeightRange", $"Criteria[{i}].Weight");
            criteria.Add(
                new Criterion(
                    code,
                    Guard.Required(c.Title, $"Criteria[{i}].Title", 300),
                    Guard.Optional(c.Description, $"Criteria[{i}].Description", 2000),
                    c.MaxPoints,
                    c.Weight
                )
            );
        }
        var settings = (Settings ?? new EvaluationSettings()).Validated();
        var maximum = criteria.Sum(c => c.MaxPoints * c.Weight);
        if (settings.MinimumScore > maximum)
            throw new DomainException("MinimumAboveMaximum", "Settings.MinimumScore", LtFormat.Number(maximum));
        if (settings.TieBreakCriterion is { } tie && criteria.All(c => c.Code != tie))
            throw new DomainException("UnknownCriterion", "Settings.TieBreakCriterion", tie);
        if (settings.PartialFloor is { } floor && minimumGrant is { } min && floor < min)
            throw new DomainException("FloorBelowMinimumGrant", "Settings.PartialFloor", min);
        if ((CouncilDecisionNumber is null) != (CouncilDecisionDate is null))
            throw new DomainException(
                "Required",
                CouncilDecisionNumber is null ? "CouncilDecisionNumber" : "CouncilDecisionDate"
            );
        if (AppealMonths is < 0 or > 12)
            throw new DomainException("CountRange", nameof(AppealMonths));
        return new CallEvaluation(
            criteria,
            Guard.Optional(CouncilDecisionNumber, nameof(CouncilDecisionNumber), 100),
            CouncilDecisionDate,
            settings with
            {
                MinimumScore = settings.MinimumScore ?? Math.Round(maximum / 2m, 2),
                PartialFloor = settings.PartialFloor ?? minimumGrant,
            },
            Guard.Optional(DeclarationText, nameof(DeclarationText), 4000) ?? DefaultDeclaration,
            AppealMonths
        );
    }

    /// <summary>An expert's total: the points times each criterion's weight (always computed, never typed).</summary>
    public decimal Total(IEnumerable<CriterionScore> scores) =>
        scores.Sum(s => (s.Points ?? 0) * (Criteria.FirstOrDefault(c => c.Code == s.Code)?.Weight ?? 0));

    public string ToJson() => JsonSerializer.Serialize(this, Applications.Application.Json);

    public static CallEvaluation? FromJson(string json) =>
        json.Length == 0 ? null : JsonSerializer.Deserialize<CallEvaluation>(json, Applications.Application.Json);
}
