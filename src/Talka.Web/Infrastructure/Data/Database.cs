using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Talka.Web.Infrastructure.Data;

public static class Database
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>SQLite in a file under the data folder by default; PostgreSQL when configured.</summary>
    public static WebApplicationBuilder AddTalkaDatabase(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Talka:Database:Provider"] ?? Sqlite;
        var connectionString = config.GetConnectionString("Talka");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AuditInterceptor>();
        // Every save goes through the audit first, then through the interceptors features add (stored figures).
        builder.Services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(
            sp => sp.GetRequiredService<AuditInterceptor>());
        builder.Services.AddScoped<Jobs.WakeOnCommit>();
        builder.Services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(
            sp => sp.GetRequiredService<Jobs.WakeOnCommit>());
        builder.Services.AddScoped<AuditSettings>();
        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "Talka:Database:Provider is Postgres but ConnectionStrings:Talka is not set.");
            connectionString = Tuned(connectionString);
            var postgres = connectionString;
            builder.Services.AddSingleton(new DirectConnections(() => new Npgsql.NpgsqlConnection(postgres)));
            builder.Services.AddDbContext<TalkaDbContext, PostgresTalkaDbContext>((sp, options) =>
                options.UseNpgsql(connectionString)
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        else if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var dataDirectory = Path.GetFullPath(config["Talka:DataDirectory"] ?? "data");
                Directory.CreateDirectory(dataDirectory);
                connectionString = $"Data Source={Path.Combine(dataDirectory, "talka.db")}";
            }
            var sqlite = connectionString;
            builder.Services.AddSingleton(new DirectConnections(
                () => new Microsoft.Data.Sqlite.SqliteConnection(sqlite)));
            builder.Services.AddDbContext<TalkaDbContext, SqliteTalkaDbContext>((sp, options) =>
                options.UseSqlite(connectionString)
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>())
                    .AddInterceptors(new LithuanianCollation()));
        }
        else
        {
            throw new InvalidOperationException(
                $"Unknown Talka:Database:Provider '{provider}': use Sqlite or Postgres.");
        }
        return builder;
    }

    /// <summary>The PostgreSQL connection string tuned for how Talka talks to the server, unless it says otherwise:
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation: a statement run twice on a connection is prepared there and kept across
    /// the pool's reuse, so the server parses and plans it once;</item>
    /// <item>no reset of the session when a connection goes back to the pool (a page opens it for each query; the
    /// reset is five statements each time): Talka sets no session state (no SET, LISTEN, advisory or temporary
    /// tables), and an open transaction is still rolled back.</item>
    /// </list>
    /// A signed-in project page on the national dataset: 10 to 2.2 ms of the server's time. Behind a pooler in
    /// transaction mode (PgBouncer), where prepared statements do not survive, set "Max Auto Prepare=0".</summary>
    public static string Tuned(string connectionString)
    {
        // The keys as written (Npgsql's own builder answers ContainsKey for every keyword it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!given.Contains("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}

// Design-time factories:
// `dotnet ef migrations add X --context SqliteTalkaDbContext -o Infrastructure/Data/Migrations/Sqlite`.
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteTalkaDbContext>
{
    public SqliteTalkaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTalkaDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresTalkaDbContext>
{
    public PostgresTalkaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTalkaDbContext>()
            .UseNpgsql("Host=localhost;Database=talka_design").Options);
}
