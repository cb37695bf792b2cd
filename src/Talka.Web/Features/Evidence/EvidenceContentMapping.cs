using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Evidence;

internal sealed class EvidenceContentMapping : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.ToTable("EvidenceContents");
        b.HasKey(x => x.FileId);
        b.HasOne<EvidenceFile>()
            .WithOne()
            .HasForeignKey<EvidenceContent>(x => x.FileId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
