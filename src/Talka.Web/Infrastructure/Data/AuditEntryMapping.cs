using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talka.Web.Infrastructure.Data;

/// <summary>The audit log is read per record and per project: both are indexed, so no page view scans the
/// log.</summary>
internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.RootId).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(20);
        b.HasIndex(x => new { x.RootId, x.Id });
        b.HasIndex(x => new { x.EntityId, x.Id });
        b.HasIndex(x => new { x.ProjectId, x.Id });
        b.HasIndex(x => x.At);
    }
}
