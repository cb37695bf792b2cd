using System.Diagnostics;
using Talka.Bench;

// Talka's benchmark tool. Commands:
//   generate --connection CS --size national|small --out ids.json
//       adds the national dataset to a migrated database that has the demo data, through binary COPY;
//   import-file --rows N --out file.csv
//       writes an attendance file of N rows (N/5 participants at 5 events each) for the import benchmark;
//   copy-baseline --connection CS --file file.csv --project ID
//       writes the same rows straight into the tables by binary COPY (the baseline the import is measured against).
var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Option(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
var clock = Stopwatch.StartNew();
switch (args.FirstOrDefault())
{
    case "generate":
        await new Generator(Option("connection"), Sizes.Named(options.GetValueOrDefault("size", "national")), 2026).RunAsync(Option("out"));
        break;
    case "import-file":
        await ImportFile.WriteAsync(int.Parse(Option("rows")), Option("out"));
        break;
    case "copy-baseline":
        var rows = await ImportFile.CopyAsync(Option("connection"), Option("file"), Guid.Parse(Option("project")));
        Console.WriteLine($"copy-baseline rows={rows} seconds={clock.Elapsed.TotalSeconds:F2} rows_per_second={rows / clock.Elapsed.TotalSeconds:F0}");
        break;
    default:
        Console.Error.WriteLine("Usage: generate | import-file | copy-baseline (see bench/README.md)");
        return 2;
}
Console.Error.WriteLine($"{args[0]} took {clock.Elapsed.TotalSeconds:F1} s");
return 0;
