using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Finance;
using Talka.Domain.Projects;

namespace Talka.Domain.Applications;

/// <summary>The applicant's answers to the call's eligibility declarations; null where not answered yet.</summary>
/// <param name="Income">The organisation's income in the year the call's income rule names, in euros.</param>
/// <param name="FundedByNamedCalls">Whether the organisation is funded under the other calls the call names.</param>
public sealed record EligibilityDeclaration(
    bool? NgoMark = null,
    bool? InLiquidation = null,
    bool? ReliableTaxpayer = null,
    decimal? Income = null,
    int? Counties = null,
    int? Employees = null,
    bool? FundedByNamedCalls = null
)
{
    public static EligibilityDeclaration Empty { get; } = new();
}

/// <summary>A partner organisation named in an application, with its role in the project.</summary>
public sealed record ApplicationPartnerRole(Guid OrganisationId, string Role);

/// <summary>
/// What an application says: the same plan a project has (goal, objectives, activities, target groups,
/// municipalities, planned indicators), its partners with their roles, the planned period, the budget by the call's
/// cost categories with the co-financing, and the eligibility declarations. A draft may be incomplete (<see
/// cref="Missing"/> lists what is); what is there is always well-formed (<see cref="Validated"/>).
/// </summary>
public sealed record ApplicationContent(
    PlanInput Plan,
    IReadOnlyList<ApplicationPartnerRole> Partners,
    IReadOnlyList<BudgetLineInput> Budget,
    DateOnly? Start,
    DateOnly? End,
    EligibilityDeclaration Declaration
)
{
    public static ApplicationContent Empty { get; } =
        new(new PlanInput("", null, null, [], [], [], [], []), [], [], null, null, EligibilityDeclaration.Empty);

    /// <summary>Content as stored (<see cref="Application.ContentJson"/>); empty content for no text.</summary>
    public static ApplicationContent FromJson(string json) =>
        json.Length == 0
            ? Empty
            : System.Text.Json.JsonSerializer.Deserialize<ApplicationContent>(json, Application.Json)!;

    /// <summary>The grant asked for: the budget's grant amounts added up.</summary>
    public decimal Requested => Budget.Sum(b => b.GrantAmount);

    /// <summary>The organisation's own contribution: the budget's own funds added up.</summary>
    public decimal CoFinancing => Budget.Sum(b => b.OwnFunds);

    /// <summary>The content with texts trimmed and every value that is there checked (lengths, amounts, known
    /// municipalities, activities under existing objectives, the call's cost categories, a period inside the call's);
    /// what is missing is left to <see cref="Missing"/>.</summary>
    public ApplicationContent Validated(Call call)
    {
        var plan = Plan;
        var title = plan.Title?.Trim() ?? "";
        if (title.Length > 500)
            throw new DomainException("TooLong", "Title", 500);
        var objectives = plan
            .Objectives.Select(
                (o, i) => new ObjectiveInput(null, Guard.Required(o.Text, $"Objectives[{i}].Text", 2000))
            )
            .ToList();
        var activities = plan
            .Activities.Select(
                (a, i) =>
                    a.ObjectiveNumber < 1 || a.ObjectiveNumber > objectives.Count
                        ? throw new DomainException("ActivityNeedsObjective", $"Activities[{i}].ObjectiveNumber")
                        : new ActivityInput(
                            null,
                            a.ObjectiveNumber,
                            a.Kind,
                            Guard.Required(a.Title, $"Activities[{i}].Title", 500),
                            Guard.Optional(a.Description, $"Activities[{i}].Description", 4000)
                        )
            )
            .ToList();
        var municipalities = plan.Municipalities.Select(m => m?.Trim() ?? "").Distinct().ToList();
        for (var i = 0; i < municipalities.Count; i++)
            if (!Municipalities.IsKnown(municipalities[i]))
                throw new DomainException("UnknownMunicipality", $"Municipalities[{i}]", municipalities[i]);
        var indicators = plan
            .Indicators.Select(
                (x, i) =>
                    new IndicatorInput(
                        null,
                        Guard.Required(x.Name, $"Indicators[{i}].Name", 500),
                        Guard.Required(x.Unit, $"Indicators[{i}].Unit", 50),
                        x.Target < 0
                            ? throw new DomainException("TargetNegative", $"Indicators[{i}].Target")
                            : x.Target,
                        x.Metric
                    )
            )
            .ToList();
        var partners = Partners
            .Select(
                (p, i) =>
                    new ApplicationPartnerRole(p.OrganisationId, Guard.Required(p.Role, $"Partners[{i}].Role", 1000))
            )
            .ToList();
        if (partners.GroupBy(p => p.OrganisationId).Any(g => g.Count() > 1))
            throw new DomainException("PartnerTwice", "Partners");
        var categories = call.CostCategories;
        for (var i = 0; i < Budget.Count; i++)
        {
            if (!categories.Contains(Budget[i].Category))
                throw new DomainException("CategoryNotInCall", $"Budget[{i}].Category");
            Guard.NonNegativeAmount(Budget[i].GrantAmount, $"Budget[{i}].GrantAmount");
            Guard.NonNegativeAmount(Budget[i].OwnFunds, $"Budget[{i}].OwnFunds");
        }
        if (Budget.GroupBy(b => b.Category).FirstOrDefault(g => g.Count() > 1) is not null)
            throw new DomainException("CategoryTwice", "Budget");
        if (Start is { } start && End is { } end)
            call.EnsureWithinProjectPeriod(new DateRange(start, end, nameof(End)), nameof(Start));
        var declaration = Declaration ?? EligibilityDeclaration.Empty;
        if (declaration.Income is { } income)
            Guard.NonNegativeAmount(income, "Declaration.Income");
        if (declaration.Counties is < 0 or > 60)
            throw new DomainException("CountRange", "Declaration.Counties");
        if (declaration.Employees is < 0 or > 1_000_000)
            throw new DomainException("CountRange", "Declaration.Employees");
        return new ApplicationContent(
            new PlanInput(
                title,
                Guard.Optional(plan.Goal, "Goal", 4000),
                Guard.Optional(plan.Summary, "Summary", 4000),
                objectives,
                activities,
                [.. plan.TargetGroups.Distinct()],
                municipalities,
                indicators
            ),
            partners,
            [.. Budget.OrderBy(b => b.Category)],
            Start,
            End,
            declaration
        );
    }

    /// <summary>What the application still lacks for the call: the title, the period, each section the call
    /// requires, an answer to each declaration its rules need, and each attachment it requires (given the keys
    /// attached). Each item is a key the checklist puts into words.</summary>
    public IReadOnlyList<string> Missing(ApplicationForm form, IReadOnlyCollection<string> attached)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Plan.Title))
            missing.Add("Title");
        if (Start is null || End is null)
            missing.Add("Period");
        foreach (var section in form.Sections)
        {
            var empty = section switch
            {
                ApplicationSection.Goal => string.IsNullOrWhiteSpace(Plan.Goal),
                ApplicationSection.Objectives => Plan.Objectives.Count == 0,
                ApplicationSection.Activities => Plan.Activities.Count == 0,
                ApplicationSection.TargetGroups => Plan.TargetGroups.Count == 0,
                ApplicationSection.Municipalities => Plan.Municipalities.Count == 0,
                ApplicationSection.Partners => Partners.Count == 0,
                ApplicationSection.Indicators => Plan.Indicators.Count == 0,
                ApplicationSection.Budget => Budget.Count == 0 || Requested == 0,
                _ => false,
            };
            if (empty)
                missing.Add(section.ToString());
        }
        // The grant asked for is always needed, whether or not the budget is a required section.
        if (Requested == 0 && !missing.Contains(nameof(ApplicationSection.Budget)))
            missing.Add(nameof(ApplicationSection.Budget));
        var declaration = Declaration ?? EligibilityDeclaration.Empty;
        foreach (var field in form.Rules.SelectMany(r => r.DeclarationFields()).Distinct())
            if (typeof(EligibilityDeclaration).GetProperty(field)!.GetValue(declaration) is null)
                missing.Add("Declaration." + field);
        foreach (var attachment in form.Attachments)
            if (!attached.Contains(attachment.Key))
                missing.Add("Attachment:" + attachment.Key);
        return missing;
    }

    /// <summary>The sections that differ between two versions, as item keys (Title, Goal, …, Budget,
    /// Declaration).</summary>
    public static IReadOnlyList<string> Changed(ApplicationContent before, ApplicationContent after)
    {
        var changed = new List<string>();
        void Compare<T>(string key, T a, T b)
        {
            if (!Equals(a, b))
                changed.Add(key);
        }
        static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => a.SequenceEqual(b);
        Compare("Title", before.Plan.Title, after.Plan.Title);
        Compare("Goal", before.Plan.Goal, after.Plan.Goal);
        Compare("Summary", before.Plan.Summary, after.Plan.Summary);
        if (!Same(before.Plan.Objectives, after.Plan.Objectives))
            changed.Add("Objectives");
        if (!Same(before.Plan.Activities, after.Plan.Activities))
            changed.Add("Activities");
        if (!Same(before.Plan.TargetGroups, after.Plan.TargetGroups))
            changed.Add("TargetGroups");
        if (!Same(before.Plan.Municipalities, after.Plan.Municipalities))
            changed.Add("Municipalities");
        if (!Same(before.Plan.Indicators, after.Plan.Indicators))
            changed.Add("Indicators");
        if (!Same(before.Partners, after.Partners))
            changed.Add("Partners");
        if (!Same(before.Budget, after.Budget))
            changed.Add("Budget");
        Compare("Period", (before.Start, before.End), (after.Start, after.End));
        Compare("Declaration", before.Declaration, after.Declaration);
        return changed;
    }
}
