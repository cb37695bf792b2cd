using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// Runs a write as one use case: in one transaction, so that nothing half-done is saved; a broken rule becomes a field
/// error, a stale version a conflict. When two requests race for the same unique number (an event's number, a
/// participant's code, an agreement number, a legal entity code), the loser's transaction is rolled back and the use
/// case
/// runs again from the start: a number allocated from the maximum then takes the next one, and a value typed by the
/// user
/// meets the service's own check and comes back as a field error. Never a 500.
/// </summary>
public sealed class Writes(TalkaDbContext db, Texts texts)
{
    private const int Attempts = 8;

    public async Task<Result<T>> Run<T>(Func<Task<Result<T>>> body)
    {
        // A use case inside another one's transaction (an import applying rows, say) is part of it: the outer one
        // decides,
        // and a refusal inside must not clear the outer one's pending changes.
        if (db.Database.CurrentTransaction is not null) return await body();
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                var result = await body();
                if (result.Ok) await transaction.CommitAsync();
                else await transaction.RollbackAsync();
                if (!result.Ok) db.ChangeTracker.Clear();
                return result;
            }
            catch (DomainException error)
            {
                db.ChangeTracker.Clear();
                return Result<T>.From(error, texts);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result<T>.Conflict(texts["Error.Concurrency"]);
            }
            catch (DbUpdateException error) when (UniqueViolation.Is(error))
            {
                db.ChangeTracker.Clear();
                if (attempt < Attempts)
                {
                    // A short, growing, jittered pause, so that racers do not meet again in step.
                    await Task.Delay(Random.Shared.Next(2, 12) * attempt);
                    continue;
                }
                return Result<T>.Invalid(new FieldError(UniqueViolation.Field(error) ?? "", texts["Error.Duplicate"]));
            }
        }
    }

    /// <summary>Checks the version the user's form was made from, before and (through the token) during the
    /// save.</summary>
    public void ExpectVersion<TEntity>(TEntity entity, int version) where TEntity : class, IVersioned
    {
        if (entity.Version != version) throw new DbUpdateConcurrencyException(texts["Error.Concurrency"]);
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = version;
        entry.Property(e => e.Version).IsModified = true;
    }
}
