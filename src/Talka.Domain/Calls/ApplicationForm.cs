using System.Globalization;
using System.Text.RegularExpressions;
using Talka.Domain.Common;

namespace Talka.Domain.Calls;

/// <summary>The parts of the plan a call may require an application to fill in (the title and the period always
/// are).</summary>
public enum ApplicationSection
{
    Goal,
    Objectives,
    Activities,
    TargetGroups,
    Municipalities,
    Partners,
    Indicators,
    Budget,
}

/// <summary>A document every application must attach (the organisation's statutes, its financial statements, a
/// partnership agreement): a key the formal check marks, and the title the applicant reads.</summary>
public sealed record RequiredAttachment(string Key, string Title);

/// <summary>
/// A call as a form: when applications are taken (Vilnius wall-clock times; the department's calls close at 17:00),
/// the cap that shortens the deadline once reached, how applications are numbered, the eligibility rules, the
/// attachments and the sections every application must have, and how long a clarification may take.
/// </summary>
/// <param name="Opens">When submission opens, Vilnius time.</param>
/// <param name="Closes">When submission closes, Vilnius time; its time of day is also the closing hour of a deadline
/// moved by the cap.</param>
/// <param name="Cap">The number of applications after which the deadline moves to the closing hour of the next working
/// day; none if null.</param>
/// <param name="CapReachedAt">When the cap was reached and announced (Vilnius time); set by the submission that
/// reaches it.</param>
/// <param name="NumberPattern">How submitted applications are numbered: {year} is the call's year and {number} (or
/// {number:0000}, padded) the order of first submission, e.g. NVOK-{year}-{number:0000}.</param>
public sealed record ApplicationForm(
    DateTime Opens,
    DateTime Closes,
    int? Cap,
    DateTime? CapReachedAt,
    string NumberPattern,
    IReadOnlyList<EligibilityRule> Rules,
    IReadOnlyList<RequiredAttachment> Attachments,
    IReadOnlyList<ApplicationSection> Sections,
    int ClarificationWorkingDays = 5,
    DateOnly? LastFormalCheckDay = null
)
{
    public const string DefaultNumberPattern = "{year}-{number:0000}";

    private static readonly Regex Token = new(@"\{(year|number)(?::(0{1,8}))?\}", RegexOptions.CultureInvariant);

    /// <summary>The deadline in force: the closing time, or the closing hour of the first working day after the day
    /// the cap was reached, whichever is earlier.</summary>
    public DateTime Deadline
    {
        get
        {
            if (CapReachedAt is not { } reached)
                return Closes;
            var moved = LithuanianCalendar
                .NextWorkingDay(DateOnly.FromDateTime(reached))
                .ToDateTime(TimeOnly.FromDateTime(Closes));
            return moved < Closes ? moved : Closes;
        }
    }

    /// <summary>Whether a submission at this Vilnius time is on time: from the opening to the deadline, its last second
    /// included (17:00:00 is on time, 17:00:01 is not).</summary>
    public bool AcceptsAt(DateTime vilnius) => vilnius >= Opens && vilnius < Deadline.AddSeconds(1);

    /// <summary>The links to other calls where an organisation may apply only once across them all.</summary>
    public IReadOnlyList<Guid> LinkedCalls =>
        [.. Rules.Where(r => r.Kind == EligibilityRuleKind.OneApplicationAcrossCalls).SelectMany(r => r.Calls ?? [])];

    /// <summary>The number of the application submitted <paramref name="order"/>-th in a call of the year.</summary>
    public string Number(int year, int order) =>
        Token.Replace(
            NumberPattern,
            m =>
                m.Groups[1].Value == "year"
                    ? year.ToString(CultureInfo.InvariantCulture)
                    : order.ToString(m.Groups[2].Success ? m.Groups[2].Value : "0", CultureInfo.InvariantCulture)
        );

    /// <summary>The form with every value checked and trimmed; a broken rule names its field.</summary>
    public ApplicationForm Validated()
    {
        if (Closes <= Opens)
            throw new DomainException("PeriodEndBeforeStart", nameof(Closes));
        if (Cap is < 1)
            throw new DomainException("CountRange", nameof(Cap));
        var pattern = Guard.Required(NumberPattern, nameof(NumberPattern), 60);
        if (!pattern.Contains("{number", StringComparison.Ordinal) || Token.Replace(pattern, "").Contains('{'))
            throw new DomainException("NumberPatternInvalid", nameof(NumberPattern));
        if (ClarificationWorkingDays is < 1 or > 60)
            throw new DomainException("CountRange", nameof(ClarificationWorkingDays));
        var rules = Rules.Select((r, i) => r.Validated(i)).ToList();
        if (rules.GroupBy(r => r.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("RuleTwice", $"Rules[{rules.FindLastIndex(r => r.Kind == twice.Key)}]");
        var attachments = Attachments
            .Select(
                (a, i) =>
                    new RequiredAttachment(
                        Guard.Required(a.Key, $"Attachments[{i}].Key", 40),
                        Guard.Required(a.Title, $"Attachments[{i}].Title", 200)
                    )
            )
            .ToList();
        if (attachments.GroupBy(a => a.Key).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new DomainException(
                "AttachmentTwice",
                $"Attachments[{attachments.FindLastIndex(a => a.Key == same.Key)}].Key"
            );
        return this with
        {
            NumberPattern = pattern,
            Rules = rules,
            Attachments = attachments,
            Sections = [.. Sections.Distinct().Order()],
        };
    }
}
