using System.Text;
using Npgsql;
using NpgsqlTypes;
using Talka.Domain.Common;

namespace Talka.Bench;

/// <summary>The import benchmark's file (participant number; event number: a fifth as many participants as rows, each
/// at five events) and its baseline: the same rows read from the file and written by binary COPY, with nothing
/// checked.</summary>
internal static class ImportFile
{
    public static async Task WriteAsync(int rows, string path)
    {
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        await file.WriteAsync("Dalyvio Nr.;Renginio Nr.\r\n");
        for (var i = 0; i < rows; i++) await file.WriteAsync($"I-{i / 5 + 1:D6};{i % 5 + 1}\r\n");
    }

    public static async Task<int> CopyAsync(string connectionString, string path, Guid project)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var events = new Dictionary<int, Guid>();
        await using (var command = new NpgsqlCommand("SELECT \"Number\", \"Id\" FROM \"Events\" WHERE \"ProjectId\" = @p", db))
        {
            command.Parameters.AddWithValue("p", project);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) events[reader.GetInt32(0)] = reader.GetGuid(1);
        }
        var lines = (await File.ReadAllLinesAsync(path)).Skip(1).Select(l => l.Split(';')).ToList();
        var participants = new Dictionary<string, Guid>();
        await using var transaction = await db.BeginTransactionAsync();
        await using (var writer = await db.BeginBinaryImportAsync(
            "COPY \"Participant\" (\"Id\", \"ProjectId\", \"Code\", \"Category\", \"Consent\", \"Version\", \"SearchName\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cells in lines)
            {
                if (participants.ContainsKey(cells[0])) continue;
                var id = Guid.CreateVersion7();
                participants[cells[0]] = id;
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(project, NpgsqlDbType.Uuid);
                await writer.WriteAsync(cells[0], NpgsqlDbType.Varchar);
                await writer.WriteAsync("Other", NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(SearchText.Normalize(cells[0]), NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await db.BeginBinaryImportAsync("COPY \"Attendance\" (\"EventId\", \"ParticipantId\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cells in lines)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(events[int.Parse(cells[1])], NpgsqlDbType.Uuid);
                await writer.WriteAsync(participants[cells[0]], NpgsqlDbType.Uuid);
            }
            await writer.CompleteAsync();
        }
        await transaction.CommitAsync();
        return lines.Count;
    }
}
