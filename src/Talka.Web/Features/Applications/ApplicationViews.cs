using Talka.Domain.Applications;
using Talka.Domain.Calls;

namespace Talka.Web.Features.Applications;

/// <summary>A call's form as everyone reads it: the window, the deadline in force (moved when the cap was reached),
/// the rules, attachments and sections, and whether it takes applications now.</summary>
public sealed record CallFormView(
    Guid CallId,
    string Call,
    ApplicationForm Form,
    DateTime Deadline,
    bool Open,
    IReadOnlyList<string> RuleTexts,
    int Received
);

/// <summary>A partner named in an application: its organisation, legal entity code and role.</summary>
public sealed record ApplicationPartnerView(Guid OrganisationId, string Name, string? Code, string Role);

/// <summary>One attached document in the draft.</summary>
public sealed record AttachmentRow(Guid Id, string Key, string FileName, long Size, DateTime UploadedAt);

/// <summary>One submitted version.</summary>
public sealed record VersionRow(int Number, DateTime SubmittedAt, string SubmittedBy);

/// <summary>A clarification asked of the applicant: the items (as words), the message, the last day.</summary>
public sealed record ClarificationView(
    IReadOnlyList<string> Items,
    IReadOnlyList<string> Labels,
    string Message,
    DateOnly Due
);

/// <summary>An item of the decided formal check: its mark and the reason the applicant reads; the internal note only
/// for the funder.</summary>
public sealed record OutcomeView(string Item, string Label, CheckMark Mark, string? Reason, string? InternalNote);

/// <summary>An application as its reader may see it. Marks and internal notes are filled for the funder only.</summary>
public sealed record ApplicationView(
    Guid Id,
    Guid CallId,
    string Call,
    Guid ApplicantId,
    string Applicant,
    string? Number,
    string Title,
    ApplicationStatus Status,
    int Version,
    ApplicationContent Content,
    IReadOnlyList<ApplicationPartnerView> Partners,
    decimal Requested,
    decimal CoFinancing,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> MissingLabels,
    IReadOnlyList<AttachmentRow> Attachments,
    IReadOnlyList<VersionRow> Versions,
    ClarificationView? Clarification,
    IReadOnlyList<OutcomeView> Outcomes,
    IReadOnlyList<CheckEntry>? Marks,
    DateTime? Deadline,
    bool MayEdit,
    bool MaySubmit,
    bool MayWithdraw,
    bool MayCheck,
    bool MayFund,
    SelectionDecision? Decision = null
);

/// <summary>What the approved ranking decided for the application: funded with the amount, on the reserve list with
/// its place, or not funded with the score; the decision's reference and the last day to appeal.</summary>
public sealed record SelectionDecision(
    ApplicationStatus Status,
    decimal? FinalScore,
    decimal? Awarded,
    int? ReserveRank,
    string Reference,
    DateOnly? AppealUntil
);

/// <summary>One submitted version with what changed since the one before (item keys and words).</summary>
public sealed record VersionView(
    int Number,
    DateTime SubmittedAt,
    string SubmittedBy,
    ApplicationContent Content,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> ChangedLabels
);

/// <summary>A line of a call's list of applications.</summary>
public sealed record ApplicationRow(
    Guid Id,
    string? Number,
    Guid ApplicantId,
    string Applicant,
    string Title,
    decimal Requested,
    ApplicationStatus Status,
    DateTime? SubmittedAt
);

/// <summary>A line of the public register of received applications, published when the call closes.</summary>
public sealed record RegisterRow(
    string Number,
    string Applicant,
    string Title,
    decimal Requested,
    ApplicationStatus Status
);
