using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Features.Notifications;

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Args).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.Key).HasMaxLength(120);
        b.HasOne<TalkaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        b.HasIndex(x => new
        {
            x.UserId,
            x.ReadAt,
            x.CreatedAt,
        });
    }
}

internal sealed class NotificationMuteMapping : IEntityTypeConfiguration<NotificationMute>
{
    public void Configure(EntityTypeBuilder<NotificationMute> b)
    {
        b.ToTable("NotificationMutes");
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.Kind).HasMaxLength(60);
        b.HasOne<TalkaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
