using Talka.Domain.Common;

namespace Talka.Domain.Calls;

public enum FundingSource { StateBudget, EuStructuralFunds, MunicipalBudget, OwnFunds, Other }

/// <summary>A funding body (finansuojanti institucija). Its name can change; every name is kept.</summary>
public sealed class FundingBody
{
    private readonly List<FundingBodyName> _names = [];

    private FundingBody() { }

    public FundingBody(string name, DateOnly? nameValidFrom = null)
    {
        Id = Guid.CreateVersion7();
        _names.Add(new FundingBodyName(Id, Guard.Required(name, nameof(Name)), nameValidFrom));
    }

    public Guid Id { get; private set; }
    public IReadOnlyList<FundingBodyName> Names => _names;

    /// <summary>The latest name.</summary>
    public string Name => NameOn(DateOnly.MaxValue);

    /// <summary>The name the body had on a given day (the earliest known name before any record).</summary>
    public string NameOn(DateOnly day)
    {
        var ordered = _names.OrderBy(n => n.ValidFrom ?? DateOnly.MinValue).ToList();
        return (ordered.LastOrDefault(n => (n.ValidFrom ?? DateOnly.MinValue) <= day) ?? ordered[0]).Name;
    }

    public void Rename(string newName, DateOnly validFrom)
    {
        if (_names.Any(n => n.ValidFrom == validFrom)) throw new DomainException("NameDateTaken", "ValidFrom");
        _names.Add(new FundingBodyName(Id, Guard.Required(newName, nameof(Name)), validFrom));
    }
}

public sealed class FundingBodyName
{
    private FundingBodyName() { Name = ""; }

    internal FundingBodyName(Guid fundingBodyId, string name, DateOnly? validFrom)
    {
        Id = Guid.CreateVersion7();
        FundingBodyId = fundingBodyId;
        Name = name;
        ValidFrom = validFrom;
    }

    public Guid Id { get; private set; }
    public Guid FundingBodyId { get; private set; }
    public string Name { get; private set; }
    /// <summary>From when the name is in use; null for the first known name.</summary>
    public DateOnly? ValidFrom { get; private set; }
}

/// <summary>A programme (programa) run by a funding body; calls are its rounds.</summary>
public sealed class Programme : IVersioned
{
    private Programme() { Title = ""; }

    public Programme(Guid fundingBodyId, string title, string? description)
    {
        Id = Guid.CreateVersion7();
        FundingBodyId = fundingBodyId;
        Title = Guard.Required(title, nameof(Title));
        Description = Guard.Optional(description, nameof(Description), 4000);
    }

    public Guid Id { get; private set; }
    public Guid FundingBodyId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int Version { get; set; }

    public void Update(Guid fundingBodyId, string title, string? description)
    {
        FundingBodyId = fundingBodyId;
        Title = Guard.Required(title, nameof(Title));
        Description = Guard.Optional(description, nameof(Description), 4000);
    }
}

/// <summary>The legal basis of a call: a minister's order (number, date, title).</summary>
public sealed record LegalAct(string Number, DateOnly Date, string Title)
{
    public static LegalAct Create(string? number, DateOnly? date, string? title) =>
        new(Guard.Required(number, "LegalActNumber", 50),
            date ?? throw new DomainException("Required", "LegalActDate"),
            Guard.Required(title, "LegalActTitle", 1000));
}

/// <summary>How a call's projects report. Defaults follow the ministry's project administration rules.</summary>
/// <param name="NarrativesRequired">Activity and final reports cannot be submitted while an activity's narrative is
/// empty.</param>
public sealed record ReportingRules(
    int MinutesPerAcademicHour, decimal HalfYearlyReportThreshold, decimal ReallocationThresholdPercent, bool NarrativesRequired = true)
{
    public static ReportingRules Default { get; } = new(45, 30_000m, 10m);

    public static ReportingRules Create(int minutesPerAcademicHour, decimal halfYearlyThreshold, decimal reallocationPercent,
        bool narrativesRequired = true)
    {
        if (minutesPerAcademicHour is < 1 or > 240) throw new DomainException("MinutesPerAcademicHourRange", nameof(MinutesPerAcademicHour));
        Guard.NonNegativeAmount(halfYearlyThreshold, nameof(HalfYearlyReportThreshold));
        if (reallocationPercent is < 0 or > 100) throw new DomainException("PercentRange", nameof(ReallocationThresholdPercent));
        return new(minutesPerAcademicHour, halfYearlyThreshold, reallocationPercent, narrativesRequired);
    }

    /// <summary>Activity reports are half-yearly when the project's state funding reaches the threshold, else annual.</summary>
    public bool HalfYearlyActivityReports(decimal stateFunding) => stateFunding >= HalfYearlyReportThreshold;
}

/// <summary>
/// A call for proposals (atrankos konkursas): one round of a programme. Amounts the source does not state
/// stay empty (null) rather than invented; when they are set, agreements are checked against them.
/// </summary>
public sealed class Call : IVersioned
{
    private Call() { Title = ""; Rules = ReportingRules.Default; }

    public Call(Guid programmeId, CallDetails details)
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programmeId;
        Rules = ReportingRules.Default;
        Title = "";
        Apply(details);
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Title { get; private set; }
    /// <summary>The body that runs this round and signs its agreements (a ministry's department, say).</summary>
    public Guid FundingBodyId { get; private set; }
    public int Year { get; private set; }
    public string? LegalActNumber { get; private set; }
    public DateOnly? LegalActDate { get; private set; }
    public string? LegalActTitle { get; private set; }
    /// <summary>The call's legal basis; unknown (null) only for calls transcribed from sources that do not state it.</summary>
    public LegalAct? LegalBasis => LegalActNumber is null ? null : new LegalAct(LegalActNumber, LegalActDate!.Value, LegalActTitle ?? "");
    public decimal? TotalBudget { get; private set; }
    public decimal? MinGrant { get; private set; }
    public decimal? MaxGrant { get; private set; }
    public DateOnly? ApplicationOpens { get; private set; }
    public DateOnly? ApplicationCloses { get; private set; }
    public DateOnly ProjectPeriodStart { get; private set; }
    public DateOnly ProjectPeriodEnd { get; private set; }
    public DateRange ProjectPeriod => new(ProjectPeriodStart, ProjectPeriodEnd);
    public FundingSource FundingSource { get; private set; }
    public ReportingRules Rules { get; private set; }
    /// <summary>The cost categories the call's budgets use, stored as their names; every category by default.</summary>
    public string CostCategoryList { get; private set; } = string.Join(",", Enum.GetNames<Finance.CostCategory>());
    public IReadOnlyList<Finance.CostCategory> CostCategories =>
        CostCategoryList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Finance.CostCategory>).ToList();

    /// <summary>The line every public page of the call's projects carries; the ministry's by default.</summary>
    public string PublicityLine { get; private set; } = DefaultPublicityLine;
    public int Version { get; set; }

    public const string DefaultPublicityLine = "Projektą finansuoja Lietuvos Respublikos socialinės apsaugos ir darbo ministerija";

    /// <summary>The call as a form (<see cref="ApplicationForm"/>), as JSON; empty while the call takes no
    /// applications in Talka.</summary>
    public string ApplicationFormJson { get; private set; } = "";

    public ApplicationForm? Form =>
        ApplicationFormJson.Length == 0
            ? null
            : System.Text.Json.JsonSerializer.Deserialize<ApplicationForm>(ApplicationFormJson, Applications.Application.Json);

    /// <summary>Sets the call's form; the moment its cap was reached is kept whatever the new form says.</summary>
    public ApplicationForm SetForm(ApplicationForm form)
    {
        var validated = form.Validated() with { CapReachedAt = Form?.CapReachedAt };
        if (validated.Opens.Year < 1990 || validated.Closes.Year > 2100)
            throw new DomainException("YearRange", nameof(ApplicationForm.Opens), "1990", "2100");
        ApplicationFormJson = System.Text.Json.JsonSerializer.Serialize(validated, Applications.Application.Json);
        return validated;
    }

    /// <summary>Announces that the cap is reached (once): the deadline moves to the closing hour of the next working
    /// day, if that is earlier.</summary>
    public void ReachCap(DateTime vilniusNow)
    {
        if (Form is not { CapReachedAt: null } form)
            return;
        ApplicationFormJson = System.Text.Json.JsonSerializer.Serialize(
            form with { CapReachedAt = vilniusNow },
            Applications.Application.Json
        );
    }

    /// <summary>The call's evaluation (<see cref="Evaluation.CallEvaluation"/>) as JSON; empty until set.</summary>
    public string EvaluationJson { get; private set; } = "";

    public Evaluation.CallEvaluation? Evaluation => Talka.Domain.Evaluation.CallEvaluation.FromJson(EvaluationJson);

    /// <summary>Sets the criteria and the evaluation settings, checked against the call's minimum grant.</summary>
    public Evaluation.CallEvaluation SetEvaluation(Evaluation.CallEvaluation evaluation)
    {
        var validated = evaluation.Validated(MinGrant);
        EvaluationJson = validated.ToJson();
        return validated;
    }

    /// <summary>The advance paid on the agreement's signature, in percent of the grant (SELECTION.md: 30 % by
    /// common practice).</summary>
    public decimal AdvancePercent { get; private set; } = DefaultAdvancePercent;

    public const decimal DefaultAdvancePercent = 30m;

    public void SetAdvancePercent(decimal percent)
    {
        if (percent is < 0 or > 100)
            throw new DomainException("PercentRange", nameof(AdvancePercent));
        if (decimal.Round(percent, 2) != percent)
            throw new DomainException("AmountCents", nameof(AdvancePercent));
        AdvancePercent = percent;
    }

    /// <summary>The month of the year after a project ends by which unused funds are returned (see
    /// <see cref="Payments.RecoveryDay"/>; January by default).</summary>
    public int RecoveryDueMonth { get; private set; } = Payments.RecoveryDay.Default.Month;

    /// <summary>The day of <see cref="RecoveryDueMonth"/> (the 10th by default).</summary>
    public int RecoveryDueDay { get; private set; } = Payments.RecoveryDay.Default.Day;

    public Payments.RecoveryDay RecoveryDay => Payments.RecoveryDay.Create(RecoveryDueMonth, RecoveryDueDay);

    public void SetRecoveryDay(Payments.RecoveryDay day)
    {
        RecoveryDueMonth = day.Month;
        RecoveryDueDay = day.Day;
    }

    /// <summary>The call's own agreement conditions (<see cref="Agreements.AgreementTemplate"/>); null when its
    /// agreements carry Talka's standard text only.</summary>
    public string? AgreementTerms { get; private set; }

    public void SetAgreementTerms(string? template) =>
        AgreementTerms = Agreements.AgreementTemplate.Validate(template, nameof(AgreementTerms));

    public void SetPublicityLine(string? line) => PublicityLine = Guard.Optional(line, nameof(PublicityLine), 500) ?? DefaultPublicityLine;

    public void Update(CallDetails details) => Apply(details);

    private void Apply(CallDetails d)
    {
        Title = Guard.Required(d.Title, nameof(Title));
        if (d.Year is < 1990 or > 2100) throw new DomainException("YearRange", nameof(Year), "1990", "2100");
        Year = d.Year;
        FundingBodyId = d.FundingBodyId;
        LegalActNumber = d.LegalBasis?.Number;
        LegalActDate = d.LegalBasis?.Date;
        LegalActTitle = d.LegalBasis?.Title;
        TotalBudget = d.TotalBudget is { } total ? Guard.NonNegativeAmount(total, nameof(TotalBudget)) : null;
        MinGrant = d.MinGrant is { } min ? Guard.NonNegativeAmount(min, nameof(MinGrant)) : null;
        MaxGrant = d.MaxGrant is { } max ? Guard.NonNegativeAmount(max, nameof(MaxGrant)) : null;
        if (MinGrant > MaxGrant) throw new DomainException("MinAboveMax", nameof(MinGrant));
        if (MaxGrant > TotalBudget) throw new DomainException("MaxAboveTotal", nameof(MaxGrant));
        if (d.ApplicationOpens is { } opens && d.ApplicationCloses is { } closes && closes < opens)
            throw new DomainException("PeriodEndBeforeStart", nameof(ApplicationCloses));
        ApplicationOpens = d.ApplicationOpens;
        ApplicationCloses = d.ApplicationCloses;
        var period = new DateRange(d.ProjectPeriodStart, d.ProjectPeriodEnd, nameof(ProjectPeriodEnd));
        ProjectPeriodStart = period.Start;
        ProjectPeriodEnd = period.End;
        FundingSource = d.FundingSource;
        Rules = d.Rules;
        if (d.CostCategories is { } categories)
        {
            if (categories.Count == 0) throw new DomainException("Required", nameof(CostCategories));
            CostCategoryList = string.Join(",", categories.Distinct().Order());
        }
    }

    /// <summary>Checks a grant against the call's bounds, where the call states them.</summary>
    public void EnsureGrantWithinBounds(decimal amount, string field)
    {
        Guard.NonNegativeAmount(amount, field);
        if (MinGrant is { } min && amount < min) throw new DomainException("GrantBelowMinimum", field, min);
        if (MaxGrant is { } max && amount > max) throw new DomainException("GrantAboveMaximum", field, max);
    }

    public void EnsureWithinProjectPeriod(DateRange period, string field)
    {
        if (!ProjectPeriod.Contains(period))
            throw new DomainException("OutsideCallPeriod", field, ProjectPeriodStart, ProjectPeriodEnd);
    }
}

public sealed record CallDetails(
    Guid FundingBodyId, string Title, int Year, LegalAct? LegalBasis, decimal? TotalBudget, decimal? MinGrant, decimal? MaxGrant,
    DateOnly? ApplicationOpens, DateOnly? ApplicationCloses, DateOnly ProjectPeriodStart, DateOnly ProjectPeriodEnd,
    FundingSource FundingSource, ReportingRules Rules, IReadOnlyList<Finance.CostCategory>? CostCategories = null);
