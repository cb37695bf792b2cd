using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Imports;

public enum ImportState { Ready, Running, Done, Failed }

/// <summary>An uploaded list on its way in: the file as read, the column mapping, the plan, and the progress once
/// applied.</summary>
public sealed class ImportJob
{
    public Guid Id { get; } = Guid.CreateVersion7();
    public required Guid ProjectId { get; init; }
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    public required string FileName { get; init; }
    public required SheetTable Table { get; init; }
    public Dictionary<ImportField, int> Mapping { get; set; } = [];
    public ImportPlan Plan { get; set; } = null!;
    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
    private int _state;
    public ImportState State { get => (ImportState)_state; set => _state = (int)value; }
    public bool TryStart() => Interlocked.CompareExchange(ref _state, (int)ImportState.Running, (int)ImportState.Ready) == (int)ImportState.Ready;
    private int _processed;
    public int Processed => _processed;
    public void Advance(int count) => Interlocked.Add(ref _processed, count);
    public int Total => Plan.NewParticipants.Count + Plan.NewAttendances.Count;
    public string? Failure { get; set; }
}

/// <summary>Uploads waiting for confirmation or running, kept in memory for a few hours; each belongs to the user who
/// uploaded it.</summary>
public sealed class ImportJobs
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public void Add(ImportJob job)
    {
        foreach (var old in _jobs.Values.Where(j => j.Created < DateTimeOffset.UtcNow.AddHours(-6) && j.State != ImportState.Running))
            _jobs.TryRemove(old.Id, out _);
        _jobs[job.Id] = job;
    }

    public ImportJob? Find(Guid id, Guid projectId, string? userId) =>
        _jobs.TryGetValue(id, out var job) && job.ProjectId == projectId && job.UserId == userId ? job : null;
}

/// <param name="Mapping">Each field read from the file, with the column it is read from; a field not listed is not
/// read.</param>
public sealed record ImportStatus(Guid Id, string FileName, ImportState State, int Processed, int Total, int Rows, int NewParticipants, int ExistingParticipants,
    int NewAttendances, int ExistingAttendances, IReadOnlyList<ImportError> Errors, int ErrorCount, IReadOnlyDictionary<ImportField, string> Mapping,
    string? Failure, string? Encoding, char? Delimiter, string Format)
{
    public static ImportStatus Of(ImportJob job) => new(job.Id, job.FileName, job.State, job.Processed, job.Total, job.Plan.Rows,
        job.Plan.NewParticipants.Count, job.Plan.ExistingParticipants, job.Plan.NewAttendances.Count, job.Plan.ExistingAttendances,
        job.Plan.Errors.Take(200).ToList(), job.Plan.Errors.Count,
        job.Mapping.Where(m => m.Value >= 0 && m.Value < job.Table.Headers.Count).ToDictionary(m => m.Key, m => job.Table.Headers[m.Value]),
        job.Failure, job.Table.Encoding, job.Table.Delimiter, job.Table.Format);
}

public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Imports participants and attendance from a spreadsheet: read, map the columns, check every row, then apply all rows
/// or none
/// in one transaction. A row already in the project (same participant number, same event) adds nothing, so a file
/// imported
/// twice changes nothing the second time.
/// </summary>
public sealed class ImportService(
    TalkaDbContext db, ProjectGate gate, ViewerAccessor viewers, ImportJobs jobs, ImportPlanner planner, Texts texts,
    PersonKeySecret keys, IServiceScopeFactory scopes, ILogger<ImportService> logger)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public async Task<Result<ImportStatus>> UploadAsync(Guid projectId, Stream file, string fileName, long length, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return refusal == Outcome.Forbidden ? Result<ImportStatus>.Forbidden() : Result<ImportStatus>.NotFound();
        if (length > MaxFileBytes) return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.File.TooLarge", MaxFileBytes / 1024 / 1024]));
        SheetTable table;
        try
        {
            table = SpreadsheetReader.Read(file);
        }
        catch (SpreadsheetException error)
        {
            return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.File." + error.Code, error.Args.ToArray()]));
        }
        var viewer = await viewers.GetAsync(ct);
        var job = new ImportJob { ProjectId = projectId, UserId = viewer.UserId!, UserName = viewer.Email ?? "", FileName = Path.GetFileName(fileName), Table = table };
        job.Mapping = ImportPlanner.AutoMap(table.Headers);
        job.Plan = await PlanAsync(projectId, job, ct);
        jobs.Add(job);
        return Result<ImportStatus>.Success(ImportStatus.Of(job));
    }

    public async Task<Result<ImportStatus>> RemapAsync(Guid projectId, Guid importId, IReadOnlyDictionary<ImportField, int> mapping, CancellationToken ct = default)
    {
        var (job, failure) = await JobAsync(projectId, importId, ct);
        if (job is null) return failure!;
        if (job.State != ImportState.Ready) return Result<ImportStatus>.Success(ImportStatus.Of(job));
        job.Mapping = Enum.GetValues<ImportField>().ToDictionary(f => f, f => mapping.TryGetValue(f, out var i) && i < job.Table.Headers.Count ? i : -1);
        job.Plan = await PlanAsync(projectId, job, ct);
        return Result<ImportStatus>.Success(ImportStatus.Of(job));
    }

    public async Task<Result<ImportStatus>> StatusAsync(Guid projectId, Guid importId, CancellationToken ct = default)
    {
        var (job, failure) = await JobAsync(projectId, importId, ct);
        return job is null ? failure! : Result<ImportStatus>.Success(ImportStatus.Of(job));
    }

    /// <summary>Starts applying the plan in the background. Asking again (a double click, a retry) starts nothing
    /// new.</summary>
    public async Task<Result<ImportStatus>> StartAsync(Guid projectId, Guid importId, CancellationToken ct = default)
    {
        var (job, failure) = await JobAsync(projectId, importId, ct);
        if (job is null) return failure!;
        if (job.State != ImportState.Ready) return Result<ImportStatus>.Success(ImportStatus.Of(job));
        if (job.Plan.Errors.Count > 0)
            return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.HasErrors", job.Plan.Errors.Count]));
        if (!job.TryStart()) return Result<ImportStatus>.Success(ImportStatus.Of(job));
        _ = Task.Run(() => ApplyInBackgroundAsync(job));
        return Result<ImportStatus>.Success(ImportStatus.Of(job));
    }

    private async Task ApplyInBackgroundAsync(ImportJob job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportApplier>().ApplyAsync(job);
            job.State = ImportState.Done;
        }
        catch (Exception error)
        {
            logger.LogError(error, "Import {ImportId} into project {ProjectId} failed; nothing was saved", job.Id, job.ProjectId);
            job.Failure = error switch
            {
                DbUpdateException => texts["Import.Conflict"],
                DomainException => texts["Import.Changed"],
                _ => texts["Import.Failed"],
            };
            job.State = ImportState.Failed;
        }
    }

    private async Task<(ImportJob?, Result<ImportStatus>?)> JobAsync(Guid projectId, Guid importId, CancellationToken ct)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal)
            return (null, refusal == Outcome.Forbidden ? Result<ImportStatus>.Forbidden() : Result<ImportStatus>.NotFound());
        var job = jobs.Find(importId, projectId, (await viewers.GetAsync(ct)).UserId);
        return job is null ? (null, Result<ImportStatus>.NotFound()) : (job, null);
    }

    private async Task<ImportPlan> PlanAsync(Guid projectId, ImportJob job, CancellationToken ct)
    {
        var (codes, events, attendance, personKeys) = await ExistingAsync(db, projectId, ct);
        return planner.Plan(job.Table, job.Mapping, codes, events, attendance, personKeys, keys.KeyFor);
    }

    internal static async Task<(HashSet<string> Codes, Dictionary<int, Guid> Events, HashSet<(string, int)> Attendance, Dictionary<string, string> Keys)>
        ExistingAsync(TalkaDbContext db, Guid projectId, CancellationToken ct)
    {
        var personKeys = (await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId && p.PersonKey != null)
                .Select(p => new { p.PersonKey, p.Code }).ToListAsync(ct))
            .GroupBy(p => p.PersonKey!).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        var codes = (await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var events = await db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == projectId).ToDictionaryAsync(e => e.Number, e => e.Id, ct);
        var attendance = (await (from a in db.Set<Attendance>().AsNoTracking()
                                 join e in db.Set<Event>().AsNoTracking() on a.EventId equals e.Id
                                 join p in db.Set<Participant>().AsNoTracking() on a.ParticipantId equals p.Id
                                 where e.ProjectId == projectId
                                 select new { p.Code, e.Number }).ToListAsync(ct)).Select(x => (x.Code, x.Number)).ToHashSet();
        return (codes, events, attendance, personKeys);
    }

    /// <summary>The participant register with attendance, in the import template's columns: what goes out comes back in
    /// unchanged.</summary>
    public async Task<Result<ExportFile>> ExportAsync(Guid projectId, string format, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return Result<ExportFile>.NotFound();
        var people = await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId).OrderBy(p => p.Code).ToListAsync(ct);
        var attendance = (await (from a in db.Set<Attendance>().AsNoTracking()
                                 join e in db.Set<Event>().AsNoTracking() on a.EventId equals e.Id
                                 where e.ProjectId == projectId
                                 select new { a.ParticipantId, e.Number, a.AcademicHours }).ToListAsync(ct))
            .GroupBy(a => a.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Number).ToList());
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in people)
        {
            object?[] Row(int? eventNumber, decimal? hours) =>
            [
                p.Code, p.DisplayName, texts.Enum(p.Category), p.Organisation, p.Municipality, p.Gender is { } g ? texts.Enum(g) : null,
                p.AgeBand is { } a ? texts.Enum(a) : null, p.TargetGroup is { } t ? texts.Enum(t) : null, p.Consent ? texts["Common.Yes"] : texts["Common.No"],
                null, eventNumber, hours,
            ];
            if (attendance.TryGetValue(p.Id, out var attended)) rows.AddRange(attended.Select(x => Row(x.Number, x.AcademicHours)));
            else rows.Add(Row(null, null));
        }
        return Result<ExportFile>.Success(File(ImportPlanner.TemplateHeaders, rows, format, $"dalyviai-{projectId.ToString()[..8]}"));
    }

    public async Task<Result<ExportFile>> TemplateAsync(Guid projectId, string format, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return Result<ExportFile>.NotFound();
        return Result<ExportFile>.Success(File(ImportPlanner.TemplateHeaders, [], format, "dalyviu-sablonas"));
    }

    private static ExportFile File(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, string format, string name) =>
        format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)
            ? new ExportFile(SpreadsheetWriter.Xlsx(headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : new ExportFile(SpreadsheetWriter.Csv(headers, rows, CsvFormat.Lithuanian), "text/csv; charset=utf-8", name + ".csv");
}

/// <summary>Applies a checked plan in one transaction, in chunks so that progress can be shown. Runs in its own
/// scope.</summary>
public sealed class ImportApplier(TalkaDbContext db, PersonKeySecret keys, AuditSettings audit, ImportPlanner planner, TimeProvider clock)
{
    public async Task ApplyAsync(ImportJob job)
    {
        audit.SummaryOnly = true;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Check again inside the transaction: another import may have added some of the same rows since the preview.
        var (codes, events, attendance, personKeys) = await ImportService.ExistingAsync(db, job.ProjectId, default);
        var plan = planner.Plan(job.Table, job.Mapping, codes, events, attendance, personKeys, keys.KeyFor);
        if (plan.Errors.Count > 0) throw new DomainException("ImportChanged");
        job.Plan = plan;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in plan.NewParticipants.Chunk(2_000))
        {
            db.AddRange(chunk.Select(p => new Participant(job.ProjectId, p.Details, p.Person is { } person ? keys.KeyFor(person) : null)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            job.Advance(chunk.Length);
        }
        var ids = await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == job.ProjectId).ToDictionaryAsync(p => p.Code, p => p.Id);
        foreach (var chunk in plan.NewAttendances.Chunk(2_000))
        {
            db.AddRange(chunk.Select(a => new Attendance(events[a.EventNumber], ids[a.Code], a.Hours)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            job.Advance(chunk.Length);
        }
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = job.UserId, UserName = job.UserName, EntityType = "Import", EntityId = job.Id.ToString(),
            RootId = job.ProjectId.ToString(), ProjectId = job.ProjectId, Action = "Added",
            Changes = JsonSerializer.Serialize(new { File = job.FileName, plan.Rows, Participants = plan.NewParticipants.Count, Attendances = plan.NewAttendances.Count }),
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}

public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddSingleton<ImportJobs>().AddScoped<ImportPlanner>().AddScoped<ImportService>().AddScoped<ImportApplier>();
}
