using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talka.Web.Infrastructure.Jobs;

/// <summary>Wakes this instance's job worker when a transaction that queued a job commits, so that the worker finds
/// the job at once instead of on its next poll.</summary>
public sealed class WakeOnCommit(JobSignal signal) : DbTransactionInterceptor
{
    private bool _armed;

    /// <summary>Wake the worker when the current transaction commits.</summary>
    public void Arm() => _armed = true;

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Fire();

    public override Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Fire();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        _armed = false;

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _armed = false;
        return Task.CompletedTask;
    }

    private void Fire()
    {
        if (!_armed)
            return;
        _armed = false;
        signal.Wake();
    }
}
