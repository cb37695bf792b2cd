using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// Lists sorted by a name or a title sort in the Lithuanian alphabet (C before Č, S before Š, Z before Ž; Ą, Į, Y
/// and the other marked letters with their base letter) through one collation named <see cref="Name"/>, used in
/// queries as <c>EF.Functions.Collate(column, LithuanianCollation.Name)</c>: on PostgreSQL an ICU collation the
/// migrations create; on SQLite a collation this interceptor registers on each connection, comparing as .NET's lt-LT
/// culture does (ICU as well).
/// </summary>
public sealed class LithuanianCollation : DbConnectionInterceptor
{
    public const string Name = "lt";
    private static readonly CompareInfo Lithuanian = CultureInfo.GetCultureInfo("lt-LT").CompareInfo;

    /// <summary>The same order for lists sorted in memory, whatever the page's language.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("lt-LT"), false);

    /// <summary>Registered once on each connection EF creates; the connection applies it at every open.</summary>
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        if (result is SqliteConnection sqlite)
            sqlite.CreateCollation(Name, (x, y) => Lithuanian.Compare(x, y, CompareOptions.None));
        return result;
    }
}
