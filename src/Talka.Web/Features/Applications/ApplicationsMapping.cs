using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Organisations;

namespace Talka.Web.Features.Applications;

internal sealed class ApplicationMapping : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.ClarificationItemList).HasMaxLength(2000);
        b.Property(x => x.ClarificationMessage).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Content);
        b.Ignore(x => x.CheckEntries);
        b.Ignore(x => x.Outcomes);
        b.Ignore(x => x.ClarificationItems);
        b.HasIndex(x => new { x.CallId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CallId, x.ApplicantId });
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Partners).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationPartnerMapping : IEntityTypeConfiguration<ApplicationPartner>
{
    public void Configure(EntityTypeBuilder<ApplicationPartner> b)
    {
        b.HasKey(x => new { x.ApplicationId, x.OrganisationId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationVersionMapping : IEntityTypeConfiguration<ApplicationVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationVersion> b)
    {
        b.ToTable("ApplicationVersions");
        b.Property(x => x.SubmittedBy).HasMaxLength(320);
        b.Ignore(x => x.Content);
        b.HasIndex(x => new { x.ApplicationId, x.Number }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationFileMapping : IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<ApplicationFile> b)
    {
        b.ToTable("ApplicationFiles");
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(320);
        b.HasIndex(x => new { x.ApplicationId, x.Key });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationFileContentMapping : IEntityTypeConfiguration<ApplicationFileContent>
{
    public void Configure(EntityTypeBuilder<ApplicationFileContent> b)
    {
        b.ToTable("ApplicationFileContents");
        b.HasKey(x => x.FileId);
        b.HasOne<ApplicationFile>()
            .WithOne()
            .HasForeignKey<ApplicationFileContent>(x => x.FileId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
