using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talka.Web.Infrastructure.Jobs;

internal sealed class JobMapping : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("Jobs");
        b.Property(x => x.Kind).HasMaxLength(100);
        b.Property(x => x.Payload).HasMaxLength(4000);
        b.Property(x => x.Error).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.NotBefore });
        b.HasIndex(x => new { x.Kind, x.Payload });
    }
}
