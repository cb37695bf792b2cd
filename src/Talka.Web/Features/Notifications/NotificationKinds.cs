namespace Talka.Web.Features.Notifications;

/// <summary>The kinds of notification; later features add theirs here (each with its texts "Notification.{kind}",
/// "NotificationKind.{kind}" and "Email.{kind}.*").</summary>
public static class NotificationKinds
{
    public const string ReportDueSoon = "ReportDueSoon";
    public const string ReportOverdue = "ReportOverdue";
    public const string ReportSubmitted = "ReportSubmitted";
    public const string ReportReturned = "ReportReturned";
    public const string ReportApproved = "ReportApproved";
    public const string ApplicationSubmitted = "ApplicationSubmitted";
    public const string ApplicationClarification = "ApplicationClarification";
    public const string ApplicationEligible = "ApplicationEligible";
    public const string ApplicationIneligible = "ApplicationIneligible";
    public const string ApplicationFunded = "ApplicationFunded";
    public const string ApplicationReserve = "ApplicationReserve";
    public const string ApplicationNotFunded = "ApplicationNotFunded";
    public const string EvaluationAssigned = "EvaluationAssigned";
    public const string EvaluationRecused = "EvaluationRecused";
    public const string EvaluationThirdOpen = "EvaluationThirdOpen";
    public const string TrancheEligible = "TrancheEligible";
    public const string TranchePaid = "TranchePaid";
    public const string AmendmentRequested = "AmendmentRequested";
    public const string AmendmentDecided = "AmendmentDecided";
    public const string RecoveryDueSoon = "RecoveryDueSoon";
    public const string RecoveryOverdue = "RecoveryOverdue";

    public static IReadOnlyList<string> All { get; } =
    [
        ReportDueSoon,
        ReportOverdue,
        ReportSubmitted,
        ReportReturned,
        ReportApproved,
        ApplicationSubmitted,
        ApplicationClarification,
        ApplicationEligible,
        ApplicationIneligible,
        ApplicationFunded,
        ApplicationReserve,
        ApplicationNotFunded,
        EvaluationAssigned,
        EvaluationRecused,
        EvaluationThirdOpen,
        TrancheEligible,
        TranchePaid,
        AmendmentRequested,
        AmendmentDecided,
        RecoveryDueSoon,
        RecoveryOverdue,
    ];
}
