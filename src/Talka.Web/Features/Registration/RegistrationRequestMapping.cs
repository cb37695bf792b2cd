using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talka.Web.Features.Registration;

internal sealed class RegistrationRequestMapping : IEntityTypeConfiguration<RegistrationRequest>
{
    public void Configure(EntityTypeBuilder<RegistrationRequest> b)
    {
        b.ToTable("RegistrationRequests");
        b.Property(x => x.OrganisationName).HasMaxLength(300);
        b.Property(x => x.LegalEntityCode).HasMaxLength(9);
        b.Property(x => x.ContactEmail).HasMaxLength(320);
        b.Property(x => x.Language).HasMaxLength(5);
        b.Property(x => x.DecidedBy).HasMaxLength(320);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.HasIndex(x => x.LegalEntityCode);
    }
}
