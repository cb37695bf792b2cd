using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;
using Talka.Domain.Projects;

namespace Talka.Bench;

/// <summary>
/// Adds a national dataset to a Talka database that is migrated and has the demo data: programmes and their yearly
/// calls (cloned from a demo call, so every setting is valid), organisations, projects with agreements, events,
/// participants (30 % of persons in two or more projects, so that reach deduplicates), attendance, expenditures and
/// reports, written by binary COPY. Seeded: the same seed gives the same data. Writes the ids the benchmark needs.
/// </summary>
internal sealed class Generator(string connectionString, Sizes sizes, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Stopwatch _clock = new();

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static readonly string[] Words =
        ["Šeimų", "Jaunimo", "Senjorų", "Bendruomenių", "Savanorių", "Žmogaus teisių", "Vaikų", "Kultūros", "Sveikatos", "Pilietinės visuomenės"];
    private static readonly string[] Nouns =
        ["stiprinimas", "įgalinimas", "tinklas", "mokymai", "savanorystė", "dialogas", "konsultacijos", "akademija", "forumas", "iniciatyva"];

    public async Task RunAsync(string outFile)
    {
        _clock.Start();
        await using var data = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var db = await data.OpenConnectionAsync();
        await Execute(db, "SET maintenance_work_mem = '512MB'");
        // The big tables are loaded without their keys, indexes and foreign keys, which are then built once.
        var rebuild = await DropKeysAsync(db, ["Events", "Participant", "Attendance", "Expenditure"]);
        var fundingBody = (Guid)(await Scalar(db, "SELECT \"Id\" FROM \"FundingBodies\" LIMIT 1"))!;
        var templateCall = (Guid)(await Scalar(db, "SELECT \"Id\" FROM \"Calls\" ORDER BY \"Year\" DESC LIMIT 1"))!;
        var ssi = (Guid)(await Scalar(db, "SELECT \"Id\" FROM \"Organisations\" WHERE \"Name\" = 'Šeimos santykių institutas'"))!;
        var municipalities = Municipalities.All;

        // Programmes and a call for each year.
        var programmes = Enumerable.Range(1, sizes.Programmes).Select(_ => Guid.CreateVersion7()).ToList();
        Copy(db, "Programmes", ["Id", "FundingBodyId", "Title", "Version"], w =>
        {
            for (var i = 0; i < programmes.Count; i++)
            {
                w.StartRow();
                w.Write(programmes[i], NpgsqlDbType.Uuid);
                w.Write(fundingBody, NpgsqlDbType.Uuid);
                w.Write($"Nacionalinė programa Nr. {i + 1}: {Words[i % Words.Length]} {Nouns[i % Nouns.Length]}", NpgsqlDbType.Varchar);
                w.Write(0, NpgsqlDbType.Integer);
            }
        });
        var columns = await ColumnsAsync(db, "Calls");
        var calls = new List<(Guid Id, int Year)>();
        var firstYear = 2016;
        foreach (var programme in programmes)
        {
            for (var year = firstYear; year < firstYear + sizes.Years; year++)
            {
                var id = Guid.CreateVersion7();
                calls.Add((id, year));
                var values = columns.Select(c => c switch
                {
                    "Id" => "@id", "ProgrammeId" => "@programme", "Title" => "@title", "Year" => "@year",
                    "ProjectPeriodStart" => "@start", "ProjectPeriodEnd" => "@end", "Version" => "0",
                    _ => $"\"{c}\"",
                });
                await using var clone = new NpgsqlCommand(
                    $"INSERT INTO \"Calls\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} " +
                    "FROM \"Calls\" WHERE \"Id\" = @template", db);
                clone.Parameters.AddWithValue("id", id);
                clone.Parameters.AddWithValue("programme", programme);
                clone.Parameters.AddWithValue("title", $"Kvietimas {year} m. ({programmes.IndexOf(programme) + 1})");
                clone.Parameters.AddWithValue("year", year);
                clone.Parameters.AddWithValue("start", new DateOnly(year, 1, 1));
                clone.Parameters.AddWithValue("end", new DateOnly(year, 12, 31));
                clone.Parameters.AddWithValue("template", templateCall);
                await clone.ExecuteNonQueryAsync();
            }
        }
        Step("programmes and calls");

        // Organisations.
        var organisations = Enumerable.Range(1, sizes.Organisations).Select(_ => Guid.CreateVersion7()).ToList();
        Copy(db, "Organisations", ["Id", "Name", "LegalForm", "CheckDigitOverridden", "Municipality", "IsUmbrella", "Version", "SearchName"], w =>
        {
            for (var i = 0; i < organisations.Count; i++)
            {
                var name = $"{Words[i % Words.Length]} asociacija „{Nouns[(i / Words.Length) % Nouns.Length]}“ Nr. {i + 1}";
                w.StartRow();
                w.Write(organisations[i], NpgsqlDbType.Uuid);
                w.Write(name, NpgsqlDbType.Varchar);
                w.Write("Association", NpgsqlDbType.Varchar);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(Pick(municipalities), NpgsqlDbType.Varchar);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(0, NpgsqlDbType.Integer);
                w.Write(SearchText.Normalize(name), NpgsqlDbType.Varchar);
            }
        });
        Step("organisations");

        // Projects: the first is the largest, Šeimos santykių institutas's (so that its demo member sees it), published.
        var projects = new List<(Guid Id, Guid Call, int Year, bool Published)>();
        for (var i = 0; i < sizes.Projects; i++)
        {
            var call = calls[i % calls.Count];
            projects.Add((Guid.CreateVersion7(), call.Id, call.Year, i == 0 || _random.NextDouble() < 0.8));
        }
        Copy(db, "Projects", ["Id", "CallId", "OrganisationId", "Title", "Goal", "Start", "End", "IsPublished", "Version", "SearchTitle"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                var p = projects[i];
                var title = $"{Words[_random.Next(Words.Length)]} {Nouns[_random.Next(Nouns.Length)]} {p.Year} (projektas Nr. {i + 1})";
                w.StartRow();
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Call, NpgsqlDbType.Uuid);
                w.Write(i == 0 ? ssi : organisations[i % organisations.Count], NpgsqlDbType.Uuid);
                w.Write(title, NpgsqlDbType.Varchar);
                w.Write("Stiprinti nevyriausybinių organizacijų veiklą ir įtraukti bendruomenę.", NpgsqlDbType.Varchar);
                w.Write(new DateOnly(p.Year, 1, 1), NpgsqlDbType.Date);
                w.Write(new DateOnly(p.Year, 12, 31), NpgsqlDbType.Date);
                w.Write(p.Published, NpgsqlDbType.Boolean);
                w.Write(0, NpgsqlDbType.Integer);
                w.Write(SearchText.Normalize(title), NpgsqlDbType.Varchar);
            }
        });
        var agreements = projects.Select(_ => Guid.CreateVersion7()).ToList();
        var granted = projects.Select(_ => (decimal)_random.Next(10_000, 120_000) + _random.Next(100) / 100m).ToList();
        Copy(db, "Agreements", ["Id", "ProjectId", "CallId", "Number", "SignedOn", "PeriodStart", "PeriodEnd", "GrantedAmount", "Version"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                var p = projects[i];
                w.StartRow();
                w.Write(agreements[i], NpgsqlDbType.Uuid);
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Call, NpgsqlDbType.Uuid);
                w.Write($"BENCH-{p.Year}-{i + 1}", NpgsqlDbType.Varchar);
                w.Write(new DateOnly(p.Year, 1, 15), NpgsqlDbType.Date);
                w.Write(new DateOnly(p.Year, 1, 1), NpgsqlDbType.Date);
                w.Write(new DateOnly(p.Year, 12, 31), NpgsqlDbType.Date);
                w.Write(granted[i], NpgsqlDbType.Numeric);
                w.Write(0, NpgsqlDbType.Integer);
            }
        });
        Copy(db, "AgreementFunding", ["Id", "AgreementId", "Source", "Amount"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                w.StartRow();
                w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                w.Write(agreements[i], NpgsqlDbType.Uuid);
                w.Write("StateBudget", NpgsqlDbType.Varchar);
                w.Write(granted[i], NpgsqlDbType.Numeric);
            }
        });
        Copy(db, "ProjectMunicipality", ["ProjectId", "Municipality"], w =>
        {
            foreach (var p in projects)
            {
                w.StartRow();
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(Pick(municipalities), NpgsqlDbType.Varchar);
            }
        });
        Step("projects, agreements");

        // Events: the largest project gets 50, the others share the rest.
        var eventsOf = new List<Guid>[projects.Count];
        var eventCount = Split(sizes.Events, projects.Count, 50);
        var kinds = Enum.GetNames<EventKind>();
        Copy(db, "Events", ["Id", "ProjectId", "Number", "Kind", "Topic", "Start", "End", "Sessions", "HoursPerSession", "HourUnit", "Online",
            "Municipality", "Version", "SessionDates"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                eventsOf[i] = [];
                for (var n = 1; n <= eventCount[i]; n++)
                {
                    var id = Guid.CreateVersion7();
                    eventsOf[i].Add(id);
                    var day = new DateOnly(projects[i].Year, 1, 1).AddDays(_random.Next(360));
                    w.StartRow();
                    w.Write(id, NpgsqlDbType.Uuid);
                    w.Write(projects[i].Id, NpgsqlDbType.Uuid);
                    w.Write(n, NpgsqlDbType.Integer);
                    w.Write(kinds[_random.Next(kinds.Length)], NpgsqlDbType.Varchar);
                    w.Write($"{Nouns[_random.Next(Nouns.Length)]} Nr. {n}", NpgsqlDbType.Varchar);
                    w.Write(day, NpgsqlDbType.Date);
                    w.Write(day, NpgsqlDbType.Date);
                    w.Write(_random.Next(1, 5), NpgsqlDbType.Integer);
                    w.Write((decimal)_random.Next(2, 7), NpgsqlDbType.Numeric);
                    w.Write("Academic", NpgsqlDbType.Varchar);
                    w.Write(false, NpgsqlDbType.Boolean);
                    w.Write(Pick(municipalities), NpgsqlDbType.Varchar);
                    w.Write(0, NpgsqlDbType.Integer);
                    w.Write(Array.Empty<DateOnly>(), NpgsqlDbType.Array | NpgsqlDbType.Date);
                }
            }
        });
        Step("events");

        // Participants: persons 0 … P-1 once each, then 30 % of them again in another project.
        var participantCount = Split(sizes.Participants, projects.Count, sizes.LargestProject);
        var persons = (int)Math.Round(sizes.Participants / 1.3);
        var people = new List<Guid>[projects.Count];
        var categories = Enum.GetNames<ParticipantCategory>();
        var genders = Enum.GetNames<Gender>();
        var ages = Enum.GetNames<AgeBand>();
        var groups = Enum.GetNames<TargetGroup>();
        Copy(db, "Participant", ["Id", "ProjectId", "Code", "Category", "Municipality", "Gender", "AgeBand", "TargetGroup", "Consent", "PersonKey",
            "Version", "SearchName"], w =>
        {
            var global = 0;
            for (var i = 0; i < projects.Count; i++)
            {
                people[i] = [];
                for (var n = 1; n <= participantCount[i]; n++, global++)
                {
                    var person = global < persons ? global : (int)((global - persons) * 7_919L % persons);
                    var id = Guid.CreateVersion7();
                    people[i].Add(id);
                    var code = $"D-{n:D5}";
                    w.StartRow();
                    w.Write(id, NpgsqlDbType.Uuid);
                    w.Write(projects[i].Id, NpgsqlDbType.Uuid);
                    w.Write(code, NpgsqlDbType.Varchar);
                    w.Write(categories[_random.Next(categories.Length)], NpgsqlDbType.Varchar);
                    w.Write(Pick(municipalities), NpgsqlDbType.Varchar);
                    w.Write(genders[_random.Next(genders.Length)], NpgsqlDbType.Varchar);
                    w.Write(ages[_random.Next(ages.Length)], NpgsqlDbType.Varchar);
                    w.Write(groups[_random.Next(groups.Length)], NpgsqlDbType.Varchar);
                    w.Write(true, NpgsqlDbType.Boolean);
                    w.Write(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bench-person-{person}"))), NpgsqlDbType.Varchar);
                    w.Write(0, NpgsqlDbType.Integer);
                    w.Write(SearchText.Normalize(code), NpgsqlDbType.Varchar);
                }
            }
        });
        Step("participants");

        // Attendance: each participant at up to five events of their project; everyone of the largest at its first.
        long attendances = 0;
        Copy(db, "Attendance", ["EventId", "ParticipantId"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                var events = eventsOf[i];
                if (events.Count == 0) continue;
                foreach (var participant in people[i])
                {
                    var chosen = new HashSet<int>();
                    if (i == 0) chosen.Add(0);
                    while (chosen.Count < Math.Min(sizes.AttendancesPerParticipant, events.Count)) chosen.Add(_random.Next(events.Count));
                    foreach (var e in chosen)
                    {
                        w.StartRow();
                        w.Write(events[e], NpgsqlDbType.Uuid);
                        w.Write(participant, NpgsqlDbType.Uuid);
                        attendances++;
                    }
                }
            }
        });
        Step($"attendance ({attendances:N0})");

        // Expenditures and reports.
        var expenditureCount = Split(sizes.Expenditures, projects.Count, sizes.Expenditures / projects.Count);
        var documentTypes = Enum.GetNames<DocumentType>();
        var costs = Enum.GetNames<CostCategory>();
        Copy(db, "Expenditure", ["Id", "ProjectId", "DocumentType", "DocumentNumber", "DocumentDate", "Supplier", "Content", "Category", "Amount",
            "PaidOn", "Version"], w =>
        {
            for (var i = 0; i < projects.Count; i++)
            {
                for (var n = 1; n <= expenditureCount[i]; n++)
                {
                    var day = new DateOnly(projects[i].Year, 1, 1).AddDays(_random.Next(360));
                    w.StartRow();
                    w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    w.Write(projects[i].Id, NpgsqlDbType.Uuid);
                    w.Write(documentTypes[_random.Next(documentTypes.Length)], NpgsqlDbType.Varchar);
                    w.Write($"SF-{n:D4}", NpgsqlDbType.Varchar);
                    w.Write(day, NpgsqlDbType.Date);
                    w.Write("UAB „Tiekėjas“", NpgsqlDbType.Varchar);
                    w.Write("Renginių organizavimo paslaugos", NpgsqlDbType.Varchar);
                    w.Write(costs[_random.Next(costs.Length)], NpgsqlDbType.Varchar);
                    w.Write(_random.Next(20, 2_000) + _random.Next(100) / 100m, NpgsqlDbType.Numeric);
                    w.Write(day.AddDays(7), NpgsqlDbType.Date);
                    w.Write(0, NpgsqlDbType.Integer);
                }
            }
        });
        Copy(db, "Report", ["Id", "ProjectId", "Kind", "PeriodStart", "PeriodEnd", "Due", "Status", "Version"], w =>
        {
            foreach (var p in projects)
            {
                foreach (var (kind, start, end) in new[]
                {
                    ("Activity", new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 6, 30)),
                    ("Final", new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 12, 31)),
                })
                {
                    w.StartRow();
                    w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    w.Write(p.Id, NpgsqlDbType.Uuid);
                    w.Write(kind, NpgsqlDbType.Varchar);
                    w.Write(start, NpgsqlDbType.Date);
                    w.Write(end, NpgsqlDbType.Date);
                    w.Write(end.AddDays(20), NpgsqlDbType.Date);
                    w.Write("Draft", NpgsqlDbType.Varchar);
                    w.Write(0, NpgsqlDbType.Integer);
                }
            }
        });
        Step("expenditures and reports");

        // Two empty projects of Šeimos santykių institutas with five events each, for the import benchmark: one
        // takes the file through Talka's import, the other the same rows by raw COPY.
        var importProjects = new List<Guid>();
        foreach (var title in new[] { "Importo bandymas (Talka)", "Importo bandymas (COPY)" })
        {
            var id = Guid.CreateVersion7();
            importProjects.Add(id);
            await Execute(db, "INSERT INTO \"Projects\" (\"Id\", \"CallId\", \"OrganisationId\", \"Title\", \"Start\", \"End\", \"IsPublished\", " +
                "\"Version\", \"SearchTitle\") VALUES (@id, @call, @org, @title, @start, @end, false, 0, @search)",
                ("id", id), ("call", calls[^1].Id), ("org", ssi), ("title", title), ("start", new DateOnly(calls[^1].Year, 1, 1)),
                ("end", new DateOnly(calls[^1].Year, 12, 31)), ("search", SearchText.Normalize(title)));
            for (var n = 1; n <= 5; n++)
                await Execute(db, "INSERT INTO \"Events\" (\"Id\", \"ProjectId\", \"Number\", \"Kind\", \"Topic\", \"Start\", \"End\", \"Sessions\", " +
                    "\"HoursPerSession\", \"HourUnit\", \"Online\", \"Version\", \"SessionDates\") VALUES (@id, @project, @n, 'Training', 'Mokymai', " +
                    "@day, @day, 1, 4, 'Academic', false, 0, ARRAY[]::date[])",
                    ("id", Guid.CreateVersion7()), ("project", id), ("n", n), ("day", new DateOnly(calls[^1].Year, 3, n)));
        }
        foreach (var statement in rebuild) await Execute(db, statement);
        Step("keys, indexes and foreign keys rebuilt");
        await Execute(db, "ANALYZE");
        Step("import projects, ANALYZE");

        var busiest = programmes[0];
        var ids = new Dictionary<string, object>
        {
            ["largestProject"] = projects[0].Id,
            ["eventOfLargest"] = eventsOf[0][0],
            ["participantsOnEvent"] = people[0].ToList(),
            ["programme"] = busiest,
            ["search"] = "seimu stiprinimas",
            ["importProject"] = importProjects[0],
            ["copyProject"] = importProjects[1],
            ["generateSeconds"] = Math.Round(_clock.Elapsed.TotalSeconds, 1),
            ["participants"] = sizes.Participants,
            ["attendances"] = attendances,
            ["projects"] = sizes.Projects,
        };
        await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(ids, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary><paramref name="total"/> split over <paramref name="parts"/>, the first getting
    /// <paramref name="first"/> and the rest about evenly (±20 %).</summary>
    private int[] Split(int total, int parts, int first)
    {
        var result = new int[parts];
        result[0] = Math.Min(first, total);
        var rest = total - result[0];
        var left = rest;
        for (var i = 1; i < parts; i++)
        {
            var even = rest / (double)(parts - 1);
            var share = i == parts - 1 ? left : Math.Min(left, (int)Math.Round(even * (0.8 + _random.NextDouble() * 0.4)));
            result[i] = share;
            left -= share;
        }
        return result;
    }

    private void Step(string what) => Console.Error.WriteLine($"  {_clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    private static void Copy(NpgsqlConnection db, string table, string[] columns, Action<NpgsqlBinaryImporter> write)
    {
        using var writer = db.BeginBinaryImport(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        write(writer);
        writer.Complete();
    }

    private static async Task<object?> Scalar(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops the keys, unique constraints, indexes and foreign keys of these tables (and foreign keys that
    /// point at them); returns the statements that build them again, keys first.</summary>
    private static async Task<List<string>> DropKeysAsync(NpgsqlConnection db, string[] tables)
    {
        var foreign = new List<(string Table, string Name, string Definition)>();
        var keys = new List<(string Table, string Name, string Definition)>();
        var indexes = new List<(string Name, string Definition)>();
        foreach (var table in tables)
        {
            await using (var command = new NpgsqlCommand(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype::text FROM pg_constraint " +
                "WHERE (conrelid = @t::regclass AND contype IN ('p', 'u', 'f')) OR (confrelid = @t::regclass AND contype = 'f')", db))
            {
                command.Parameters.AddWithValue("t", $"\"{table}\"");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                    if (reader.GetString(3) == "f") { if (!foreign.Contains(row)) foreign.Add(row); }
                    else keys.Add(row);
                }
            }
            await using (var command = new NpgsqlCommand(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = @t AND indexname NOT IN " +
                "(SELECT conname FROM pg_constraint WHERE conrelid = @q::regclass)", db))
            {
                command.Parameters.AddWithValue("t", table);
                command.Parameters.AddWithValue("q", $"\"{table}\"");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (table, name, _) in foreign) await Execute(db, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        foreach (var (table, name, _) in keys) await Execute(db, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        foreach (var (name, _) in indexes) await Execute(db, $"DROP INDEX \"{name}\"");
        return keys.Select(k => $"ALTER TABLE {k.Table} ADD CONSTRAINT \"{k.Name}\" {k.Definition}")
            .Concat(indexes.Select(i => i.Definition))
            .Concat(foreign.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT \"{f.Name}\" {f.Definition}"))
            .ToList();
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection db, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = @table ORDER BY ordinal_position", db);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
