using Talka.Domain.Applications;
using Talka.Domain.Finance;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Applications;

/// <summary>The application's page form: the plan as simple fields and rows (objectives one per line), the budget one
/// row per cost category of the call, and the declarations the call's rules ask for.</summary>
public sealed class DraftForm
{
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public string? Summary { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }

    /// <summary>One objective per line.</summary>
    public string? Objectives { get; set; }
    public List<ActivityRow> Activities { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
    public List<IndicatorRow> Indicators { get; set; } = [];
    public List<BudgetRow> Budget { get; set; } = [];

    /// <summary>Partners by their legal entity code, with their role.</summary>
    public List<PartnerRow> Partners { get; set; } = [];
    public bool? NgoMark { get; set; }
    public bool? InLiquidation { get; set; }
    public bool? ReliableTaxpayer { get; set; }
    public bool? FundedByNamedCalls { get; set; }
    public string? Income { get; set; }
    public int? Counties { get; set; }
    public int? Employees { get; set; }

    public sealed class ActivityRow
    {
        public int ObjectiveNumber { get; set; } = 1;
        public ActivityKind Kind { get; set; } = ActivityKind.Training;
        public string? Title { get; set; }
    }

    public sealed class IndicatorRow
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public string? Target { get; set; }
    }

    public sealed class PartnerRow
    {
        public string? Code { get; set; }
        public string? Role { get; set; }
    }

    public sealed class BudgetRow
    {
        public CostCategory Category { get; set; }
        public string? Grant { get; set; }
        public string? Own { get; set; }
    }

    /// <summary>The form filled from a draft, with empty rows to add to and a budget row for each of the call's
    /// categories.</summary>
    public static DraftForm From(
        ApplicationContent content,
        int version,
        IReadOnlyList<CostCategory> categories,
        IReadOnlyList<ApplicationPartnerView> partners
    )
    {
        var plan = content.Plan;
        var declaration = content.Declaration;
        return new DraftForm
        {
            Version = version,
            Title = plan.Title,
            Goal = plan.Goal,
            Summary = plan.Summary,
            Start = content.Start,
            End = content.End,
            Objectives = string.Join("\n", plan.Objectives.Select(o => o.Text)),
            Activities =
            [
                .. plan.Activities.Select(a => new ActivityRow
                {
                    ObjectiveNumber = a.ObjectiveNumber,
                    Kind = a.Kind,
                    Title = a.Title,
                }),
                new ActivityRow(),
                new ActivityRow(),
            ],
            TargetGroups = [.. plan.TargetGroups],
            Partners = [.. partners.Select(p => new PartnerRow { Code = p.Code, Role = p.Role }), new PartnerRow()],
            Municipalities = [.. plan.Municipalities],
            Indicators =
            [
                .. plan.Indicators.Select(i => new IndicatorRow
                {
                    Name = i.Name,
                    Unit = i.Unit,
                    Target = Talka.Domain.Common.LtFormat.Number(i.Target),
                }),
                new IndicatorRow(),
                new IndicatorRow(),
            ],
            Budget =
            [
                .. categories.Select(c =>
                    content.Budget.FirstOrDefault(b => b.Category == c) is { } line
                        ? new BudgetRow
                        {
                            Category = c,
                            Grant = Talka.Domain.Common.LtFormat.Amount(line.GrantAmount),
                            Own = Talka.Domain.Common.LtFormat.Amount(line.OwnFunds),
                        }
                        : new BudgetRow { Category = c }
                ),
            ],
            NgoMark = declaration.NgoMark,
            InLiquidation = declaration.InLiquidation,
            ReliableTaxpayer = declaration.ReliableTaxpayer,
            FundedByNamedCalls = declaration.FundedByNamedCalls,
            Income = declaration.Income is { } income ? Talka.Domain.Common.LtFormat.Amount(income) : null,
            Counties = declaration.Counties,
            Employees = declaration.Employees,
        };
    }

    /// <summary>The content the form says; a number that is not one is reported through <paramref name="amount"/>
    /// (which puts the message beside the field) and read as empty.</summary>
    /// <param name="partner">The organisation of a legal entity code, or null (reported beside the row).</param>
    public ApplicationContent ToContent(Func<string?, string, decimal?> amount, Func<string, int, Guid?> partner)
    {
        var partners = Partners
            .Select((p, i) => (p, i))
            .Where(r => !string.IsNullOrWhiteSpace(r.p.Code) || !string.IsNullOrWhiteSpace(r.p.Role))
            .Select(r => partner(r.p.Code ?? "", r.i) is { } id ? new ApplicationPartnerRole(id, r.p.Role ?? "") : null)
            .OfType<ApplicationPartnerRole>()
            .ToList();
        var objectives = (Objectives ?? "")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(text => new ObjectiveInput(null, text))
            .ToList();
        var activities = Activities
            .Where(a => !string.IsNullOrWhiteSpace(a.Title))
            .Select(a => new ActivityInput(null, a.ObjectiveNumber, a.Kind, a.Title!, null))
            .ToList();
        var indicators = Indicators
            .Select((x, i) => (x, i))
            .Where(r => !string.IsNullOrWhiteSpace(r.x.Name))
            .Select(r => new IndicatorInput(
                null,
                r.x.Name!,
                r.x.Unit ?? "",
                amount(r.x.Target, $"Indicators[{r.i}].Target") ?? 0
            ))
            .ToList();
        var budget = Budget
            .Select((b, i) => (b, i))
            .Where(r => !string.IsNullOrWhiteSpace(r.b.Grant) || !string.IsNullOrWhiteSpace(r.b.Own))
            .Select(r => new BudgetLineInput(
                r.b.Category,
                amount(r.b.Grant, $"Budget[{r.i}].Grant") ?? 0,
                amount(r.b.Own, $"Budget[{r.i}].Own") ?? 0
            ))
            .ToList();
        return new ApplicationContent(
            new PlanInput(Title ?? "", Goal, Summary, objectives, activities, TargetGroups, Municipalities, indicators),
            partners,
            budget,
            Start,
            End,
            new EligibilityDeclaration(
                NgoMark,
                InLiquidation,
                ReliableTaxpayer,
                string.IsNullOrWhiteSpace(Income) ? null : amount(Income, "Income"),
                Counties,
                Employees,
                FundedByNamedCalls
            )
        );
    }
}
