using Talka.Domain.Agreements;
using Talka.Domain.Payments;
using Talka.Domain.Reports;

namespace Talka.Web.Features.Payments;

/// <summary>A tranche as listed: its state computed from its rule and the records, and the report it waits
/// for.</summary>
public sealed record TrancheRow(
    Guid Id,
    int Number,
    decimal Amount,
    DateOnly PlannedOn,
    PaymentRule Rule,
    Guid? ReportId,
    TrancheState State,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateOnly? PaidOn,
    string? PaymentOrder,
    string? CancelReason,
    int Version
);

/// <summary>The agreement as the payments page shows it.</summary>
public sealed record AgreementSummary(
    Guid Id,
    string? Number,
    AgreementStatus Status,
    DateOnly? SignedOn,
    string? Signatories,
    DateOnly? TerminatedOn,
    string? TerminationReason,
    decimal? Granted,
    int Version,
    DateOnly? SettledOn = null,
    DateOnly? ClosedOn = null
);

/// <summary>A report of the project a tranche can wait for.</summary>
public sealed record ReportOption(
    Guid Id,
    ReportKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Due,
    ReportStatus Status
);

/// <summary>A project's payments: the agreement (with its signed copies), the grant and what is paid, approved,
/// planned and still available, the tranches, and what the viewer may do.</summary>
public sealed record ProjectPayments(
    Guid ProjectId,
    string Project,
    AgreementSummary? Agreement,
    decimal Granted,
    decimal Paid,
    decimal Approved,
    decimal Planned,
    decimal Available,
    IReadOnlyList<TrancheRow> Tranches,
    IReadOnlyList<ReportOption> Reports,
    decimal AdvancePercent,
    bool CanManage,
    SettlementView? Settlement = null,
    IReadOnlyList<RecoveryRow>? Recoveries = null,
    IReadOnlyList<Amendment>? Amendments = null,
    bool CanRequest = false,
    IReadOnlyList<Evidence.EvidenceRow>? SignedCopies = null,
    IReadOnlyList<Projects.IndicatorView>? Indicators = null
);

/// <summary>An expense counted at closure, as the funder admits or disallows it.</summary>
public sealed record SettlementExpense(
    Guid Id,
    string Document,
    string Supplier,
    Domain.Finance.CostCategory Category,
    decimal Amount,
    string? DisallowedReason,
    int Version
);

/// <summary>The closure: the settlement (once the final report is approved), the expenses it counts, and whether and
/// when it was recorded.</summary>
public sealed record SettlementView(
    Settlement Computed,
    IReadOnlyList<SettlementExpense> Expenses,
    DateOnly? SettledOn,
    DateOnly? ClosedOn
);

/// <summary>A recovery order with its repayments.</summary>
public sealed record RecoveryRow(
    Guid Id,
    decimal Amount,
    DateOnly DueOn,
    decimal Repaid,
    decimal Outstanding,
    IReadOnlyList<Repayment> Repayments,
    DateOnly? CourtOn,
    string? CourtNote,
    string? WriteOffReason,
    bool Overdue,
    int Version
);

/// <summary>A tranche on the funder's payment list: eligible to approve, or approved and waiting to be paid.</summary>
public sealed record PaymentLine(
    Guid TrancheId,
    Guid ProjectId,
    string Project,
    string Organisation,
    string? OrganisationCode,
    string? AgreementNumber,
    int Number,
    decimal Amount,
    DateOnly PlannedOn,
    PaymentRule Rule,
    DateTimeOffset? ApprovedAt,
    int Version
);

/// <summary>A page of the payment list and the total of every line the filter takes (not only this page's).</summary>
public sealed record PaymentList(Organisations.Page<PaymentLine> Lines, decimal Total, TrancheState State);
