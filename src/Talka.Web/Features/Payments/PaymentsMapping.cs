using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Agreements;
using Talka.Domain.Payments;
using Talka.Domain.Projects;
using Talka.Domain.Reports;

namespace Talka.Web.Features.Payments;

internal sealed class TrancheMapping : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> b)
    {
        b.ToTable("Tranches");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.PaymentOrder).HasMaxLength(100);
        b.Property(x => x.CancelReason).HasMaxLength(500);
        b.Ignore(x => x.Cancelled);
        b.Ignore(x => x.Paid);
        b.Ignore(x => x.Committed);
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.HasIndex(x => x.ReportId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecoveryMapping : IEntityTypeConfiguration<Recovery>
{
    public void Configure(EntityTypeBuilder<Recovery> b)
    {
        b.ToTable("Recoveries");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.CourtNote).HasMaxLength(1000);
        b.Property(x => x.WriteOffReason).HasMaxLength(1000);
        b.Ignore(x => x.Repaid);
        b.Ignore(x => x.Outstanding);
        b.Ignore(x => x.Settled);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(
            x => x.Repayments,
            r =>
            {
                r.ToTable("Repayments");
                r.WithOwner().HasForeignKey("RecoveryId");
                r.Property<int>("Id");
                r.HasKey("Id");
            }
        );
        b.Navigation(x => x.Repayments).HasField("_repayments");
    }
}

internal sealed class AmendmentMapping : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> b)
    {
        b.ToTable("Amendments");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.Decision).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.Property(x => x.NewActivityDescription).HasMaxLength(4000);
        b.Property(x => x.ActivityDescriptionBefore).HasMaxLength(4000);
        b.Property(x => x.PlanItem).HasMaxLength(500);
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
