using System.Text.Json;
using System.Text.Json.Serialization;
using Talka.Domain.Calls;
using Talka.Domain.Common;

namespace Talka.Domain.Applications;

/// <remarks>Stored by name: new states go anywhere.</remarks>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    ClarificationRequested,
    Eligible,
    Ineligible,
    Evaluated,
    Funded,
    Reserve,
    Rejected,
    Withdrawn,
}

/// <summary>
/// An application (paraiška) to a call. The applicant drafts it (saved as often as they like), submits it before the
/// deadline once nothing is missing (each submission an immutable numbered <see cref="ApplicationVersion"/>), and may
/// withdraw it until evaluation starts. The funder's officer checks its formal compliance: item by item, with a
/// clarification request that returns it to the applicant for the named items only, and a result — eligible, or
/// ineligible with the reasons the applicant reads. Applications transcribed with a project (the seeds') hold only a
/// number and a title.
/// </summary>
public sealed class Application : IVersioned
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<ApplicationPartner> _partners = [];

    private Application()
    {
        Title = "";
    }

    public Application(Guid callId, Guid applicantId, string? number, string title, ApplicationStatus status)
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        ApplicantId = applicantId;
        Number = Guard.Optional(number, nameof(Number), 100);
        Title = Guard.Required(title, nameof(Title), 500);
        Status = status;
    }

    /// <summary>A new draft of the organisation's application to the call.</summary>
    public static Application Draft(Guid callId, Guid applicantId, ApplicationContent content, DateTime utcNow)
    {
        var application = new Application
        {
            Id = Guid.CreateVersion7(),
            CallId = callId,
            ApplicantId = applicantId,
            Status = ApplicationStatus.Draft,
            CreatedAt = utcNow,
        };
        application.Store(content);
        return application;
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public Guid ApplicantId { get; private set; }
    public string? Number { get; private set; }
    public string Title { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public IReadOnlyList<ApplicationPartner> Partners => _partners;
    public int Version { get; set; }
    public DateTime? CreatedAt { get; private set; }

    /// <summary>The draft as JSON (<see cref="Content"/>); empty for a transcribed application.</summary>
    public string ContentJson { get; private set; } = "";

    /// <summary>How many times it was submitted: the number of its versions.</summary>
    public int Submissions { get; private set; }

    /// <summary>The first submission, in UTC: the order of submission breaks ties later.</summary>
    public DateTime? FirstSubmittedAt { get; private set; }
    public DateTime? LastSubmittedAt { get; private set; }

    /// <summary>The items a clarification asks for, comma-separated.</summary>
    public string ClarificationItemList { get; private set; } = "";
    public string? ClarificationMessage { get; private set; }

    /// <summary>The last day (Vilnius) to resubmit after a clarification request.</summary>
    public DateOnly? ClarificationDue { get; private set; }

    /// <summary>The officer's marks while the formal check is open (<see cref="CheckEntries"/>), as JSON.</summary>
    public string CheckJson { get; private set; } = "";

    /// <summary>The decided formal check (<see cref="Outcomes"/>), as JSON; empty until decided.</summary>
    public string OutcomeJson { get; private set; } = "";
    public DateTime? DecidedAt { get; private set; }

    public ApplicationContent Content =>
        ContentJson.Length == 0
            ? ApplicationContent.Empty with
            {
                Plan = ApplicationContent.Empty.Plan with { Title = Title },
            }
            : JsonSerializer.Deserialize<ApplicationContent>(ContentJson, Json)!;

    public IReadOnlyList<string> ClarificationItems =>
        ClarificationItemList.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<CheckEntry> CheckEntries =>
        CheckJson.Length == 0 ? [] : JsonSerializer.Deserialize<List<CheckEntry>>(CheckJson, Json)!;

    public IReadOnlyList<CheckOutcome> Outcomes =>
        OutcomeJson.Length == 0 ? [] : JsonSerializer.Deserialize<List<CheckOutcome>>(OutcomeJson, Json)!;

    /// <summary>Whether the applicant may change the draft now.</summary>
    public bool Editable => Status is ApplicationStatus.Draft or ApplicationStatus.ClarificationRequested;

    /// <summary>Saves the draft (already <see cref="ApplicationContent.Validated"/>). During a clarification only the
    /// items asked for may change, against the last submitted version.</summary>
    public void Revise(ApplicationContent content, ApplicationContent? lastSubmitted)
    {
        if (!Editable)
            throw new DomainException("ApplicationNotEditable", null);
        if (Status == ApplicationStatus.ClarificationRequested && lastSubmitted is not null)
        {
            var outside = ApplicationContent
                .Changed(lastSubmitted, content)
                .Where(c => !ClarificationItems.Contains(c))
                .ToList();
            if (outside.Count > 0)
                throw new DomainException("OnlyRequestedItems", outside[0]);
        }
        Store(content);
    }

    /// <summary>Whether an attachment of the key may be added or replaced now.</summary>
    public void EnsureAttachmentEditable(string key)
    {
        if (!Editable)
            throw new DomainException("ApplicationNotEditable", null);
        if (Status == ApplicationStatus.ClarificationRequested && !ClarificationItems.Contains("Attachment:" + key))
            throw new DomainException("OnlyRequestedItems", "Attachment:" + key);
    }

    /// <summary>Submits the application: on time (before the call's deadline, or the clarification's last day), with
    /// nothing missing and the grant asked for within the call's bounds. The first submission takes the next number
    /// of the call. Returns the new version, which nothing changes afterwards.</summary>
    /// <param name="order">The application's place among the call's numbered applications, asked only on the first
    /// submission.</param>
    public ApplicationVersion Submit(
        Call call,
        ApplicationForm form,
        IReadOnlyCollection<string> attached,
        DateTime vilniusNow,
        DateTime utcNow,
        Func<int> order,
        string submittedBy,
        string attachmentsJson
    )
    {
        var content = Content;
        switch (Status)
        {
            case ApplicationStatus.Draft when !form.AcceptsAt(vilniusNow):
                throw new DomainException(vilniusNow < form.Opens ? "CallNotOpen" : "CallClosed", null, form.Deadline);
            case ApplicationStatus.ClarificationRequested when DateOnly.FromDateTime(vilniusNow) > ClarificationDue:
                throw new DomainException("ClarificationOverdue", null, ClarificationDue!.Value);
            case ApplicationStatus.Draft or ApplicationStatus.ClarificationRequested:
                break;
            default:
                throw new DomainException("ApplicationNotEditable", null);
        }
        var missing = content.Missing(form, attached);
        if (missing.Count > 0)
            throw new DomainException("ApplicationIncomplete", missing[0], missing.Count);
        var requested = content.Requested;
        if (requested < call.MinGrant || requested > call.MaxGrant)
            throw new DomainException(
                "RequestedOutOfBounds",
                "Budget",
                requested,
                call.MinGrant ?? 0m,
                call.MaxGrant ?? Guard.MaxAmount
            );
        Number ??= form.Number(call.Year, order());
        Submissions++;
        FirstSubmittedAt ??= utcNow;
        LastSubmittedAt = utcNow;
        Status = ApplicationStatus.Submitted;
        ClarificationItemList = "";
        ClarificationMessage = null;
        ClarificationDue = null;
        return new ApplicationVersion(Id, Submissions, utcNow, submittedBy, ContentJson, attachmentsJson);
    }

    /// <summary>Withdraws the application: possible until evaluation starts.</summary>
    public void Withdraw()
    {
        if (
            Status
            is not (
                ApplicationStatus.Draft
                or ApplicationStatus.Submitted
                or ApplicationStatus.ClarificationRequested
                or ApplicationStatus.Eligible
                or ApplicationStatus.Reserve
            )
        )
            throw new DomainException("CannotWithdraw", null);
        Status = ApplicationStatus.Withdrawn;
    }

    /// <summary>The items the formal check marks: each eligibility rule and each required attachment.</summary>
    public static IReadOnlyList<string> CheckItems(ApplicationForm form) =>
        [.. form.Rules.Select(r => r.Key), .. form.Attachments.Select(a => "Attachment:" + a.Key)];

    /// <summary>What a clarification may ask for: the formal check's items, then the parts of the application (each
    /// key one <see cref="ApplicationContent.Changed"/> reports).</summary>
    public static IReadOnlyList<string> ClarifiableItems(ApplicationForm form) =>
        [.. CheckItems(form), "Title", "Summary", .. Enum.GetNames<ApplicationSection>(), "Period", "Declaration"];

    /// <summary>Records the officer's marks (a submitted application; the check is open until decided).</summary>
    public void RecordCheck(ApplicationForm form, IReadOnlyList<CheckEntry> entries)
    {
        if (Status != ApplicationStatus.Submitted)
            throw new DomainException("NotAwaitingCheck", null);
        var items = CheckItems(form);
        var clean = new List<CheckEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!items.Contains(entry.Item))
                throw new DomainException("UnknownCheckItem", $"Marks[{i}].Item", entry.Item ?? "");
            if (clean.Any(c => c.Item == entry.Item))
                throw new DomainException("CheckItemTwice", $"Marks[{i}].Item", entry.Item);
            clean.Add(
                new CheckEntry(
                    entry.Item,
                    entry.Mark,
                    Guard.Optional(entry.Note, $"Marks[{i}].Note", 2000),
                    Guard.Optional(entry.InternalNote, $"Marks[{i}].InternalNote", 2000)
                )
            );
            if (entry.Mark == CheckMark.Failed && clean[^1].Note is null && entry.Item.StartsWith("Attachment:"))
                throw new DomainException("FailedNeedsNote", $"Marks[{i}].Note");
        }
        CheckJson = JsonSerializer.Serialize(clean, Json);
    }

    /// <summary>Returns the application to the applicant for the named items, to be resubmitted by the day given
    /// (by default <see cref="ApplicationForm.ClarificationWorkingDays"/> working days from today).</summary>
    public void RequestClarification(
        ApplicationForm form,
        IReadOnlyList<string> items,
        string? message,
        DateOnly today,
        DateOnly? due = null
    )
    {
        if (Status != ApplicationStatus.Submitted)
            throw new DomainException("NotAwaitingCheck", null);
        if (items.Count == 0)
            throw new DomainException("Required", "Items");
        var known = ClarifiableItems(form).ToHashSet();
        for (var i = 0; i < items.Count; i++)
            if (!known.Contains(items[i]))
                throw new DomainException("UnknownCheckItem", $"Items[{i}]", items[i]);
        var deadline = due ?? LithuanianCalendar.AddWorkingDays(today, form.ClarificationWorkingDays);
        if (deadline <= today)
            throw new DomainException("DueNotAfterToday", "Due");
        ClarificationItemList = string.Join(",", items.Distinct());
        ClarificationMessage = Guard.Required(message, "Message", 4000);
        ClarificationDue = deadline;
        Status = ApplicationStatus.ClarificationRequested;
    }

    /// <summary>Decides the formal check: every item takes the officer's mark, or for a rule left unmarked what the
    /// applicant's declaration says of it, or for an attachment left unmarked "passed" (it was attached to be
    /// submitted). Eligible when nothing failed; ineligible otherwise, with each failure's reason.</summary>
    /// <param name="write">Writes a value of a reason (an amount as "999,99 €") as the applicant reads it.</param>
    public void Decide(ApplicationForm form, DateTime utcNow, Func<object, string> write)
    {
        if (Status != ApplicationStatus.Submitted)
            throw new DomainException("NotAwaitingCheck", null);
        var marks = CheckEntries.ToDictionary(e => e.Item);
        var declaration = Content.Declaration;
        var outcomes = new List<CheckOutcome>();
        foreach (var rule in form.Rules)
        {
            marks.TryGetValue(rule.Key, out var entry);
            var assessed = rule.Assess(declaration);
            var mark = entry?.Mark ?? assessed.Mark;
            var own = entry?.Mark is not null;
            outcomes.Add(
                new CheckOutcome(
                    rule.Key,
                    mark,
                    entry?.Note,
                    mark == CheckMark.Failed && !own ? assessed.Reason : null,
                    mark == CheckMark.Failed && !own ? [.. (assessed.Args ?? []).Select(write)] : [],
                    entry?.InternalNote
                )
            );
        }
        foreach (var attachment in form.Attachments)
        {
            var key = "Attachment:" + attachment.Key;
            marks.TryGetValue(key, out var entry);
            outcomes.Add(
                new CheckOutcome(key, entry?.Mark ?? CheckMark.Passed, entry?.Note, null, [], entry?.InternalNote)
            );
        }
        OutcomeJson = JsonSerializer.Serialize(outcomes, Json);
        DecidedAt = utcNow;
        Status = outcomes.Any(o => o.Mark == CheckMark.Failed)
            ? ApplicationStatus.Ineligible
            : ApplicationStatus.Eligible;
    }

    /// <summary>Marks an eligible application funded: its plan, budget and partners become a project's (the
    /// selection decides which applications; until it exists, a funder admin does).</summary>
    public void Fund()
    {
        if (Status is not (ApplicationStatus.Eligible or ApplicationStatus.Reserve))
            throw new DomainException("FundOnlyEligible", null);
        Status = ApplicationStatus.Funded;
    }

    /// <summary>The final score of the expert evaluation.</summary>
    public decimal? FinalScore { get; private set; }

    /// <summary>The amount awarded by the approved ranking (less than requested when funded partially).</summary>
    public decimal? Awarded { get; private set; }
    public int? ReserveRank { get; private set; }

    /// <summary>The decision that placed the application ("A1-123, 2027-03-01"), and the last day to appeal it.</summary>
    public string? DecisionReference { get; private set; }
    public DateOnly? AppealUntil { get; private set; }

    /// <summary>Takes the place an approved ranking gives: funded (with the amount), on the reserve list (with its
    /// place) or not funded. An application funded by an earlier version keeps its award. Returns whether the place
    /// changed (the applicant is then told).</summary>
    public bool Place(Evaluation.RankedLine line, string decisionReference, DateOnly appealUntil)
    {
        var funded = line.Decision is Evaluation.RankingDecision.Funded or Evaluation.RankingDecision.PartiallyFunded;
        if (Status == ApplicationStatus.Funded)
        {
            if (!funded || line.Awarded < Awarded)
                throw new DomainException("RankingTakesAwardBack", null, Number ?? Title);
            if (line.Awarded == Awarded)
                return false;
        }
        else if (Status is not (ApplicationStatus.Eligible or ApplicationStatus.Reserve or ApplicationStatus.Rejected))
            throw new DomainException("NotRankable", null, Number ?? Title);
        var status = line.Decision switch
        {
            // Funded by the caller's conversion into a project (Fund); one below an earlier minimum waits as reserve.
            _ when funded => Status == ApplicationStatus.Rejected ? ApplicationStatus.Reserve : Status,
            Evaluation.RankingDecision.Reserve => ApplicationStatus.Reserve,
            _ => ApplicationStatus.Rejected,
        };
        var awarded = funded ? line.Awarded : (decimal?)null;
        if (!funded && status == Status && ReserveRank == line.ReserveRank && FinalScore == line.Score)
            return false;
        FinalScore = line.Score;
        Awarded = awarded;
        ReserveRank = line.ReserveRank;
        DecisionReference = decisionReference;
        AppealUntil = appealUntil;
        Status = status;
        return true;
    }

    public void AddPartner(Guid organisationId)
    {
        if (organisationId == ApplicantId)
            throw new DomainException("PartnerIsApplicant", "Partners");
        if (_partners.All(p => p.OrganisationId != organisationId))
            _partners.Add(new ApplicationPartner(Id, organisationId));
    }

    private void Store(ApplicationContent content)
    {
        Title = content.Plan.Title;
        ContentJson = JsonSerializer.Serialize(content, Json);
        // The partners as records too: who may not evaluate the application is asked of them.
        var partners = content.Partners.Select(p => p.OrganisationId).ToList();
        if (partners.Contains(ApplicantId))
            throw new DomainException("PartnerIsApplicant", "Partners");
        _partners.RemoveAll(p => !partners.Contains(p.OrganisationId));
        foreach (var partner in partners)
            AddPartner(partner);
    }
}

public sealed class ApplicationPartner
{
    private ApplicationPartner() { }

    internal ApplicationPartner(Guid applicationId, Guid organisationId)
    {
        ApplicationId = applicationId;
        OrganisationId = organisationId;
    }

    public Guid ApplicationId { get; private set; }
    public Guid OrganisationId { get; private set; }
}

/// <summary>One submission of an application, as submitted: never changed afterwards.</summary>
public sealed class ApplicationVersion
{
    private ApplicationVersion()
    {
        SubmittedBy = "";
        ContentJson = "";
        AttachmentsJson = "";
    }

    internal ApplicationVersion(
        Guid applicationId,
        int number,
        DateTime submittedAt,
        string submittedBy,
        string contentJson,
        string attachmentsJson
    )
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Number = number;
        SubmittedAt = submittedAt;
        SubmittedBy = submittedBy;
        ContentJson = contentJson;
        AttachmentsJson = attachmentsJson;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int Number { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; }
    public string ContentJson { get; private set; }

    /// <summary>The attachments as submitted: key, file name and SHA-256 of each, as JSON.</summary>
    public string AttachmentsJson { get; private set; }

    public ApplicationContent Content => JsonSerializer.Deserialize<ApplicationContent>(ContentJson, Application.Json)!;
}
