using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Organisations;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed record OrganisationInput(
    string? Name, LegalForm LegalForm, string? LegalEntityCode, bool ConfirmCheckDigitWarning, string? Municipality,
    string? Address, string? Website, string? ContactEmail, string? ContactPhone, bool IsUmbrella,
    IReadOnlyList<Guid>? MemberIds = null, int Version = 0)
{
    internal OrganisationDetails ToDetails() => new(Name ?? "", LegalForm, LegalEntityCode, ConfirmCheckDigitWarning, Municipality,
        Address, Website, ContactEmail, ContactPhone, IsUmbrella);
}

public sealed class OrganisationService(TalkaDbContext db, ViewerAccessor viewers, Writes writes)
{
    public Task<Result<Guid>> SaveAsync(Guid? id, OrganisationInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var viewer = await viewers.GetAsync(ct);
        Organisation organisation;
        if (id is { } existing)
        {
            if (!viewer.CanEditOrganisation(existing))
                return viewer.CanSeeOrganisation(existing) ? Result<Guid>.Forbidden() : Result<Guid>.NotFound();
            var found = await db.Organisations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == existing, ct);
            if (found is null) return Result<Guid>.NotFound();
            organisation = found;
            writes.ExpectVersion(organisation, input.Version);
            organisation.Update(input.ToDetails());
        }
        else
        {
            if (!viewer.CanCreateOrganisation) return Result<Guid>.Forbidden();
            organisation = new Organisation(input.ToDetails());
            db.Organisations.Add(organisation);
        }
        if (organisation.LegalEntityCode is { } code &&
            await db.Organisations.AnyAsync(o => o.LegalEntityCode == code && o.Id != organisation.Id, ct))
            throw new DomainException("LegalEntityCodeTaken", nameof(input.LegalEntityCode), code);
        // Who belongs to an umbrella is the funder's record to keep.
        if (input.MemberIds is { } memberIds && viewer.IsFunderAdmin)
        {
            var members = await db.Organisations.Where(o => memberIds.Contains(o.Id)).ToListAsync(ct);
            if (members.Count != memberIds.Distinct().Count()) throw new DomainException("UnknownRow", "MemberIds");
            foreach (var gone in organisation.Members.Where(m => !memberIds.Contains(m.MemberId)).ToList()) organisation.RemoveMember(gone.MemberId);
            foreach (var member in members) organisation.AddMember(member);
        }
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(organisation.Id);
    });
}

public static class OrganisationsModule
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services) =>
        services.AddScoped<OrganisationQueries>().AddScoped<OrganisationService>();
}
