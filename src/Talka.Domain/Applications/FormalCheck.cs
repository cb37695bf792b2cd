using Talka.Domain.Calls;

namespace Talka.Domain.Applications;

/// <summary>An officer's mark on one item of the formal check (an eligibility rule, "Rule:MinimumIncome", or an
/// attachment, "Attachment:Statutes"). A rule left unmarked takes what the applicant's declaration says of it; the
/// note is the reason the applicant reads, the internal note stays with the funder.</summary>
public sealed record CheckEntry(string Item, CheckMark? Mark, string? Note = null, string? InternalNote = null);

/// <summary>An item's final mark in a decided formal check, with the reason the applicant reads: the officer's note,
/// or a text key with its values already written out.</summary>
public sealed record CheckOutcome(
    string Item,
    CheckMark Mark,
    string? Note,
    string? Reason,
    IReadOnlyList<string> Args,
    string? InternalNote
);
