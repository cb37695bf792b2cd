using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Organisations;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Features.Organisations;

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.SearchName).HasMaxLength(300);
        b.HasIndex(x => x.SearchName);
        b.Property(x => x.LegalEntityCode).HasMaxLength(9);
        b.HasIndex(x => x.LegalEntityCode).IsUnique();
        b.Property(x => x.Municipality).HasMaxLength(60);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.Website).HasMaxLength(300);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.ContactPhone).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.UmbrellaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UmbrellaMembershipMapping : IEntityTypeConfiguration<UmbrellaMembership>
{
    public void Configure(EntityTypeBuilder<UmbrellaMembership> b)
    {
        b.HasKey(x => new { x.UmbrellaId, x.MemberId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationMembershipMapping : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> b)
    {
        b.HasKey(x => new { x.UserId, x.OrganisationId });
        b.HasOne<TalkaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
