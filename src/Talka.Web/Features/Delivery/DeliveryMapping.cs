using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Delivery;

internal sealed class EventMapping : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.ToTable("Events");
        b.Property(x => x.Topic).HasMaxLength(500);
        b.Property(x => x.SearchTopic).HasMaxLength(500);
        b.Property(x => x.Venue).HasMaxLength(300);
        b.Property(x => x.Municipality).HasMaxLength(60);
        b.Property(x => x.Trainers).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Quarters);
        b.PrimitiveCollection(x => x.SessionDates);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.TargetGroups).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Start });
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
    }
}

internal sealed class EventTargetGroupMapping : IEntityTypeConfiguration<EventTargetGroup>
{
    public void Configure(EntityTypeBuilder<EventTargetGroup> b) => b.HasKey(x => new { x.EventId, x.TargetGroup });
}

internal sealed class ParticipantMapping : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(300);
        b.Property(x => x.Municipality).HasMaxLength(60);
        b.Property(x => x.PersonKey).HasMaxLength(64);
        b.Property(x => x.SearchName).HasMaxLength(260);
        b.Property(x => x.SearchOrganisation).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Code }).IsUnique();
        b.HasIndex(x => x.PersonKey);
    }
}

internal sealed class AttendanceMapping : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.HasKey(x => new { x.EventId, x.ParticipantId });
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ParticipantId);
    }
}

internal sealed class VolunteerMapping : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Hours).WithOne().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerHoursMapping : IEntityTypeConfiguration<VolunteerHours>
{
    public void Configure(EntityTypeBuilder<VolunteerHours> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DeliverableMapping : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.PresentedTo).HasMaxLength(2000);
        b.Property(x => x.Auditor).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectFiguresMapping : IEntityTypeConfiguration<ProjectFigures>
{
    public void Configure(EntityTypeBuilder<ProjectFigures> b)
    {
        b.ToTable("ProjectFigures");
        b.HasKey(x => x.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgrammeFiguresMapping : IEntityTypeConfiguration<ProgrammeFigures>
{
    public void Configure(EntityTypeBuilder<ProgrammeFigures> b)
    {
        b.ToTable("ProgrammeFigures");
        // No foreign key: the national row's key (ProgrammeFigures.AllProgrammes) is no programme. Never generated:
        // that key is Guid.Empty, which EF would otherwise replace with a new value.
        b.HasKey(x => x.ProgrammeId);
        b.Property(x => x.ProgrammeId).ValueGeneratedNever();
    }
}
