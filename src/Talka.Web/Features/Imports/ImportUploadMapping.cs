using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Imports;

internal sealed class ImportUploadMapping : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.ToTable("Imports");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.Failure).HasMaxLength(1000);
        b.Property(x => x.Choices).HasDefaultValue("{}");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProjectId);
    }
}
