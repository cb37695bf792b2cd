using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Reports;

namespace Talka.Web.Features.Reports;

internal sealed class ReportPdfFileMapping : IEntityTypeConfiguration<ReportPdfFile>
{
    public void Configure(EntityTypeBuilder<ReportPdfFile> b)
    {
        b.ToTable("ReportPdfFiles");
        b.HasKey(x => x.VersionId);
        b.HasOne<ReportVersion>()
            .WithOne()
            .HasForeignKey<ReportPdfFile>(x => x.VersionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
