using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Calls;

namespace Talka.Web.Features.Programmes;

internal sealed class FundingBodyMapping : IEntityTypeConfiguration<FundingBody>
{
    public void Configure(EntityTypeBuilder<FundingBody> b)
    {
        b.Ignore(x => x.Name);
        b.HasMany(x => x.Names).WithOne().HasForeignKey(n => n.FundingBodyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Names).AutoInclude();
    }
}

internal sealed class FundingBodyNameMapping : IEntityTypeConfiguration<FundingBodyName>
{
    public void Configure(EntityTypeBuilder<FundingBodyName> b) => b.Property(x => x.Name).HasMaxLength(300);
}

internal sealed class ProgrammeMapping : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<FundingBody>().WithMany().HasForeignKey(x => x.FundingBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallMapping : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ProjectPeriod);
        b.Ignore(x => x.LegalBasis);
        b.Ignore(x => x.Form);
        b.Ignore(x => x.Evaluation);
        b.Ignore(x => x.RecoveryDay);
        b.Property(x => x.RecoveryDueMonth).HasDefaultValue(1);
        b.Property(x => x.RecoveryDueDay).HasDefaultValue(10);
        b.Property(x => x.AgreementTerms).HasMaxLength(Talka.Domain.Agreements.AgreementTemplate.MaxLength);
        b.Property(x => x.LegalActNumber).HasMaxLength(50);
        b.Property(x => x.LegalActTitle).HasMaxLength(1000);
        b.HasOne<FundingBody>().WithMany().HasForeignKey(x => x.FundingBodyId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexProperty(x => x.Rules, r =>
        {
            r.Property(x => x.MinutesPerAcademicHour).HasColumnName("MinutesPerAcademicHour");
            r.Property(x => x.HalfYearlyReportThreshold).HasColumnName("HalfYearlyReportThreshold");
            r.Property(x => x.ReallocationThresholdPercent).HasColumnName("ReallocationThresholdPercent");
            r.Property(x => x.NarrativesRequired).HasColumnName("NarrativesRequired");
        });
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
