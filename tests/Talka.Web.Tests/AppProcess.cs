using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Talka.Web.Tests;

/// <summary>The built app started as a process of its own on a loopback port, on a test factory's database, as a
/// production instance runs: it neither migrates nor seeds, and takes the shared person-key secret from its settings.
/// Its output is kept for the failure message.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public HttpClient Client(bool cookies = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = Url };

    /// <summary>The app's build beside this test build: src/Talka.Web/bin/{configuration}/net10.0.</summary>
    private static string AppDirectory
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Talka.slnx"))) root = root.Parent;
            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Talka.slnx not found."), "src", "Talka.Web", "bin",
                configuration, framework);
        }
    }

    public static async Task<AppProcess> StartAsync(TalkaFactory factory, string secret, int leaseSeconds = 6)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppDirectory, "Talka.Web.dll"), "--urls", url.ToString().TrimEnd('/') })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Talka__Demo"] = "false";
        start.Environment["Talka__MigrateOnStart"] = "false";
        start.Environment["Talka__PublicUrl"] = "https://talka.test";
        start.Environment["Talka__Database__Provider"] = factory.DatabaseProvider;
        start.Environment["ConnectionStrings__Talka"] = factory.ConnectionString;
        start.Environment["Talka__PersonKeySecret"] = secret;
        start.Environment["Talka__Jobs__LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Talka__DataDirectory"] = Directory.CreateTempSubdirectory("talka-instance-").FullName;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, url);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = app.Client();
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) break;
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException($"The app at {url} did not become ready:\n{app.Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Ends the process at once, as a crash or a killed container would: no shutdown, no cleanup.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
