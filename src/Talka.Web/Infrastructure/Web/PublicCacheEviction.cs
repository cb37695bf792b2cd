using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Evicts this instance's public cache after a save that changed records (not the log, jobs or keys): only the
/// pages of the projects whose delivery records alone it changed (<see cref="Features.Delivery.FiguresInterceptor"/>,
/// which finds those projects for their figures, names them through <see cref="ProjectChangedAsync"/>), otherwise
/// all. Inside a transaction the pages are evicted when it commits, not when the save runs: a visitor's request in
/// between would read the records as they were and keep the old page for the cache's whole time. Nothing is evicted
/// for a transaction rolled back.</summary>
public sealed class PublicCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _noted;
    /// <summary>What the saves so far evict: everything, or these projects' pages.</summary>
    private bool _all;
    private readonly HashSet<Guid> _projects = [];

    /// <summary>Evicts a project's page after a change to its delivery records or its stored figures, when the
    /// current transaction commits or at once outside one.</summary>
    public Task ProjectChangedAsync(DbContext db, Guid projectId)
    {
        _projects.Add(projectId);
        return db.Database.CurrentTransaction is null ? EvictAsync() : Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ClearNoted();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ClearNoted();
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync().GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction,
        TransactionEndEventData eventData, CancellationToken cancellationToken) => EvictAsync();

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction,
        TransactionEndEventData eventData) => ClearPending();

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction,
        TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        ClearPending();
        return Task.CompletedTask;
    }

    /// <summary>Evicts what the save changed unless a transaction is still open.</summary>
    private async Task SavedAsync(DbContext? context)
    {
        _all |= _noted;
        ClearNoted();
        if (context?.Database.CurrentTransaction is null) await EvictAsync();
    }

    private async Task EvictAsync()
    {
        try
        {
            if (_all) await store.EvictByTagAsync(PublicCache.Tag, CancellationToken.None);
            else
                foreach (var project in _projects)
                    await store.EvictByTagAsync(PublicCache.ProjectTag(project), CancellationToken.None);
        }
        finally
        {
            ClearPending();
        }
    }

    private void ClearNoted() => _noted = false;

    private void ClearPending()
    {
        _all = false;
        _projects.Clear();
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
            if (IsRecordChange(entry) && !Features.Delivery.DeliveryChanges.Holds(entry.Entity)) _noted = true;
    }

    private static bool IsRecordChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e) =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is not (AuditEntry or INotAudited
            or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);

    /// <summary>Whether the save about to happen changes records (not only the log, jobs, stored files or
    /// keys).</summary>
    public static bool ChangesRecords(DbContext? context) =>
        context?.ChangeTracker.Entries().Any(IsRecordChange) == true;
}
