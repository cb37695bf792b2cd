using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Web.Features.Notifications;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

/// <summary>
/// The applications of calls, for the pages and the API alike: the funder sets a call's form; an organisation's
/// member drafts, attaches, submits and withdraws; the funder's officer checks formal compliance, asks for
/// clarification and decides. Every write runs in one transaction (<see cref="Writes"/>); the authorization is
/// <see cref="Viewer.May(ApplicationOperation, Guid)"/>.
/// </summary>
public sealed class ApplicationService(
    TalkaDbContext db,
    ViewerAccessor viewers,
    Writes writes,
    TimeProvider clock,
    Notifier notifier
)
{
    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
    private DateTime VilniusNow => LtFormat.VilniusTime(UtcNow);

    public async Task<Result<ApplicationForm>> SetFormAsync(
        Guid callId,
        ApplicationFormInput input,
        CancellationToken ct = default
    )
    {
        if (!(await viewers.GetAsync(ct)).CanSetCallForms)
            return Result<ApplicationForm>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await db.Calls.SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
                return Result<ApplicationForm>.NotFound();
            var form = new ApplicationForm(
                input.Opens ?? throw new DomainException("Required", nameof(input.Opens)),
                input.Closes ?? throw new DomainException("Required", nameof(input.Closes)),
                input.Cap,
                null,
                input.NumberPattern ?? ApplicationForm.DefaultNumberPattern,
                input.Rules ?? [],
                input.Attachments ?? [],
                input.Sections ?? [],
                input.ClarificationWorkingDays ?? 5,
                input.LastFormalCheckDay
            );
            foreach (var (rule, i) in form.Rules.Select((r, i) => (r, i)))
                if (rule.Calls is { Count: > 0 } named)
                {
                    if (named.Contains(callId))
                        throw new DomainException("RuleNamesOwnCall", $"Rules[{i}].Calls");
                    if (await db.Calls.CountAsync(c => named.Contains(c.Id), ct) != named.Distinct().Count())
                        throw new DomainException("UnknownRow", $"Rules[{i}].Calls");
                }
            var saved = call.SetForm(form);
            await db.SaveChangesAsync(ct);
            return Result<ApplicationForm>.Success(saved);
        });
    }

    /// <summary>Starts an application of the organisation to the call: one per organisation in the call and in the
    /// calls linked to it (a withdrawn one does not count); only while the call takes applications.</summary>
    public async Task<Result<Guid>> CreateAsync(Guid callId, NewApplicationInput input, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.IsAuthenticated)
            return Result<Guid>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
                return Result<Guid>.NotFound();
            if (!viewer.May(ApplicationOperation.Edit, input.OrganisationId))
                return Result<Guid>.Forbidden();
            if (call.Form is not { } form)
                throw new DomainException("CallTakesNoApplications", null);
            if (!form.AcceptsAt(VilniusNow) && VilniusNow >= form.Opens)
                throw new DomainException("CallClosed", null, form.Deadline);
            await EnsureFirstAsync(call, form, input.OrganisationId, null, ct);
            var content = (input.Content ?? ApplicationContent.Empty).Validated(call);
            await EnsurePartnersExistAsync(content, ct);
            var application = Application.Draft(call.Id, input.OrganisationId, content, UtcNow);
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(application.Id);
        });
    }

    /// <summary>Saves the draft over the version it was read at (autosave does this as the applicant types).</summary>
    public Task<Result<int>> SaveDraftAsync(Guid id, DraftInput input, CancellationToken ct = default) =>
        writes.Run(async () =>
        {
            if (await EditableAsync(id, ct) is not { } found)
                return await RefusalAsync<int>(id, ct);
            var (application, call) = found;
            writes.ExpectVersion(application, input.Version);
            var content = input.Content.Validated(call);
            await EnsurePartnersExistAsync(content, ct);
            application.Revise(content, await LastSubmittedAsync(application, ct));
            await db.SaveChangesAsync(ct);
            return Result<int>.Success(application.Version);
        });

    /// <summary>Attaches a document under one of the call's attachment keys, replacing the draft's earlier one; the
    /// file must be what its first bytes say (PDF, PNG, JPEG or an Office document) and at most 10 MB.</summary>
    public async Task<Result<Guid>> AttachAsync(
        Guid id,
        string key,
        Stream content,
        string fileName,
        long length,
        CancellationToken ct = default
    )
    {
        byte[]? bytes = null;
        if (length <= EvidenceRules.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var viewer = await viewers.GetAsync(ct);
        return await writes.Run(async () =>
        {
            if (await EditableAsync(id, ct) is not { } found)
                return await RefusalAsync<Guid>(id, ct);
            var (application, call) = found;
            if (call.Form?.Attachments.All(a => a.Key != key) != false)
                throw new DomainException("UnknownAttachment", "Key", key);
            application.EnsureAttachmentEditable(key);
            if (bytes is null || bytes.Length > EvidenceRules.MaxBytes)
                throw new DomainException("FileTooLarge", "File", EvidenceRules.MaxBytes / 1024 / 1024);
            if (bytes.Length == 0)
                throw new DomainException("FileEmpty", "File");
            var kind = EvidenceRules.Detect(bytes.AsSpan(0, Math.Min(16, bytes.Length)));
            if (kind is null || !Evidence.EvidenceInspector.IsSound(kind.Value, bytes))
                throw new DomainException("FileTypeNotAllowed", "File");
            var name = EvidenceRules.SafeName(fileName);
            await db.Set<ApplicationFile>()
                .Where(f => f.ApplicationId == id && f.Key == key && !f.Replaced)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Replaced, true), ct);
            var file = new ApplicationFile
            {
                ApplicationId = id,
                Key = key,
                FileName = name,
                ContentType = EvidenceRules.ContentType(kind.Value, name),
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                UploadedBy = viewer.Email ?? "",
                UploadedAt = UtcNow,
            };
            db.Add(file);
            db.Add(new ApplicationFileContent { FileId = file.Id, Bytes = bytes });
            // The draft changed: a concurrent save of the same draft is told so.
            application.Version++;
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(file.Id);
        });
    }

    /// <summary>Submits the draft as a new numbered version; the applicant's members get a receipt, and the
    /// submission that reaches the call's cap moves its deadline.</summary>
    public async Task<Result<SubmissionView>> SubmitAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        return await writes.Run(async () =>
        {
            if (await EditableAsync(id, ct) is not { } found)
                return await RefusalAsync<SubmissionView>(id, ct);
            var (application, call) = found;
            var form = call.Form ?? throw new DomainException("CallTakesNoApplications", null);
            if (application.Status == ApplicationStatus.Draft)
                await EnsureFirstAsync(call, form, application.ApplicantId, application.Id, ct);
            var files = await CurrentFilesAsync(id, ct);
            var count = await db.Applications.CountAsync(a => a.CallId == call.Id && a.Number != null, ct);
            var version = application.Submit(
                call,
                form,
                [.. files.Select(f => f.Key)],
                VilniusNow,
                UtcNow,
                () => count + 1,
                viewer.Email ?? "",
                JsonSerializer.Serialize(
                    files.Select(f => new
                    {
                        f.Key,
                        f.Id,
                        f.FileName,
                        f.Sha256,
                    })
                )
            );
            db.Add(version);
            if (form is { Cap: { } cap, CapReachedAt: null } && application.Submissions == 1)
            {
                var received = await db.Applications.CountAsync(
                    a => a.CallId == call.Id && a.FirstSubmittedAt != null && a.Id != application.Id,
                    ct
                );
                if (received + 1 >= cap)
                    call.ReachCap(VilniusNow);
            }
            await notifier.NotifyAsync(
                await notifier.MembersOfAsync(application.ApplicantId, ct),
                NotificationKinds.ApplicationSubmitted,
                $"/applications/{application.Id}",
                [
                    application.Number!,
                    application.Title,
                    version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ],
                ct: ct
            );
            await db.SaveChangesAsync(ct);
            return Result<SubmissionView>.Success(new SubmissionView(application.Number!, version.Number));
        });
    }

    public async Task<Result<bool>> WithdrawAsync(Guid id, CancellationToken ct = default) =>
        await writes.Run(async () =>
        {
            var viewer = await viewers.GetAsync(ct);
            if (await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct) is not { } application)
                return Result<bool>.NotFound();
            if (!viewer.May(ApplicationOperation.Edit, application.ApplicantId))
                return await RefusalAsync<bool>(id, ct);
            application.Withdraw();
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });

    /// <summary>Records the officer's marks and, when asked, decides the formal check; the applicant's members are
    /// told the result.</summary>
    public async Task<Result<ApplicationStatus>> CheckAsync(
        Guid id,
        FormalCheckInput input,
        CancellationToken ct = default
    ) =>
        await writes.Run(async () =>
        {
            if (await CheckableAsync(id, ct) is not { } found)
                return await RefusalAsync<ApplicationStatus>(id, ct);
            var (application, form) = found;
            application.RecordCheck(form, input.Marks ?? []);
            if (input.Decide)
            {
                application.Decide(form, UtcNow, ApplicationTexts.Value);
                await notifier.NotifyAsync(
                    await notifier.MembersOfAsync(application.ApplicantId, ct),
                    application.Status == ApplicationStatus.Eligible
                        ? NotificationKinds.ApplicationEligible
                        : NotificationKinds.ApplicationIneligible,
                    $"/applications/{application.Id}",
                    [application.Number ?? "", application.Title],
                    ct: ct
                );
            }
            await db.SaveChangesAsync(ct);
            return Result<ApplicationStatus>.Success(application.Status);
        });

    /// <summary>Returns the application to the applicant for the named items, with a deadline in working
    /// days.</summary>
    public async Task<Result<DateOnly>> RequestClarificationAsync(
        Guid id,
        ClarificationInput input,
        CancellationToken ct = default
    ) =>
        await writes.Run(async () =>
        {
            if (await CheckableAsync(id, ct) is not { } found)
                return await RefusalAsync<DateOnly>(id, ct);
            var (application, form) = found;
            application.RequestClarification(
                form,
                input.Items ?? [],
                input.Message,
                DateOnly.FromDateTime(VilniusNow),
                input.Due
            );
            await notifier.NotifyAsync(
                await notifier.MembersOfAsync(application.ApplicantId, ct),
                NotificationKinds.ApplicationClarification,
                $"/applications/{application.Id}",
                [application.Number ?? "", application.Title, LtFormat.Date(application.ClarificationDue!.Value)],
                ct: ct
            );
            await db.SaveChangesAsync(ct);
            return Result<DateOnly>.Success(application.ClarificationDue!.Value);
        });

    /// <summary>Funds an eligible application of a call without an evaluation: a project of its applicant under its
    /// call, with the application's plan, partners, period and budget, and its number kept (funder admins).</summary>
    public async Task<Result<Guid>> FundAsync(Guid id, CancellationToken ct = default) =>
        await writes.Run(async () =>
        {
            if (await CheckableAsync(id, ct) is not { } found)
                return await RefusalAsync<Guid>(id, ct);
            var (application, _) = found;
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
            // A call with an evaluation funds through its approved ranking, within its budget.
            if (call.Evaluation is not null)
                throw new DomainException("FundThroughRanking", null);
            var project = ProjectFromApplication.Add(db, application, call);
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Success(project.Id);
        });

    /// <summary>The application and its call, if the viewer may edit it; null otherwise.</summary>
    private async Task<(Application, Call)?> EditableAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var application = await db.Applications.Include(a => a.Partners).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !viewer.May(ApplicationOperation.Edit, application.ApplicantId))
            return null;
        // Tracked: a submission that reaches the cap records it on the call.
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, ct);
        return (application, call);
    }

    private async Task<(Application, ApplicationForm)?> CheckableAsync(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !viewer.May(ApplicationOperation.Check, application.ApplicantId))
            return null;
        var form =
            (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct)).Form
            ?? throw new DomainException("CallTakesNoApplications", null);
        return (application, form);
    }

    /// <summary>Not found for one who may not read the application; forbidden for one who may read but not do
    /// this.</summary>
    private async Task<Result<T>> RefusalAsync<T>(Guid id, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var applicant = await db
            .Applications.Where(a => a.Id == id)
            .Select(a => (Guid?)a.ApplicantId)
            .SingleOrDefaultAsync(ct);
        return applicant is { } owner && viewer.May(ApplicationOperation.Read, owner)
            ? Result<T>.Forbidden()
            : Result<T>.NotFound();
    }

    private async Task<ApplicationContent?> LastSubmittedAsync(Application application, CancellationToken ct) =>
        await db.Set<ApplicationVersion>()
            .AsNoTracking()
            .Where(v => v.ApplicationId == application.Id)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct)
            is { } version
            ? version.Content
            : null;

    private Task<List<ApplicationFile>> CurrentFilesAsync(Guid id, CancellationToken ct) =>
        db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == id && !f.Replaced).ToListAsync(ct);

    /// <summary>Refuses a second application of the organisation to the call or to a call linked to it.</summary>
    private async Task EnsureFirstAsync(
        Call call,
        ApplicationForm form,
        Guid organisationId,
        Guid? self,
        CancellationToken ct
    )
    {
        var calls = form.LinkedCalls.Append(call.Id).ToList();
        var other = await db
            .Applications.AsNoTracking()
            .Where(a =>
                a.ApplicantId == organisationId
                && calls.Contains(a.CallId)
                && a.Id != self
                && a.Status != ApplicationStatus.Withdrawn
                && a.ContentJson != ""
            )
            .Select(a => new { a.CallId, a.Number })
            .FirstOrDefaultAsync(ct);
        if (other is null)
            return;
        if (other.CallId == call.Id)
            throw new DomainException("AlreadyApplied", "OrganisationId");
        var title = await db.Calls.Where(c => c.Id == other.CallId).Select(c => c.Title).SingleAsync(ct);
        throw new DomainException("AlreadyAppliedLinked", "OrganisationId", title);
    }

    private async Task EnsurePartnersExistAsync(ApplicationContent content, CancellationToken ct)
    {
        var ids = content.Partners.Select(p => p.OrganisationId).Distinct().ToList();
        if (ids.Count > 0 && await db.Organisations.CountAsync(o => ids.Contains(o.Id), ct) != ids.Count)
            throw new DomainException("UnknownRow", "Partners");
    }
}

/// <summary>What a submission gave: the application's number and the version's.</summary>
public sealed record SubmissionView(string Number, int Version);
