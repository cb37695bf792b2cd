using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// Lists sorted by a name or a title sort in the Lithuanian alphabet (A, Ą, B, C, Č … I, Į, Y, J … S, Š … Z, Ž) through
/// one collation named <see cref="Name"/>, used in queries as <c>EF.Functions.Collate(column, LithuanianCollation.Name)</c>:
/// on PostgreSQL an ICU collation the migrations create; on SQLite a collation this interceptor registers on each
/// connection, comparing as .NET's lt-LT culture does (ICU as well).
/// </summary>
public sealed class LithuanianCollation : DbConnectionInterceptor
{
    public const string Name = "lt";
    private static readonly CompareInfo Lithuanian = CultureInfo.GetCultureInfo("lt-LT").CompareInfo;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateCollation(Name, (x, y) => Lithuanian.Compare(x, y, CompareOptions.None));
    }
}
