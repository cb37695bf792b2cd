using System.Data.Common;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// Connections to Talka's database outside Entity Framework, with the same connection string (so, on PostgreSQL, from
/// the same pool), for the one query every signed-in request runs (<see cref="Identity.SessionStamp"/>): a DbContext
/// made for a request that asks nothing else (a page the cache serves, a health check) cost it more than the query.
/// </summary>
public sealed class DirectConnections(Func<DbConnection> create)
{
    /// <summary>A new, closed connection; the caller opens and disposes it.</summary>
    public DbConnection Create() => create();
}
