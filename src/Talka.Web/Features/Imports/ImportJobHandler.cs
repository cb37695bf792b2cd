using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Imports;

/// <summary>
/// Applies a started import, on whichever instance takes the job: all rows or none, in one transaction. If the
/// instance stops half way, the transaction is rolled back and the job, taken again, applies the file from the start.
/// </summary>
public sealed class ImportJobHandler(
    TalkaDbContext db,
    ImportApplier applier,
    IServiceScopeFactory scopes,
    Texts texts,
    ILogger<ImportJobHandler> logger
) : IJobHandler
{
    public const string JobKind = "import";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var id = Guid.Parse(payload);
        var upload = await db.Set<ImportUpload>().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null || upload.State is ImportState.Done or ImportState.Failed)
            return;
        // Progress goes through a connection of its own on PostgreSQL; SQLite has one writer, the import's
        // transaction, so there the count is set when it ends.
        var progress = db.Database.IsNpgsql() ? new ProgressWriter(scopes, id) : null;
        try
        {
            // The applier marks the import done in the rows' own transaction: nothing is left to write after its
            // commit, so nothing can fail between the rows being saved and the import saying so.
            await applier.ApplyAsync(upload, progress is null ? null : progress.Advance, ct);
            return;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            logger.LogError(
                error,
                "Import {ImportId} into project {ProjectId} failed; nothing was saved",
                upload.Id,
                upload.ProjectId
            );
            db.ChangeTracker.Clear();
            upload = await db.Set<ImportUpload>().SingleAsync(u => u.Id == id, ct);
            // The commit reached the database before the failure was seen: the rows are in and the import says so.
            if (upload.State == ImportState.Done) return;
            upload.Failure = error switch
            {
                DbUpdateException => texts["Import.Conflict"],
                DomainException => texts["Import.Changed"],
                _ => texts["Import.Failed"],
            };
            upload.State = ImportState.Failed;
        }
        upload.Version++;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Writes the count of rows applied so far, after each chunk, from a scope (and connection) of its
    /// own.</summary>
    private sealed class ProgressWriter(IServiceScopeFactory scopes, Guid id)
    {
        private int _processed;

        public async Task Advance(int count)
        {
            _processed += count;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
            await db.Set<ImportUpload>()
                .Where(u => u.Id == id && u.State == ImportState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Processed, _processed));
        }
    }
}
