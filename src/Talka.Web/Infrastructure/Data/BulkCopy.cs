using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// Writes many new rows of one entity type by PostgreSQL's binary COPY, on the context's connection and so inside its
/// transaction: the columns, names and value conversions (enums as names) come from the EF model, so the rows are the
/// ones SaveChanges would write. Nothing is tracked or audited: the caller writes its own summary.
/// </summary>
public static class BulkCopy
{
    public static async Task WriteAsync<T>(TalkaDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties()
            .Select(p => (Column: p.GetColumnName(), Get: p.GetGetter(), Convert: p.GetTypeMapping().Converter))
            .ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (_, get, convert) in columns)
            {
                var value = get.GetClrValue(row);
                if (value is not null && convert is not null) value = convert.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }
}
