using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Imports;

public enum ImportState { Ready, Running, Done, Failed }

/// <param name="Mapping">Each field read from the file, with the column it is read from; a field not listed is not
/// read.</param>
/// <param name="Headers">The file's column headings, in order.</param>
/// <param name="Columns">Each field read from the file, with the index of its column in <paramref name="Headers"/>.</param>
public sealed record ImportStatus(Guid Id, string FileName, ImportState State, int Processed, int Total, int Rows, int NewParticipants, int ExistingParticipants,
    int NewAttendances, int ExistingAttendances, IReadOnlyList<ImportError> Errors, int ErrorCount, IReadOnlyDictionary<ImportField, string> Mapping,
    string? Failure, string? Encoding, char? Delimiter, string Format, IReadOnlyList<string> Headers, IReadOnlyDictionary<ImportField, int> Columns,
    IReadOnlyList<ImportPreviewRow> Preview, IReadOnlyList<ImportChoice> Choices)
{
    public static ImportStatus Of(ImportUpload upload)
    {
        var summary = JsonSerializer.Deserialize<ImportSummary>(upload.Summary, ImportService.Json)!;
        var columns = ImportService.MappingOf(upload).Where(m => m.Value >= 0 && m.Value < summary.Headers.Count).ToDictionary(m => m.Key, m => m.Value);
        return new(upload.Id, upload.FileName, upload.State, upload.Processed, upload.Total, summary.Rows, summary.NewParticipants,
            summary.ExistingParticipants, summary.NewAttendances, summary.ExistingAttendances, summary.Errors, summary.ErrorCount,
            columns.ToDictionary(c => c.Key, c => summary.Headers[c.Value]), upload.Failure, summary.Encoding, summary.Delimiter, summary.Format,
            summary.Headers, columns, summary.Preview ?? [], summary.Choices ?? []);
    }
}

/// <summary>
/// Imports participants and attendance from a spreadsheet: read, map the columns, check every row, then apply all rows
/// or none
/// in one transaction. A row already in the project (same participant number, same event) adds nothing, so a file
/// imported
/// twice changes nothing the second time.
/// </summary>
public sealed class ImportService(
    TalkaDbContext db, ProjectGate gate, ViewerAccessor viewers, ImportPlanner planner, Texts texts, PersonKeySecret keys, JobQueue jobs,
    TimeProvider clock)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Dictionary<string, string> ChoicesOf(ImportUpload upload) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(upload.Choices, Json) ?? [];

    public static Dictionary<ImportField, int> MappingOf(ImportUpload upload) =>
        JsonSerializer.Deserialize<Dictionary<ImportField, int>>(upload.Mapping, Json) ?? [];

    public static SheetTable TableOf(ImportUpload upload) => SpreadsheetReader.Read(new MemoryStream(upload.Content));

    public async Task<Result<ImportStatus>> UploadAsync(Guid projectId, Stream file, string fileName, long length, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return refusal == Outcome.Forbidden ? Result<ImportStatus>.Forbidden() : Result<ImportStatus>.NotFound();
        if (length > MaxFileBytes) return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.File.TooLarge", MaxFileBytes / 1024 / 1024]));
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, ct);
        var bytes = copy.ToArray();
        SheetTable table;
        try
        {
            table = SpreadsheetReader.Read(new MemoryStream(bytes));
        }
        catch (SpreadsheetException error)
        {
            return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.File." + error.Code, error.Args.ToArray()]));
        }
        var viewer = await viewers.GetAsync(ct);
        var upload = new ImportUpload
        {
            ProjectId = projectId, UserId = viewer.UserId!, UserName = viewer.Email ?? "", FileName = Path.GetFileName(fileName), Content = bytes,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await CheckAsync(upload, table, ImportPlanner.AutoMap(table.Headers), ct);
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        return Result<ImportStatus>.Success(ImportStatus.Of(upload));
    }

    /// <summary>Maps and checks the file against the project as it is now, and keeps what was found.</summary>
    private async Task CheckAsync(ImportUpload upload, SheetTable table, Dictionary<ImportField, int> mapping, CancellationToken ct)
    {
        var (codes, events, attendance, personKeys) = await ExistingAsync(db, upload.ProjectId, ct);
        var plan = planner.Plan(table, mapping, codes, events, attendance, personKeys, keys.KeyFor, ChoicesOf(upload));
        upload.Mapping = JsonSerializer.Serialize(mapping, Json);
        upload.Total = plan.NewParticipants.Count + plan.NewAttendances.Count;
        upload.Summary = JsonSerializer.Serialize(new ImportSummary(plan.Rows, plan.NewParticipants.Count, plan.ExistingParticipants,
            plan.NewAttendances.Count, plan.ExistingAttendances, plan.Errors.Take(200).ToList(), plan.Errors.Count, table.Headers, table.Encoding,
            table.Delimiter, table.Format, plan.Preview, plan.Choices), Json);
    }

    public async Task<Result<ImportStatus>> RemapAsync(Guid projectId, Guid importId, IReadOnlyDictionary<ImportField, int> mapping, CancellationToken ct = default)
    {
        var (upload, failure) = await UploadOfAsync(projectId, importId, ct);
        if (upload is null) return failure!;
        if (upload.State != ImportState.Ready) return Result<ImportStatus>.Success(ImportStatus.Of(upload));
        var table = TableOf(upload);
        await CheckAsync(upload, table,
            Enum.GetValues<ImportField>().ToDictionary(f => f, f => mapping.TryGetValue(f, out var i) && i < table.Headers.Count ? i : -1), ct);
        await db.SaveChangesAsync(ct);
        return Result<ImportStatus>.Success(ImportStatus.Of(upload));
    }

    /// <summary>Keeps the user's choices for values that may mean more than one municipality, and checks again.</summary>
    public async Task<Result<ImportStatus>> ChooseAsync(Guid projectId, Guid importId, IReadOnlyDictionary<string, string> choices,
        CancellationToken ct = default)
    {
        var (upload, failure) = await UploadOfAsync(projectId, importId, ct);
        if (upload is null) return failure!;
        if (upload.State != ImportState.Ready) return Result<ImportStatus>.Success(ImportStatus.Of(upload));
        var kept = ChoicesOf(upload);
        foreach (var (key, municipality) in choices)
        {
            if (string.IsNullOrWhiteSpace(municipality)) continue;
            if (!Municipalities.IsKnown(municipality))
                return Result<ImportStatus>.Invalid(new FieldError("Choices", texts["Error.UnknownMunicipality", municipality]));
            kept[ImportPlanner.ChoiceKey(key)] = municipality;
        }
        upload.Choices = JsonSerializer.Serialize(kept, Json);
        await CheckAsync(upload, TableOf(upload), MappingOf(upload), ct);
        await db.SaveChangesAsync(ct);
        return Result<ImportStatus>.Success(ImportStatus.Of(upload));
    }

    public async Task<Result<ImportStatus>> StatusAsync(Guid projectId, Guid importId, CancellationToken ct = default)
    {
        var (upload, failure) = await UploadOfAsync(projectId, importId, ct);
        return upload is null ? failure! : Result<ImportStatus>.Success(ImportStatus.Of(upload));
    }

    /// <summary>Starts applying the plan: a persisted job, taken by one instance. Asking again (a double click, a retry)
    /// starts nothing new.</summary>
    public async Task<Result<ImportStatus>> StartAsync(Guid projectId, Guid importId, CancellationToken ct = default)
    {
        var (upload, failure) = await UploadOfAsync(projectId, importId, ct);
        if (upload is null) return failure!;
        if (upload.State != ImportState.Ready) return Result<ImportStatus>.Success(ImportStatus.Of(upload));
        var summary = JsonSerializer.Deserialize<ImportSummary>(upload.Summary, Json)!;
        if (summary.ErrorCount > 0) return Result<ImportStatus>.Invalid(new FieldError("File", texts["Import.HasErrors", summary.ErrorCount]));
        upload.State = ImportState.Running;
        upload.Version++;
        jobs.Enqueue(ImportJobHandler.JobKind, upload.Id.ToString());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // Started by another request meanwhile.
            db.ChangeTracker.Clear();
            upload = await db.Set<ImportUpload>().AsNoTracking().SingleAsync(u => u.Id == importId, ct);
        }
        return Result<ImportStatus>.Success(ImportStatus.Of(upload));
    }

    /// <summary>The upload, if it is this user's, in a project they may change.</summary>
    private async Task<(ImportUpload?, Result<ImportStatus>?)> UploadOfAsync(Guid projectId, Guid importId, CancellationToken ct)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal)
            return (null, refusal == Outcome.Forbidden ? Result<ImportStatus>.Forbidden() : Result<ImportStatus>.NotFound());
        var userId = (await viewers.GetAsync(ct)).UserId;
        var upload = await db.Set<ImportUpload>().SingleOrDefaultAsync(u => u.Id == importId && u.ProjectId == projectId && u.UserId == userId, ct);
        return upload is null ? (null, Result<ImportStatus>.NotFound()) : (upload, null);
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
        return Result<ExportFile>.Success(ExportFile.Of(ImportPlanner.TemplateHeaders, rows, format, $"dalyviai-{projectId.ToString()[..8]}"));
    }

    public async Task<Result<ExportFile>> TemplateAsync(Guid projectId, string format, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return Result<ExportFile>.NotFound();
        if (!format.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
            return Result<ExportFile>.Success(ExportFile.Of(ImportPlanner.TemplateHeaders, [], format, "dalyviu-sablonas"));
        // The coded columns offer their values (the template's column order: see ImportPlanner.TemplateHeaders).
        IReadOnlyList<string> Labels<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => texts.Enum(v))];
        TemplateColumnList[] lists =
        [
            new(2, Labels<ParticipantCategory>()),
            new(4, Municipalities.All),
            new(5, Labels<Gender>()),
            new(6, Labels<AgeBand>()),
            new(7, Labels<Talka.Domain.Projects.TargetGroup>()),
            new(8, [texts["Common.Yes"], texts["Common.No"]]),
        ];
        var workbook = XlsxTemplate.Create("Dalyviai", ImportPlanner.TemplateHeaders, lists, "Sąrašai", "Instrukcija",
            [.. Enumerable.Range(1, 7).Select(i => texts[$"Import.Instruction{i}"])],
            ["D-001", "Ona Onaitė", texts.Enum(ParticipantCategory.Volunteer), "Asociacija „Bendruomenė“", "Kauno m.", texts.Enum(Gender.Female),
                texts.Enum(AgeBand.From30To44), null, texts["Common.Yes"], null, "1", "4"],
            texts["Import.ExampleRow"]);
        return Result<ExportFile>.Success(new ExportFile(workbook, Infrastructure.Web.ApiDocs.Xlsx, "dalyviu-sablonas.xlsx"));
    }

}

/// <summary>Applies an upload in one transaction, in chunks so that progress can be shown. Runs in the job's
/// scope.</summary>
public sealed class ImportApplier(TalkaDbContext db, PersonKeySecret keys, AuditSettings audit, ImportPlanner planner, TimeProvider clock,
    Delivery.FiguresInterceptor figures)
{
    public async Task ApplyAsync(ImportUpload upload, Func<int, Task>? advance, CancellationToken ct)
    {
        audit.SummaryOnly = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Check again inside the transaction: another import may have added some of the same rows since the preview.
        var (codes, events, attendance, personKeys) = await ImportService.ExistingAsync(db, upload.ProjectId, ct);
        var plan = planner.Plan(ImportService.TableOf(upload), ImportService.MappingOf(upload), codes, events, attendance, personKeys, keys.KeyFor,
            ImportService.ChoicesOf(upload));
        if (plan.Errors.Count > 0) throw new DomainException("ImportChanged");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // On PostgreSQL the rows go by binary COPY (the same columns SaveChanges would write); elsewhere by chunked saves.
        var copy = db.Database.IsNpgsql();
        var chunkSize = copy ? 20_000 : 2_000;
        async Task WriteAsync<T>(T[] rows) where T : class
        {
            if (copy) await BulkCopy.WriteAsync(db, rows, ct);
            else
            {
                db.AddRange(rows);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            if (advance is not null) await advance(rows.Length);
        }
        var ids = new Dictionary<string, Guid>();
        foreach (var chunk in plan.NewParticipants.Chunk(chunkSize))
        {
            var people = chunk.Select(p => new Participant(upload.ProjectId, p.Details, p.Person is { } person ? keys.KeyFor(person) : null)).ToArray();
            foreach (var person in people) ids[person.Code] = person.Id;
            await WriteAsync(people);
        }
        foreach (var (code, id) in await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == upload.ProjectId)
                     .Select(p => new { p.Code, p.Id }).ToDictionaryAsync(p => p.Code, p => p.Id, ct))
            ids.TryAdd(code, id);
        foreach (var chunk in plan.NewAttendances.Chunk(chunkSize))
            await WriteAsync(chunk.Select(a => new Attendance(events[a.EventNumber], ids[a.Code], a.Hours)).ToArray());
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = upload.UserId, UserName = upload.UserName, EntityType = "Import", EntityId = upload.Id.ToString(),
            RootId = upload.ProjectId.ToString(), ProjectId = upload.ProjectId, Action = "Added",
            Changes = JsonSerializer.Serialize(new { File = upload.FileName, plan.Rows, Participants = plan.NewParticipants.Count, Attendances = plan.NewAttendances.Count }),
        });
        await db.SaveChangesAsync(ct);
        // The chunks were saved in summary mode (on PostgreSQL copied in, past any tracked record), which does not
        // refresh figures: once here, before the commit.
        await figures.BulkChangedAsync(db, upload.ProjectId, ct);
        // Done with the rows, in their transaction: a job run again after this commit (its worker failed before recording
        // the outcome) finds the import done and leaves it, instead of logging it twice.
        await db.Set<ImportUpload>().Where(u => u.Id == upload.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, ImportState.Done).SetProperty(u => u.Processed, u => u.Total)
                .SetProperty(u => u.Version, u => u.Version + 1), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}

public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ImportPlanner>().AddScoped<ImportService>().AddScoped<ImportApplier>().AddJobHandler<ImportJobHandler>();
}
