using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Organisations;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Projects;

internal sealed class ProjectMapping : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.SearchTitle).HasMaxLength(500);
        b.HasIndex(x => x.SearchTitle);
        b.Property(x => x.Goal).HasMaxLength(4000);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Period);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Objectives).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Partners).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Municipalities).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.TargetGroups).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OrganisationId, x.IsPublished });
    }
}

internal sealed class ObjectiveMapping : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> b) => b.Property(x => x.Text).HasMaxLength(2000);
}

internal sealed class ActivityMapping : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasOne<Objective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlannedIndicatorMapping : IEntityTypeConfiguration<PlannedIndicator>
{
    public void Configure(EntityTypeBuilder<PlannedIndicator> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Unit).HasMaxLength(50);
    }
}

internal sealed class ProjectPartnerMapping : IEntityTypeConfiguration<ProjectPartner>
{
    public void Configure(EntityTypeBuilder<ProjectPartner> b)
    {
        b.HasKey(x => new { x.ProjectId, x.OrganisationId });
        b.Property(x => x.Role).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectMunicipalityMapping : IEntityTypeConfiguration<ProjectMunicipality>
{
    public void Configure(EntityTypeBuilder<ProjectMunicipality> b)
    {
        b.HasKey(x => new { x.ProjectId, x.Municipality });
        b.Property(x => x.Municipality).HasMaxLength(60);
    }
}

internal sealed class ProjectTargetGroupMapping : IEntityTypeConfiguration<ProjectTargetGroup>
{
    public void Configure(EntityTypeBuilder<ProjectTargetGroup> b) => b.HasKey(x => new { x.ProjectId, x.TargetGroup });
}

internal sealed class AgreementMapping : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Period);
        b.Ignore(x => x.StateFunding);
        b.Ignore(x => x.IsSigned);
        b.Property(x => x.Admitted).HasPrecision(18, 2);
        b.Property(x => x.Signatories).HasMaxLength(500);
        b.Property(x => x.TerminationReason).HasMaxLength(2000);
        b.HasIndex(x => x.ProjectId).IsUnique();
        // An agreement number is unique within its call (several unknown numbers may coexist).
        b.HasIndex(x => new { x.CallId, x.Number }).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Funding).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

