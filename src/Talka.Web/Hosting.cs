using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Talka.Domain.Common;
using Talka.Web.Features.Account;
using Talka.Web.Features.Audit;
using Talka.Web.Features.Payments;
using Talka.Web.Features.Auth;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Imports;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Evidence;
using Talka.Web.Features.OpenData;
using Talka.Web.Features.Finance;
using Talka.Web.Features.Registration;
using Talka.Web.Features.Reports;
using Talka.Web.Features.Organisations;
using Talka.Web.Features.Programmes;
using Talka.Web.Features.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.DemoData;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Email;
using Talka.Web.Features.Applications;
using Talka.Web.Features.Evaluation;
using Talka.Web.Features.Narrative;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web;

public static class Hosting
{
    private const string SmartScheme = "Talka";

    public static WebApplicationBuilder AddTalka(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddTalkaDatabase();
        builder.AddRequestLimits();
        services.AddHttpContextAccessor();
        // Lithuanian letters go into pages as they are, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        var texts = new Texts();
        services.AddSingleton(texts);
        services.AddScoped<ViewerAccessor>();
        services.AddScoped<ProjectPermissions>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<Writes>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditPresenter>();
        services.AddPublicCache(builder.Configuration);
        // Several instances behind one address share the keys that protect cookies and tokens, through the database.
        // Hosted services start in the order they are added: the database is migrated before the data-protection
        // keys are first read from it.
        services.AddSingleton<DatabasePreparation>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabasePreparation>());
        services.AddDataProtection().SetApplicationName("Talka").PersistKeysToDbContext<TalkaDbContext>();
        services.AddHealthChecks().AddDbContextCheck<TalkaDbContext>("database", tags: ["ready"]);
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration["Talka:PersonKeySecret"]))
        {
            // Each instance would otherwise make its own, and the same person would count as several.
            throw new InvalidOperationException(
                "Talka:PersonKeySecret is not set: in production every instance needs the same configured secret (base64, 32 bytes or more).");
        }

        services.AddIdentity<TalkaUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition (NIST SP 800-63B-4): PolicyPasswordValidator holds the rule, so Identity's
                // own composition checks are off.
                options.Password.RequiredLength = 1;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Failed logins never lock an account (anyone could lock anyone out); LoginService limits the rate
                // instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<TalkaDbContext>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddClaimsPrincipalFactory<TalkaClaimsFactory>()
            .AddDefaultTokenProviders();
        // A password reset link is good for two hours (and once: the new password changes what it was bound to).
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultAuthenticateScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    // The API changes records for bearer tokens only: a cookie cannot be sent along by another site's
                    // form
                    // to a POST, PUT or DELETE here. Reads (downloads, progress) accept the page's session cookie.
                    || (context.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(context.Request.Method)
                        && !HttpMethods.IsHead(context.Request.Method))
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "talka.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is https, including behind a TLS proxy (see the forwarded headers below).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        // Every signed-in session is checked against the user's security stamp on every request: a logout elsewhere,
        // a password or role change ends it at once.
        services.AddScoped<SessionStamp>();
        services.AddScoped<ISecurityStampValidator, StampValidator>();
        services.AddScoped<LoginService>();
        services.AddSingleton<LoginLimits>();
        // Nothing is open unless it says so: pages and endpoints that visitors may use carry [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default; a proxy elsewhere is named in Talka:ForwardedHeaders:KnownProxies.
            foreach (var proxy in builder.Configuration.GetSection("Talka:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });

        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new Infrastructure.Web.UnknownHandlerFilter());
                // Values that cannot even be read (a date typed as "31.12", say) get a message in the user's language
                // too.
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => texts["Error.ValueInvalid", value]);
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => texts["Error.ValueInvalid", value]);
                messages.SetUnknownValueIsInvalidAccessor(_ => texts["Error.ValueInvalid", ""]);
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts["Error.ValueInvalid", ""]);
                messages.SetValueIsInvalidAccessor(value => texts["Error.ValueInvalid", value]);
                messages.SetValueMustBeANumberAccessor(_ => texts["Error.NumberInvalid"]);
                messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["Error.NumberInvalid"]);
                messages.SetValueMustNotBeNullAccessor(_ => texts["Error.Required"]);
                messages.SetMissingBindRequiredValueAccessor(_ => texts["Error.Required"]);
                messages.SetMissingKeyOrValueAccessor(() => texts["Error.Required"]);
                messages.SetMissingRequestBodyRequiredValueAccessor(() => texts["Error.Required"]);
            });
        services.ConfigureHttpJsonOptions(options =>
        {
            // The input contract: enums by their names only, no property the API does not know, no null where the type
            // says not null. A request that breaks it is answered by BadRequestHandler, naming the field.
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddProblemDetails();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) => TalkaOpenApi.DescribeDocument(document, builder.Configuration["Talka:PublicUrl"]));
            options.AddOperationTransformer<TalkaOpenApi>();
        });

        services.AddProgrammes();
        services.AddOrganisations();
        services.AddProjects();
        services.AddDelivery();
        services.AddImports();
        services.AddEvidence();
        services.AddApplications();
        services.AddEvaluation();
        services.AddNarrative();
        services.AddOpenData();
        services.AddFinance();
        services.AddReports();
        services.AddPayments();
        services.AddScoped<DemoSeeder>();
        if (builder.Configuration.GetValue<bool>("Talka:Demo") && builder.Environment.IsProduction())
            throw new InvalidOperationException("Talka:Demo is on in the Production environment: demo accounts never run in production.");
        services.AddScoped<RazorRenderer>();
        services.AddJobs();
        services.AddEmail(builder.Configuration);
        services.AddScoped<Features.Account.AccountService>().AddJobHandler<Features.Account.PasswordResetJobHandler>();
        services.AddScoped<Features.Users.UserAdministration>();
        services.AddScoped<Features.Account.UserQueries>();
        services.AddNotifications();
        services.AddScoped<Features.Home.HomeQueries>();
        services.AddRegistration();
        return builder;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Before the host starts: the database is prepared (the model loaded, migrations checked, the demo data
    /// seeded) on the second core while this one sets up the pipeline (<paramref name="configure"/>) and builds the
    /// endpoints, so that a start waits for the longer of the two, not for both. The host's start awaits the
    /// preparation (DatabasePreparation.StartAsync).</summary>
    public static void ConfigureWhileDatabasePrepares(this WebApplication app, Action<WebApplication> configure)
    {
        app.Services.GetRequiredService<DatabasePreparation>().Begin();
        configure(app);
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources) _ = source.Endpoints;
    }

    public static WebApplication UseTalka(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/status/{0}");
            pages.UseRequestLimits(app.Configuration);
        });
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Demo") && !app.Environment.IsEnvironment("Testing"))
            app.UseHsts();

        var cultures = new[] { new CultureInfo("lt-LT"), new CultureInfo("en") };
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("lt-LT"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        localization.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            // Pages speak Lithuanian until the user switches; API clients may ask for English.
            new CustomRequestCultureProvider(async context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? await new AcceptLanguageHeaderRequestCultureProvider { Options = localization }.DetermineProviderCultureResult(context)
                    : null),
        ];
        app.UseRequestLocalization(localization);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseBearerStampCheck();
        app.UseTwoFactorRequirement(app.Configuration, app.Environment);
        app.UseAuthorization();
        app.UsePublicCache();

        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Talka API")).AllowAnonymous();
        app.MapOpenData();
        // Liveness: the process answers. Readiness: it can reach its database (for a load balancer's checks).
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready",
            new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireInputContract().RequireAuthorization();
        api.MapAuthApi();
        api.MapAccountsApi();
        api.MapNotificationsApi();
        api.MapRegistrationApi();
        api.MapProgrammesApi();
        api.MapOrganisationsApi();
        api.MapProjectsApi();
        api.MapDeliveryApi();
        api.MapImportsApi();
        api.MapEvidenceApi();
        api.MapApplicationsApi();
        api.MapEvaluationApi();
        api.MapNarrativeApi();
        api.MapFinanceApi();
        api.MapReportsApi();
        api.MapPaymentsApi();
        return app;
    }

}

/// <summary>
/// Creates or migrates the database, the roles, and in demo mode the demo data, before the app serves requests.
/// A hosted service, so that every host (the app, the test host) prepares its database the same way.
/// In production the instances do not migrate (several starting at once would race): `migrate` is run once before
/// them, and an instance refuses to start on a database that still needs it (Talka:MigrateOnStart turns it back on).
/// </summary>
public sealed class DatabasePreparation(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
    IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly Lock _gate = new();
    private Task? _preparing;

    /// <summary>Starts the preparation on the thread pool unless it has started already (a stop cancels it). The
    /// host's start awaits it and reports its failure.</summary>
    public void Begin() => Preparing();

    public Task StartAsync(CancellationToken cancellationToken) => Preparing().WaitAsync(cancellationToken);

    private Task Preparing()
    {
        lock (_gate) return _preparing ??= Task.Run(() => PrepareAsync(lifetime.ApplicationStopping));
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        if (!configuration.GetValue("Talka:MigrateOnStart", !environment.IsProduction()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                throw new InvalidOperationException(
                    $"The database needs {pending.Count} migration(s): run `dotnet Talka.Web.dll migrate` once, then start the instances.");
            return;
        }
        await MigrateCommand.PrepareAsync(scope.ServiceProvider, cancellationToken);
        if (configuration.GetValue<bool>("Talka:Demo"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Features.Delivery.FigureStore>().RefreshStaleAsync(TimeProvider.System, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Features.Delivery.ProgrammeFigureStore>().RefreshStaleAsync(TimeProvider.System, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}

/// <summary>`migrate`: brings the database to the current version and makes sure the roles exist; run once per release,
/// before the instances start.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider, CancellationToken.None);
        Console.WriteLine("The database is up to date.");
        return 0;
    }

    public static async Task PrepareAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var db = scoped.GetRequiredService<TalkaDbContext>();
        // Asking first spares the usual start, with nothing to apply, Migrate's comparison of the model with the
        // last migration's (about half a second).
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        // SQLite in write-ahead-log mode (kept in the file): readers and the one writer do not wait for each other.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await DatabasePreparation.EnsureRolesAsync(scoped);
        // The daily reminders: the first run now, then each day (the run puts the next one in the queue).
        await ReportRemindersJob.ScheduleAsync(scoped.GetRequiredService<JobQueue>(), ct, now: true);
        await Features.Payments.RecoveryRemindersJob.ScheduleAsync(scoped.GetRequiredService<JobQueue>(), ct, now: true);
        // The nightly clean-up of done jobs and sent e-mails: the first run now, then each night.
        await HousekeepingJob.ScheduleAsync(scoped.GetRequiredService<JobQueue>(), ct, now: true);
        // Projects whose figures were never stored (before this release, or written by a bulk load) get them now.
        var refreshed = await scoped.GetRequiredService<Features.Delivery.FigureStore>().RefreshStaleAsync(TimeProvider.System, ct);
        if (refreshed > 0) Console.WriteLine($"Figures stored for {refreshed} projects.");
        var programmes = await scoped.GetRequiredService<Features.Delivery.ProgrammeFigureStore>().RefreshStaleAsync(TimeProvider.System, ct);
        if (programmes > 0) Console.WriteLine($"Dashboard counts stored for {programmes} programmes.");
    }
}

/// <summary>The recount check: every project's figures computed again from scratch and compared with the stored ones.
/// Prints each difference; exits 1 if there is any.</summary>
public static class FiguresCheckCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        var projects = await db.Projects.CountAsync();
        var differences = (await scope.ServiceProvider.GetRequiredService<Features.Delivery.FigureStore>().CheckAsync())
            .Concat(await scope.ServiceProvider.GetRequiredService<Features.Delivery.ProgrammeFigureStore>().CheckAsync()).ToList();
        foreach (var difference in differences) Console.WriteLine(difference);
        var programmeCount = await db.Programmes.CountAsync();
        Console.WriteLine($"Figures checked: {projects} projects and {programmeCount} programmes, {differences.Count} differ from a recount.");
        return differences.Count == 0 ? 0 : 1;
    }
}

/// <summary>The documented command that creates the first administrator in production mode.</summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Arg("--email");
        var password = Arg("--password") ?? Environment.GetEnvironmentVariable("TALKA_ADMIN_PASSWORD");
        if (email is null || password is null)
        {
            Console.Error.WriteLine("Usage: create-admin --email ADDRESS --password PASSWORD (or TALKA_ADMIN_PASSWORD)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        await db.Database.MigrateAsync();
        await DatabasePreparation.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TalkaUser>>();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new TalkaUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
        }
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.FunderAdmin))
        {
            result = await users.AddToRoleAsync(user, Roles.FunderAdmin);
            // New roles, a new stamp: a session still open takes them at its next sign-in (see StampValidator).
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        Console.WriteLine($"Administrator {email} is ready.");
        return 0;
    }
}
