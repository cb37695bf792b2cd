using Talka.Domain.Applications;
using Talka.Domain.Calls;

namespace Talka.Web.Features.Applications;

/// <summary>A call's form as a funder admin sets it. Times are Vilnius wall-clock times (the department's calls close
/// at 17:00).</summary>
public sealed record ApplicationFormInput(
    DateTime? Opens,
    DateTime? Closes,
    int? Cap,
    string? NumberPattern,
    IReadOnlyList<EligibilityRule>? Rules,
    IReadOnlyList<RequiredAttachment>? Attachments,
    IReadOnlyList<ApplicationSection>? Sections,
    int? ClarificationWorkingDays = null,
    DateOnly? LastFormalCheckDay = null
);

/// <summary>A new application: the applicant organisation (one its member belongs to) and, optionally, a first
/// draft.</summary>
public sealed record NewApplicationInput(Guid OrganisationId, ApplicationContent? Content = null);

/// <summary>A draft saved over the one read at <see cref="Version"/>.</summary>
public sealed record DraftInput(int Version, ApplicationContent Content);

/// <summary>The officer's marks; with <see cref="Decide"/> the formal check is decided on them.</summary>
public sealed record FormalCheckInput(IReadOnlyList<CheckEntry> Marks, bool Decide = false);

/// <summary>A clarification request: the items the applicant must change or add, the message, and the last day to
/// resubmit (by default the call's number of working days from today).</summary>
public sealed record ClarificationInput(IReadOnlyList<string> Items, string? Message, DateOnly? Due = null);
