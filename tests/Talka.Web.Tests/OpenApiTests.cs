using System.Diagnostics;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>The OpenAPI document passes Redocly's recommended rules: a client can be generated from it.</summary>
public sealed class OpenApiTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task The_document_passes_redocly_lint_with_no_error_and_no_warning()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Talka.slnx"))) root = root.Parent;
        var tools = Path.Combine(root!.FullName, "tests", "Talka.BrowserTests");
        var cli = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is missing at {cli}: run npm ci in tests/Talka.BrowserTests (scripts/test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"talka-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await factory.Browser().GetStringAsync("/openapi/v1.json"));
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", $"\"{cli}\" lint \"{file}\" --format=json --max-problems=1000")
            {
                WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var report = JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}").ToList();
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + errors);
            Assert.Equal(0, report.GetProperty("totals").GetProperty("errors").GetInt32());
            Assert.Equal(0, report.GetProperty("totals").GetProperty("warnings").GetInt32());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Creations_are_documented_as_201_with_the_new_id_and_every_get_has_a_response_schema()
    {
        var document = JsonDocument.Parse(await factory.Browser().GetStringAsync("/openapi/v1.json")).RootElement;
        var post = document.GetProperty("paths").GetProperty("/api/v1/projects/{projectId}/events").GetProperty("post").GetProperty("responses");
        Assert.True(post.TryGetProperty("201", out _));
        Assert.False(post.TryGetProperty("200", out _));
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            if (!path.Value.TryGetProperty("get", out var get)) continue;
            var ok = get.GetProperty("responses").GetProperty("200");
            Assert.True(ok.TryGetProperty("content", out _), $"GET {path.Name} has no response schema");
        }
    }
}
