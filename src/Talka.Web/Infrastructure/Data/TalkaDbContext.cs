using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Organisations;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// The one database of Talka. Each provider has a subclass (<see cref="SqliteTalkaDbContext"/>,
/// <see cref="PostgresTalkaDbContext"/>) so that each keeps its own, correct migration history.
/// Services depend on this base type only.
/// </summary>
public abstract class TalkaDbContext(DbContextOptions options) : IdentityDbContext<TalkaUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and tokens, shared by every instance (a restart or another instance
    /// does not log anyone out).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<FundingBody> FundingBodies => Set<FundingBody>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TalkaDbContext).Assembly);
        // Domain records make their own ids (Guid v7) when they are created, so a new row added to a tracked
        // aggregate is an insert, never mistaken for an update of an existing row.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Talka.Domain") == true))
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid) && key.Name == "Id")
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums as strings: the database stays readable to a DBA.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(60);
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class SqliteTalkaDbContext(DbContextOptions<SqliteTalkaDbContext> options) : TalkaDbContext(options);

public sealed class PostgresTalkaDbContext(DbContextOptions<PostgresTalkaDbContext> options) : TalkaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Lithuanian alphabetical order for the lists (ICU, as PostgreSQL ships it).
        builder.HasCollation(LithuanianCollation.Name, locale: "lt", provider: "icu", deterministic: true);
    }
}
