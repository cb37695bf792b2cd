using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Tests;

/// <summary>
/// Talka on a database of its own, with the demo data. The provider comes from TALKA_TEST_DB:
/// "Sqlite" (default, a temporary file) or "Postgres" (a fresh database on the server named by
/// TALKA_TEST_POSTGRES, e.g. "Host=127.0.0.1;Port=55432;Username=talka;Password=talka", dropped afterwards).
/// </summary>
public class TalkaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static string Provider => Environment.GetEnvironmentVariable("TALKA_TEST_DB") is { Length: > 0 } p ? p : Database.Sqlite;
    private readonly string _connectionString;
    private readonly string _provider;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteFile;

    /// <summary>The database this factory's app runs on, for another process to join it.</summary>
    public string ConnectionString => _connectionString;
    public string DatabaseProvider => _provider;

    /// <summary>Another instance of the app on this one's database (which this one owns and drops).</summary>
    public TalkaFactory AnotherInstance() => new(this);

    private TalkaFactory(TalkaFactory first)
    {
        _connectionString = first._connectionString;
        _provider = first._provider;
    }

    public TalkaFactory()
    {
        _provider = Provider.Equals(Database.Postgres, StringComparison.OrdinalIgnoreCase) ? Database.Postgres : Database.Sqlite;
        if (Provider.Equals(Database.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var server = Environment.GetEnvironmentVariable("TALKA_TEST_POSTGRES")
                ?? throw new InvalidOperationException("TALKA_TEST_DB=Postgres needs TALKA_TEST_POSTGRES (a connection string to the test server).");
            _postgresDatabase = "talka_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"talka-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Talka:Demo", "true");
        builder.UseSetting("Talka:PublicUrl", "https://talka.test");
        builder.UseSetting("Talka:Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Talka", _connectionString);
        // E-mail goes to a real SMTP server on loopback.
        builder.UseSetting("Talka:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Talka:Smtp:Port", SmtpCatcher.Shared.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Talka:Smtp:Security", "None");
        // The national figures are counted a second after a change (30 by default), so that tests can wait for them.
        builder.UseSetting("Talka:Figures:NationalRefreshSeconds", "1");
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>The test server has no network peer: a request names the address it comes from in
    /// X-Test-Client.</summary>
    public const string ClientHeader = "X-Test-Client";

    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (HttpContext context, Func<Task> following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address)
                    ? address : IPAddress.Loopback;
                await following();
            });
            next(app);
        };
    }

    /// <summary>Holds this instance's background job worker until disposed: queued work stays queued (another instance
    /// may take it).</summary>
    public IDisposable HoldJobs() => Services.GetRequiredService<Talka.Web.Infrastructure.Jobs.JobWorker>().Hold();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (NpgsqlException error)
        {
            // A background job cut off by the shutdown; the tests of this class have finished.
            await Console.Error.WriteLineAsync($"Stopping the test app on {_postgresDatabase}: {error.Message}");
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("TALKA_TEST_POSTGRES")!;
            // The database is the test's own on a throwaway server: dropping it is tried a few times, and a failure
            // is reported rather than failing tests that passed.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(
                        new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
                    await connection.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (NpgsqlException error)
                {
                    await Console.Error.WriteLineAsync($"Dropping {_postgresDatabase}, attempt {attempt}: {error.Message}");
                    if (attempt == 5) break;
                    await Task.Delay(500 * attempt);
                }
            }
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }) File.Delete(file);
        }
    }

    public const string Password = "Talka-demo-2026";
    public const string Admin = "admin@demo.talka.lt";
    public const string Auditor = "auditorius@demo.talka.lt";
    public const string Evaluator = "vertintojas@demo.talka.lt";
    /// <summary>Member of VšĮ „Socialinės partnerystės centras“ (organisation A in tests).</summary>
    public const string MemberA = "spc@demo.talka.lt";
    /// <summary>Member of Šeimos santykių institutas (organisation B in tests).</summary>
    public const string MemberB = "ssi@demo.talka.lt";

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A cookie-holding client logged in through the login page, as a person would.</summary>
    public async Task<HttpClient> BrowserAsAsync(string? email, string password = Password)
    {
        var client = Browser();
        if (email is null) return client;
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = Html.Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private OpenApiContract? _contract;

    /// <summary>The app's own OpenAPI document, read once.</summary>
    public async Task<OpenApiContract> ContractAsync() =>
        _contract ??= new OpenApiContract(await CreateClient().GetStringAsync("/openapi/v1.json"));

    /// <summary>
    /// An API client with a bearer token from POST /api/v1/auth/login. Every JSON answer it receives is checked against
    /// the
    /// OpenAPI document (<see cref="ContractCheckingHandler"/>): a body the document does not describe fails the
    /// request.
    /// </summary>
    public async Task<HttpClient> ApiAsAsync(string? email)
    {
        var contract = await ContractAsync();
        var client = CreateDefaultClient(ClientOptions.BaseAddress, new ContractCheckingHandler(() => contract));
        if (email is null) return client;
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs the open-data generation now, as the queued job does after its delay, so that the files hold
    /// what the test has just saved.</summary>
    public async Task RegenerateOpenDataAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Talka.Web.Features.OpenData.OpenDataFiles>()
            .RegenerateAsync(CancellationToken.None);
    }

    /// <summary>Waits (up to 20 s) until these programmes' counts are stored and fresh (<see
    /// cref="Features.Delivery.ProgrammeFigures.AllProgrammes"/> for the national ones): visitors read them as stored,
    /// and a job counts them again after a change.</summary>
    public async Task CountsRefreshedAsync(params Guid[] programmes)
    {
        for (var i = 0; i < 200 && await WithDbAsync(db => db.Set<Features.Delivery.ProgrammeFigures>().CountAsync(f =>
                 programmes.Contains(f.ProgrammeId) && !f.Stale && f.Figures != "")) < programmes.Length; i++)
            await Task.Delay(100);
    }

    public async Task<T> WithDbAsync<T>(Func<TalkaDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TalkaDbContext>());
    }
}

public static partial class Html
{
    public static string Token(string html) =>
        TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    /// <summary>The page's visible text, tags removed and entities decoded, whitespace collapsed.</summary>
    public static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " ")), " ").Trim();

    /// <summary>The first table's body: the rows, without the filters around them.</summary>
    public static string Table(string html) =>
        Regex.Match(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No table in the page.");

    /// <summary>The text of the validation message shown beside a form field.</summary>
    public static string? FieldError(string html, string field) =>
        Regex.Match(html, $"<span class=\"field-validation-error\" data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The value of the first hidden field of that name.</summary>
    public static string HiddenValue(string html, string name) =>
        Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"")
            is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No hidden field {name} in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
    [GeneratedRegex("[ \\t\\r\\n]+")]
    private static partial Regex Spaces();
}
