using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Reports;

namespace Talka.Web.Features.Payments;

/// <summary>What the agreement's text is made from: the parties, the call and its legal basis, the project, the
/// amount and its sources, the payment schedule, the reports owed, the day unused funds are returned by (the
/// call's), the call's own conditions (<see cref="AgreementTemplate"/>), the version in force and the signatures.
/// One partial (_AgreementDocument.cshtml) renders it for the page and the PDF.</summary>
public sealed record AgreementDocument(
    Guid ProjectId,
    string? Number,
    AgreementStatus Status,
    DateOnly? SignedOn,
    string? Signatories,
    string FundingBody,
    string Organisation,
    string? OrganisationCode,
    string Call,
    LegalAct? LegalBasis,
    string Project,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal? Granted,
    IReadOnlyList<AgreementFundingLine> Funding,
    decimal AdvancePercent,
    IReadOnlyList<TrancheRow> Tranches,
    IReadOnlyList<ReportOption> Reports,
    DateOnly ReturnBy,
    IReadOnlyList<string> CallTerms,
    int AgreementVersion
);
