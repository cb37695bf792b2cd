using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <summary>Programmes' stored dashboard counts: marked stale, refreshed, and refreshed where stale or
/// missing.</summary>
public sealed class ProgrammeFigureStore(TalkaDbContext db)
{
    /// <summary>Marks the programmes stale and advances their generation, in the caller's transaction (a programme
    /// without a row gets one from its refresh).</summary>
    /// <remarks>The national row goes stale with any programme; callers include it (<see cref="WithNational"/>).
    /// Visitors read stored counts while stale (<see cref="ReachQueries.CountsAsync"/>), unless <paramref
    /// name="withdrawn"/> clears them: the change takes a project out of the public counts.</remarks>
    public async Task MarkStaleAsync(IReadOnlyCollection<Guid> programmeIds, bool withdrawn = false,
        CancellationToken ct = default)
    {
        if (programmeIds.Count == 0) return;
        await db.Set<ProgrammeFigures>().Where(f => programmeIds.Contains(f.ProgrammeId)).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(f => f.Stale, true).SetProperty(f => f.Generation, f => f.Generation + 1);
            if (withdrawn) s.SetProperty(f => f.Figures, "");
        }, ct);
    }

    /// <summary>The programmes and, if there are any, the national row after them.</summary>
    public static List<Guid> WithNational(IEnumerable<Guid> programmeIds)
    {
        var ids = programmeIds.Where(id => id != ProgrammeFigures.AllProgrammes).ToList();
        if (ids.Count > 0) ids.Add(ProgrammeFigures.AllProgrammes);
        return ids;
    }

    /// <summary>Counts a programme again and stores it, unless a change came meanwhile (then counts again). False if
    /// changes kept coming.</summary>
    public async Task<bool> RefreshAsync(Guid programmeId, TimeProvider clock, CancellationToken ct = default)
    {
        var reach = new ReachQueries(db);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await db.Set<ProgrammeFigures>().AsNoTracking().Where(f => f.ProgrammeId == programmeId)
                .Select(f => new { f.Generation, f.Stale, Empty = f.Figures == "" }).SingleOrDefaultAsync(ct);
            if (row is null)
            {
                if (programmeId != ProgrammeFigures.AllProgrammes
                    && !await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
                    return true;
                db.Add(new ProgrammeFigures { ProgrammeId = programmeId });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // another instance added it
                }
                continue;
            }
            if (!row.Stale && !row.Empty) return true;
            var json = ReachQueries.Write(await reach.RecountAsync(programmeId, ct));
            var now = clock.GetUtcNow().UtcDateTime;
            var stored = await db.Set<ProgrammeFigures>()
                .Where(f => f.ProgrammeId == programmeId && f.Generation == row.Generation)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures, json).SetProperty(f => f.Stale, false)
                    .SetProperty(f => f.ComputedAt, (DateTime?)now), ct);
            if (stored == 1) return true;
            // Visitors read the counts while stale: under a steady stream of changes a count that some change overtook
            // is still newer than the one stored, so it is kept, still stale; the change that overtook it queued the
            // next refresh (this one was running). Unless a change cleared the counts meanwhile: it took a project out
            // of them, and this count may hold it.
            if (await db.Set<ProgrammeFigures>().Where(f => f.ProgrammeId == programmeId && f.Figures != "")
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures, json)
                        .SetProperty(f => f.ComputedAt, (DateTime?)now), ct) == 1)
                return true;
        }
        return false;
    }

    /// <summary>Refreshes every programme whose counts are stale or missing.</summary>
    public async Task<int> RefreshStaleAsync(TimeProvider clock, CancellationToken ct = default)
    {
        var ids = await db.Programmes.AsNoTracking()
            .Where(p => !db.Set<ProgrammeFigures>().Any(f => f.ProgrammeId == p.Id && !f.Stale && f.Figures != ""))
            .Select(p => p.Id).ToListAsync(ct);
        if (!await db.Set<ProgrammeFigures>()
                .AnyAsync(f => f.ProgrammeId == ProgrammeFigures.AllProgrammes && !f.Stale && f.Figures != "", ct))
            ids.Add(ProgrammeFigures.AllProgrammes);
        foreach (var id in ids) await RefreshAsync(id, clock, ct);
        return ids.Count;
    }

    /// <summary>The stored counts of every programme against a recount: the programmes that differ.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Guid? only = null, CancellationToken ct = default)
    {
        var reach = new ReachQueries(db);
        var differences = new List<string>();
        var ids = await db.Programmes.AsNoTracking().Where(p => only == null || p.Id == only).OrderBy(p => p.Id)
            .Select(p => p.Id).ToListAsync(ct);
        if (only is null || only == ProgrammeFigures.AllProgrammes) ids.Add(ProgrammeFigures.AllProgrammes);
        foreach (var id in ids)
        {
            // A change committed while counting makes the comparison meaningless: compare again (a few times).
            for (var attempt = 0; ; attempt++)
            {
                var row = await StoredRowAsync(id, ct);
                var recount = ReachQueries.Write(await reach.RecountAsync(id, ct));
                if (attempt < 4 && (await StoredRowAsync(id, ct))?.Generation != row?.Generation) continue;
                if (row is null || row.Figures == "") differences.Add($"programme {id}: no stored counts");
                else if (row.Stale) differences.Add($"programme {id}: stale");
                else if (row.Figures != recount)
                    differences.Add($"programme {id}: stored {row.Figures} but recounted {recount}");
                break;
            }
        }
        return differences;
    }

    private Task<ProgrammeFigures?> StoredRowAsync(Guid programmeId, CancellationToken ct) =>
        db.Set<ProgrammeFigures>().AsNoTracking().SingleOrDefaultAsync(f => f.ProgrammeId == programmeId, ct);
}
