using Talka.Domain.Agreements;

namespace Talka.Web.Features.Payments;

/// <summary>One version of an agreement: the original (version 1, from its signature) or the one an approved
/// amendment made, with what it changed (before and after).</summary>
public sealed record AgreementVersionRow(int Version, DateOnly? Since, Amendment? Amendment);

/// <summary>An agreement's versions, the one in force last; the plan, budget and indicators pages name it.</summary>
public sealed record AgreementVersions(
    Guid ProjectId,
    int InForce,
    DateOnly? Since,
    IReadOnlyList<AgreementVersionRow> Versions
);
