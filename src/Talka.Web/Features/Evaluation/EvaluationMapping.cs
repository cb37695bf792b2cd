using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Evaluation;

namespace Talka.Web.Features.Evaluation;

internal sealed class AssignmentMapping : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.Property(x => x.EvaluatorId).HasMaxLength(450);
        b.Property(x => x.DeclarationText).HasMaxLength(4000);
        b.Property(x => x.ConflictNote).HasMaxLength(2000);
        b.Property(x => x.ReopenReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Scores);
        b.Ignore(x => x.Active);
        b.HasIndex(x => new { x.CallId, x.EvaluatorId });
        // One assignment per expert and application (open third slots, without an expert, are many).
        b.HasIndex(x => new { x.ApplicationId, x.EvaluatorId }).IsUnique();
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RankingVersionMapping : IEntityTypeConfiguration<RankingVersion>
{
    public void Configure(EntityTypeBuilder<RankingVersion> b)
    {
        b.ToTable("RankingVersions");
        b.Property(x => x.DecisionNumber).HasMaxLength(100);
        b.Property(x => x.ApprovedBy).HasMaxLength(320);
        b.Ignore(x => x.Lines);
        // Two approvals racing for the same number: one wins, the other is told the ranking changed.
        b.HasIndex(x => new { x.CallId, x.Number }).IsUnique();
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}
