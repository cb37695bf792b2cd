using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Calls;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Features.Programmes;

internal sealed class ProgrammeOfficerMapping : IEntityTypeConfiguration<ProgrammeOfficer>
{
    public void Configure(EntityTypeBuilder<ProgrammeOfficer> b)
    {
        b.ToTable("ProgrammeOfficers");
        b.HasKey(x => new { x.ProgrammeId, x.UserId });
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TalkaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
