using Talka.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddTalka();
var app = builder.Build();

if (args.FirstOrDefault() == "migrate")
{
    // Production: run once before the instances start (they do not migrate themselves).
    return await MigrateCommand.RunAsync(app.Services);
}

if (args.FirstOrDefault() == "figures-check")
{
    // The recount check: stored figures against figures computed from scratch, for every project.
    return await FiguresCheckCommand.RunAsync(app.Services);
}

if (args.FirstOrDefault() == "create-admin")
{
    // Production's first administrator: dotnet Talka.Web.dll create-admin --email a@b.lt --password '...'
    return await AdminCommand.RunAsync(app.Services, args.Skip(1).ToArray());
}

app.ConfigureWhileDatabasePrepares(a => a.UseTalka());
await app.RunAsync();
return 0;

public partial class Program;
