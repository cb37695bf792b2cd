namespace Talka.Web.Infrastructure.Data;

/// <summary>SQL that puts a column's text in the search form (<see cref="Talka.Domain.Common.SearchText"/>) for
/// migrations that fill a new search column from saved rows: lower case, the Lithuanian letters without their
/// diacritics. The same on SQLite (whose lower() knows only ASCII) and PostgreSQL. Rows saved afterwards get the full
/// form from the domain.</summary>
public static class SqlSearchText
{
    private const string Letters = "ąaĄačcČcęeĘeėeĖeįiĮišsŠsųuŲuūuŪužzŽz";

    /// <param name="where">A further condition on the rows to fill, if any.</param>
    public static string Fill(string table, string searchColumn, string sourceColumn, string? where = null) =>
        $"UPDATE \"{table}\" SET \"{searchColumn}\" = {Folded($"\"{sourceColumn}\"")} WHERE \"{sourceColumn}\" IS NOT NULL"
        + (where is null ? ";" : $" AND {where};");

    /// <summary>Fills the search column from several required text columns, joined by spaces.</summary>
    public static string FillJoined(string table, string searchColumn, params string[] sourceColumns) =>
        $"UPDATE \"{table}\" SET \"{searchColumn}\" = "
        + Folded(string.Join(" || ' ' || ", sourceColumns.Select(c => $"\"{c}\""))) + ";";

    private static string Folded(string expression)
    {
        for (var i = 0; i < Letters.Length; i += 2)
            expression = $"replace({expression}, '{Letters[i]}', '{Letters[i + 1]}')";
        return $"lower({expression})";
    }
}
