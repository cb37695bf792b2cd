using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Runs a write: a broken rule becomes a field error, a stale version a conflict; nothing half-done is saved.</summary>
public sealed class Writes(TalkaDbContext db, Texts texts)
{
    public async Task<Result<T>> Run<T>(Func<Task<Result<T>>> body)
    {
        try
        {
            return await body();
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
    }

    /// <summary>Checks the version the user's form was made from, before and (through the token) during the save.</summary>
    public void ExpectVersion<TEntity>(TEntity entity, int version) where TEntity : class, IVersioned
    {
        if (entity.Version != version) throw new DbUpdateConcurrencyException(texts["Error.Concurrency"]);
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = version;
        entry.Property(e => e.Version).IsModified = true;
    }
}
