using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Features.Account;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Registration;

/// <summary>Requests to register an NGO: anyone may send one; funder admins list, approve (the organisation is made
/// and its contact person invited as its manager, in one step) or reject them.</summary>
public sealed class RegistrationService(
    TalkaDbContext db,
    Writes writes,
    Texts texts,
    TimeProvider clock,
    ViewerAccessor viewers,
    OrganisationService organisations,
    AccountService accounts
)
{
    public async Task<Result<Guid>> RequestAsync(RegistrationInput input, CancellationToken ct = default)
    {
        var name = input.OrganisationName?.Trim() ?? "";
        var code = LegalEntityCode.Normalise(input.LegalEntityCode);
        var email = input.ContactEmail?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (name.Length is 0 or > 300)
            errors.Add(new FieldError("OrganisationName", texts["Error.Required"]));
        switch (LegalEntityCode.Check(code))
        {
            case LegalEntityCode.Verdict.Malformed:
                errors.Add(new FieldError("LegalEntityCode", texts["Registration.CodeMalformed"]));
                break;
            case LegalEntityCode.Verdict.CheckDigitMismatch:
                errors.Add(new FieldError("LegalEntityCode", texts["Registration.CodeCheckDigit"]));
                break;
        }
        if (!AccountService.IsEmail(email))
            errors.Add(new FieldError("ContactEmail", texts["Account.EmailInvalid"]));
        if (errors.Count > 0)
            return Result<Guid>.Invalid([.. errors]);
        return await writes.Run(async () =>
        {
            if (await db.Organisations.AnyAsync(o => o.LegalEntityCode == code, ct))
                return Result<Guid>.Invalid(new FieldError("LegalEntityCode", texts["Registration.AlreadyIn"]));
            if (
                await db.Set<RegistrationRequest>()
                    .AnyAsync(r => r.LegalEntityCode == code && r.State == RegistrationState.Pending, ct)
            )
                return Result<Guid>.Invalid(new FieldError("LegalEntityCode", texts["Registration.AlreadyAsked"]));
            var request = new RegistrationRequest
            {
                OrganisationName = name,
                LegalForm = input.LegalForm,
                LegalEntityCode = code,
                ContactEmail = email,
                Language = input.Language == "en" ? "en" : "lt",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(request);
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(request.Id);
        });
    }

    public async Task<Page<RegistrationRow>?> PendingAsync(int page, CancellationToken ct = default)
    {
        if (!(await viewers.GetAsync(ct)).IsFunderAdmin)
            return null;
        page = Math.Max(1, page);
        var query = db.Set<RegistrationRequest>().AsNoTracking().Where(r => r.State == RegistrationState.Pending);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(r => r.CreatedAt)
            .Skip((page - 1) * 50)
            .Take(50)
            .Select(r => new RegistrationRow(
                r.Id,
                r.OrganisationName,
                r.LegalForm,
                r.LegalEntityCode,
                r.ContactEmail,
                r.CreatedAt,
                r.State
            ))
            .ToListAsync(ct);
        return new Page<RegistrationRow>(rows, page, 50, total);
    }

    /// <summary>Approves a pending request: the organisation is registered and its contact person invited as its
    /// manager, all or nothing.</summary>
    public async Task<Result<Guid>> ApproveAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.IsFunderAdmin)
            return Result<Guid>.Forbidden();
        return await writes.Run(async () =>
        {
            var request = await db.Set<RegistrationRequest>()
                .SingleOrDefaultAsync(r => r.Id == id && r.State == RegistrationState.Pending, ct);
            if (request is null)
                return Result<Guid>.NotFound();
            var organisation = await organisations.SaveAsync(
                null,
                new OrganisationInput(
                    request.OrganisationName,
                    request.LegalForm,
                    request.LegalEntityCode,
                    false,
                    null,
                    null,
                    null,
                    request.ContactEmail,
                    null,
                    false
                ),
                ct
            );
            if (!organisation.Ok)
                return organisation;
            var invitation = await accounts.InviteAsync(
                new InvitationInput(
                    request.ContactEmail,
                    Roles.OrganisationMember,
                    organisation.Value,
                    Manager: true,
                    request.Language
                ),
                ct
            );
            if (!invitation.Ok)
                return Result<Guid>.Invalid([.. invitation.Errors]);
            request.State = RegistrationState.Approved;
            request.OrganisationId = organisation.Value;
            request.DecidedAt = clock.GetUtcNow().UtcDateTime;
            request.DecidedBy = viewer.Email;
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(organisation.Value);
        });
    }

    public async Task<Result<bool>> RejectAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.IsFunderAdmin)
            return Result<bool>.Forbidden();
        return await writes.Run(async () =>
        {
            var request = await db.Set<RegistrationRequest>()
                .SingleOrDefaultAsync(r => r.Id == id && r.State == RegistrationState.Pending, ct);
            if (request is null)
                return Result<bool>.NotFound();
            request.State = RegistrationState.Rejected;
            request.DecidedAt = clock.GetUtcNow().UtcDateTime;
            request.DecidedBy = viewer.Email;
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
    }
}
