using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;
using Talka.Domain.Reports;
using Talka.Domain.Projects;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Imports;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Finance;

internal sealed class BudgetLineMapping : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.HasKey(x => new { x.ProjectId, x.Category });
        b.Ignore(x => x.Planned);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectBudgetMapping : IEntityTypeConfiguration<ProjectBudget>
{
    public void Configure(EntityTypeBuilder<ProjectBudget> b)
    {
        b.ToTable("Budgets");
        b.HasKey(x => x.ProjectId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpenditureMapping : IEntityTypeConfiguration<Expenditure>
{
    public void Configure(EntityTypeBuilder<Expenditure> b)
    {
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.Supplier).HasMaxLength(300);
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.DisallowedReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.FirstQuarter);
        b.Ignore(x => x.CountsFrom);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.DocumentDate });
    }
}

public sealed record ExpenditureInput(DocumentType DocumentType, string? DocumentNumber, DateOnly? DocumentDate, string? Supplier, string? Content,
    CostCategory Category, decimal Amount, DateOnly? PaidOn, int Version = 0)
{
    internal ExpenditureDetails ToDetails() => new(DocumentType, DocumentNumber ?? "", DocumentDate ?? throw new DomainException("Required", nameof(DocumentDate)),
        Supplier ?? "", Content ?? "", Category, Amount, PaidOn);
}

/// <param name="Version">The budget's version the lines were made from: 0 for a project with no budget yet.</param>
/// <summary>How many budget lines were saved.</summary>
public sealed record BudgetSaved(int Lines);

public sealed record BudgetInput(IReadOnlyList<BudgetLineInput>? Lines, int Version = 0);

/// <param name="Locked">The expense is in a quarter whose report was submitted or approved: it can no longer be
/// changed or removed.</param>
public sealed record ExpenditureRow(Guid Id, DocumentType DocumentType, string DocumentNumber, DateOnly DocumentDate, string Supplier, string Content,
    CostCategory Category, decimal Amount, DateOnly? PaidOn, string? FirstQuarter, int Version, bool Locked);

/// <param name="Ledger">One page of the ledger (<see cref="FinanceService.LedgerPageSize"/> expenses, by document
/// date), <see cref="LedgerPage"/> of <see cref="LedgerCount"/> expenses worth <see cref="LedgerAmount"/> in
/// all.</param>
public sealed record FinanceView(
    IReadOnlyList<CostCategory> CallCategories, IReadOnlyList<BudgetLine> Budget, decimal? GrantedAmount, IReadOnlyList<ExpenditureRow> Ledger, DateOnly AsOf,
    IReadOnlyList<ExecutionLine> Execution, decimal ReallocationThresholdPercent, int BudgetVersion,
    int LedgerPage = 1, int LedgerCount = 0, decimal LedgerAmount = 0)
{
    public int LedgerPageCount => Math.Max(1, (LedgerCount + FinanceService.LedgerPageSize - 1) / FinanceService.LedgerPageSize);
}

/// <summary>A project's budget and ledger: never public; its organisation's members and funder admins change them,
/// auditors read them.</summary>
public sealed class FinanceService(TalkaDbContext db, ProjectGate gate, Writes writes, Texts texts)
{
    private static Result<T> Refused<T>(Outcome outcome) => outcome == Outcome.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();

    public Task<Result<int>> SaveBudgetAsync(Guid projectId, BudgetInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<int>(refusal);
        var granted = await db.Agreements.Where(a => a.ProjectId == projectId).Select(a => a.GrantedAmount).SingleOrDefaultAsync(ct);
        var categories = (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == context!.Project.CallId, ct)).CostCategories;
        var lines = Budgets.Build(projectId, (input.Lines ?? []).Where(l => l.GrantAmount != 0 || l.OwnFunds != 0).ToList(), granted, categories);
        var head = await db.Set<ProjectBudget>().SingleOrDefaultAsync(b => b.ProjectId == projectId, ct);
        if (head is null)
        {
            if (input.Version != 0) throw new DbUpdateConcurrencyException(texts["Error.Concurrency"]);
            db.Add(new ProjectBudget(projectId) { Version = 1 });
        }
        else
        {
            writes.ExpectVersion(head, input.Version);
            // The head's version moves with every save of the lines: a second save made from the same version meets
            // a conflict instead of overwriting the first.
            db.Entry(head).Property(b => b.Version).IsModified = true;
        }
        // Old lines out and new lines in, in the one transaction Writes.Run holds.
        db.RemoveRange(await db.Set<BudgetLine>().Where(l => l.ProjectId == projectId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AddRange(lines);
        await db.SaveChangesAsync(ct);
        return Result<int>.Success(lines.Count);
    });

    public Task<Result<Guid>> SaveExpenditureAsync(Guid projectId, Guid? expenditureId, ExpenditureInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<Guid>(refusal);
        var closed = await ClosedPeriodsAsync(projectId, ct);
        Expenditure expenditure;
        if (expenditureId is { } id)
        {
            var found = await db.Set<Expenditure>().SingleOrDefaultAsync(e => e.Id == id && e.ProjectId == projectId, ct);
            if (found is null) return Result<Guid>.NotFound();
            expenditure = found;
            writes.ExpectVersion(expenditure, input.Version);
            LedgerLock.EnsureOpen(expenditure, closed); // as it was: not taken out of a submitted report
            expenditure.Update(context!.Period, input.ToDetails());
        }
        else
        {
            expenditure = new Expenditure(projectId, context!.Period, input.ToDetails());
            db.Add(expenditure);
        }
        LedgerLock.EnsureOpen(expenditure, closed); // as it is now: not slipped into a submitted report
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(expenditure.Id);
    });

    /// <summary>Removes an expense entered by mistake, while its quarter's report is not submitted.</summary>
    public Task<Result<bool>> DeleteExpenditureAsync(Guid projectId, Guid expenditureId, int version, CancellationToken ct = default) =>
        writes.Run(async () =>
        {
            var context = await gate.FindAsync(projectId, ct);
            if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<bool>(refusal);
            var expenditure = await db.Set<Expenditure>().SingleOrDefaultAsync(e => e.Id == expenditureId && e.ProjectId == projectId, ct);
            if (expenditure is null) return Result<bool>.NotFound();
            writes.ExpectVersion(expenditure, version);
            LedgerLock.EnsureOpen(expenditure, await ClosedPeriodsAsync(projectId, ct));
            db.Remove(expenditure);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });

    /// <summary>The quarters whose financial reports were submitted or approved.</summary>
    private async Task<IReadOnlyList<ClosedPeriod>> ClosedPeriodsAsync(Guid projectId, CancellationToken ct) =>
        await db.Set<Report>().AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Kind == ReportKind.QuarterlyFinancial
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved))
            .Select(r => new ClosedPeriod(r.PeriodStart, r.PeriodEnd, r.Status == ReportStatus.Approved)).ToListAsync(ct);

    public const int LedgerPageSize = 50;

    /// <summary>The ledger's column sorts: by document date (the default), by amount (largest first), by supplier.</summary>
    public static readonly string[] LedgerSorts = ["date", "amount", "supplier"];

    /// <summary>The budget, its execution as of a day and one page of the ledger: the execution's sums, the count and
    /// the total are made in the database, so a ledger of any length is read a page at a time.</summary>

    public async Task<FinanceView?> ViewAsync(Guid projectId, DateOnly? asOf, CancellationToken ct = default, int page = 1,
        string? search = null, string? sort = null)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return null;
        var budget = await db.Set<BudgetLine>().AsNoTracking().Where(l => l.ProjectId == projectId).OrderBy(l => l.Category).ToListAsync(ct);
        var expenses = db.Set<Expenditure>().AsNoTracking().Where(e => e.ProjectId == projectId);
        // The ledger's page: searched (document number, supplier or content, in any case and without diacritics),
        // counted, summed and sorted in the database; the budget's execution below reads every expense.
        var found = expenses;
        foreach (var word in SearchText.Normalize(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            found = found.Where(e => e.Search.Contains(word));
        var count = await found.CountAsync(ct);
        var amount = count == 0 ? 0 : await found.SumAsync(e => e.Amount, ct);
        page = Math.Clamp(page, 1, Math.Max(1, (count + LedgerPageSize - 1) / LedgerPageSize));
        var sorted = sort switch
        {
            // Amounts are ordered as doubles: SQLite cannot order decimals (the project list does the same).
            "amount" => found.OrderByDescending(e => (double)e.Amount).ThenBy(e => e.DocumentDate).ThenBy(e => e.Id),
            "supplier" => found.OrderBy(e => EF.Functions.Collate(e.Supplier, LithuanianCollation.Name))
                .ThenBy(e => e.DocumentDate).ThenBy(e => e.Id),
            _ => found.OrderBy(e => e.DocumentDate).ThenBy(e => e.DocumentNumber).ThenBy(e => e.Id),
        };
        var ledger = await sorted.Skip((page - 1) * LedgerPageSize).Take(LedgerPageSize).ToListAsync(ct);
        var granted = await db.Agreements.AsNoTracking().Where(a => a.ProjectId == projectId).Select(a => a.GrantedAmount).SingleOrDefaultAsync(ct);
        var day = asOf ?? context!.Period.End;
        var spent = (await expenses.Where(Expenditure.CountingBy(day)).GroupBy(e => e.Category)
            .Select(g => new { g.Key, Spent = g.Sum(e => e.Amount) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Spent);
        var categories = (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == context!.Project.CallId, ct)).CostCategories;
        var closed = await ClosedPeriodsAsync(projectId, ct);
        return new FinanceView(categories, budget, granted, [.. ledger.Select(e => Row(e, closed))],
            day, BudgetExecution.Compute(budget, spent, context!.Rules.ReallocationThresholdPercent), context.Rules.ReallocationThresholdPercent,
            await db.Set<ProjectBudget>().Where(b => b.ProjectId == projectId).Select(b => b.Version).SingleOrDefaultAsync(ct),
            page, count, amount);
    }

    /// <summary>One expense of the project, by id, for whoever may read its records (null otherwise).</summary>
    public async Task<ExpenditureRow?> ExpenseAsync(Guid projectId, Guid expenseId, CancellationToken ct = default)
    {
        if (ProjectGate.ReadRefusal(await gate.FindAsync(projectId, ct)) is not null) return null;
        var expense = await db.Set<Expenditure>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == expenseId && e.ProjectId == projectId, ct);
        return expense is null ? null : Row(expense, await ClosedPeriodsAsync(projectId, ct));
    }

    private static ExpenditureRow Row(Expenditure e, IReadOnlyList<ClosedPeriod> closed) =>
        new(e.Id, e.DocumentType, e.DocumentNumber, e.DocumentDate, e.Supplier, e.Content, e.Category, e.Amount, e.PaidOn,
            e.FirstQuarter?.ToString(), e.Version, LedgerLock.ClosedFor(e, closed) is not null);

    /// <summary>The ledger as CSV or XLSX, amounts and dates in Lithuanian format.</summary>
    public async Task<Result<ExportFile>> LedgerAsync(Guid projectId, string format, CancellationToken ct = default)
    {
        if (ProjectGate.ReadRefusal(await gate.FindAsync(projectId, ct)) is not null) return Result<ExportFile>.NotFound();
        // The export is the whole ledger, in one query.
        var closed = await ClosedPeriodsAsync(projectId, ct);
        var ledger = (await db.Set<Expenditure>().AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderBy(e => e.DocumentDate).ThenBy(e => e.DocumentNumber).ThenBy(e => e.Id).ToListAsync(ct)).Select(e => Row(e, closed));
        string[] headers = ["Dokumento rūšis", "Dokumento Nr.", "Dokumento data", "Tiekėjas", "Turinys", "Išlaidų kategorija", "Suma, EUR", "Apmokėta", "Įtraukiama į ketvirtį"];
        var rows = ledger.Select(e => (IReadOnlyList<object?>)
        [
            texts.Enum(e.DocumentType), e.DocumentNumber, e.DocumentDate, e.Supplier, e.Content, texts.Enum(e.Category),
            new SheetMoney(e.Amount), e.PaidOn, e.FirstQuarter,
        ]).ToList();
        var name = $"islaidos-{projectId.ToString()[..8]}";
        return Result<ExportFile>.Success(ExportFile.Of(headers, rows, format, name, "Išlaidos"));
    }
}

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services) => services.AddScoped<FinanceService>();

    public static void MapFinanceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:guid}").WithTags("Budget and expenditures").RequireAuthorization();
        group.MapGet("/finance", async (Guid projectId, DateOnly? asOf, int? page, FinanceService s, Texts t, CancellationToken ct) =>
            await s.ViewAsync(projectId, asOf, ct, page ?? 1) is { } view ? Results.Ok(view) : ApiResults.NotFound(t))
            .Returns<FinanceView>("The budget, the execution as of a day, and the ledger 50 expenses a page (?page=2…) with the count and total of all");
        group.MapPut("/budget", async (Guid projectId, BudgetInput input, FinanceService s, Texts t, CancellationToken ct) =>
            (await s.SaveBudgetAsync(projectId, input, ct)).ToHttp(t, count => Results.Ok(new BudgetSaved(count))))
            .Returns<BudgetSaved>("Replace the budget's lines");
        group.MapPost("/expenditures", async (Guid projectId, ExpenditureInput input, FinanceService s, Texts t, CancellationToken ct) =>
            (await s.SaveExpenditureAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/expenditures/{id}", new CreatedId(id))))
            .ReturnsCreated("Enter an expense in the ledger");
        group.MapPut("/expenditures/{expenditureId:guid}", async (Guid projectId, Guid expenditureId, ExpenditureInput input, FinanceService s, Texts t, CancellationToken ct) =>
            (await s.SaveExpenditureAsync(projectId, expenditureId, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Change an expense (refused once its quarter's report is submitted)");
        group.MapDelete("/expenditures/{expenditureId:guid}", async (Guid projectId, Guid expenditureId, int version, FinanceService s, Texts t,
            CancellationToken ct) =>
            (await s.DeleteExpenditureAsync(projectId, expenditureId, version, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Remove an expense entered by mistake (refused once its quarter's report is submitted)");
        group.MapGet("/expenditures/export", async (Guid projectId, string? format, FinanceService s, Texts t, CancellationToken ct) =>
            (await s.LedgerAsync(projectId, format ?? "csv", ct)).ToHttp(t, f => Results.File(f.Content, f.ContentType, f.FileName)))
            .ReturnsFile("The ledger as CSV (;, decimal comma) or XLSX", "text/csv", ApiDocs.Xlsx);
    }
}
