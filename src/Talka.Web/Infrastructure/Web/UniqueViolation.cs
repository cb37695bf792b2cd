using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Recognises a unique-key violation from either database, and the field it is about where the index
/// tells.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException error) => error.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT (19) with the extended codes for UNIQUE (2067) and PRIMARY KEY (1555).
        Microsoft.Data.Sqlite.SqliteException sqlite =>
            sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>The last column named in the index or message ("IX_Events_ProjectId_Number" → "Number"), named as the
    /// domain's own errors name fields.</summary>
    public static string? Field(DbUpdateException error)
    {
        var text = error.InnerException switch
        {
            Npgsql.PostgresException pg => pg.ConstraintName,
            { } other => other.Message,
            null => null,
        };
        if (string.IsNullOrEmpty(text)) return null;
        var last = text.Split('_', '.', ' ', '\'', ',').LastOrDefault(p => p.Length > 0);
        return last is null ? null : char.ToUpperInvariant(last[0]) + last[1..];
    }
}
