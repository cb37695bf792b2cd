using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talka.Web.Infrastructure.Email;

internal sealed class EmailMessageMapping : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("Emails");
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.HasIndex(x => new
        {
            x.To,
            x.Kind,
            x.CreatedAt,
        });
    }
}
