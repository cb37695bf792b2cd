using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talka.Web.Features.OpenData;

internal sealed class OpenDataFileMapping : IEntityTypeConfiguration<OpenDataFile>
{
    public void Configure(EntityTypeBuilder<OpenDataFile> b)
    {
        b.ToTable("OpenDataFiles");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(40);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.ETag).HasMaxLength(60);
    }
}
