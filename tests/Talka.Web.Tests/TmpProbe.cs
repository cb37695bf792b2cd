using System.Text.Json;
using Json.Schema;
namespace Talka.Web.Tests;
public class TmpProbe
{
    [Fact]
    public void Probe()
    {
        var doc = JsonDocument.Parse(File.ReadAllText("/tmp/contract-doc.json"));
        var defs = doc.RootElement.GetProperty("components").GetProperty("schemas").GetRawText().Replace("\"#/components/schemas/", "\"#/$defs/");
        var lines = new List<string>();
        foreach (var value in new[] { "\"Seniors\"", "\"NgoStaffAndVolunteers\"", "null", "\"Children\"" })
        foreach (var body in new[] { "\"$ref\":\"#/$defs/TargetGroup\"", "\"oneOf\":[{\"type\":\"null\"},{\"$ref\":\"#/$defs/TargetGroup\"}]" })
        {
            var s = JsonSchema.FromText("{\"$defs\":" + defs + "," + body + "}", new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() });
            using var d = JsonDocument.Parse(value);
            lines.Add(value + " " + body + " => " + s.Evaluate(d.RootElement).IsValid);
        }
        lines.Add(doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("TargetGroup").GetRawText());
        File.WriteAllLines("/tmp/probe.txt", lines);
    }
}
