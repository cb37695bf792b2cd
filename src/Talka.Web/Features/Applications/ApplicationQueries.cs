using Microsoft.EntityFrameworkCore;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

/// <summary>Reads of applications as each reader may see them: the call's form (public), an application whole (its
/// applicant's members, funder admins, auditors; internal notes for the funder only), a call's list (paged), a
/// version with what changed, and the public register once the call has closed.</summary>
public sealed class ApplicationQueries(
    TalkaDbContext db,
    ViewerAccessor viewers,
    ApplicationTexts words,
    TimeProvider clock
)
{
    public const int PageSize = 50;

    private DateTime VilniusNow => LtFormat.VilniusTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CallFormView?> FormAsync(Guid callId, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call?.Form is not { } form)
            return null;
        var named = form.Rules.SelectMany(r => r.Calls ?? []).Distinct().ToList();
        var titles = await db.Calls.Where(c => named.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var received = await db.Applications.CountAsync(a => a.CallId == callId && a.FirstSubmittedAt != null, ct);
        return new CallFormView(
            call.Id,
            call.Title,
            form,
            form.Deadline,
            form.AcceptsAt(VilniusNow),
            [.. form.Rules.Select(r => words.Rule(r, titles))],
            received
        );
    }

    public async Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (
            application is null
            || !viewer.May(
                ApplicationOperation.Read,
                application.ApplicantId,
                await DeclaredExpertAsync(viewer, id, ct)
            )
        )
            return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        var form = call.Form;
        var applicant = await db
            .Organisations.Where(o => o.Id == application.ApplicantId)
            .Select(o => o.Name)
            .SingleAsync(ct);
        var files = await db.Set<ApplicationFile>()
            .AsNoTracking()
            .Where(f => f.ApplicationId == id && !f.Replaced)
            .OrderBy(f => f.Key)
            .Select(f => new AttachmentRow(f.Id, f.Key, f.FileName, f.Size, f.UploadedAt))
            .ToListAsync(ct);
        var versions = await db.Set<ApplicationVersion>()
            .AsNoTracking()
            .Where(v => v.ApplicationId == id)
            .OrderBy(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.SubmittedAt, v.SubmittedBy))
            .ToListAsync(ct);
        var content = application.Content;
        var partnerIds = content.Partners.Select(p => p.OrganisationId).ToList();
        var partnerOrgs = await db
            .Organisations.Where(o => partnerIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.LegalEntityCode,
            })
            .ToDictionaryAsync(o => o.Id, ct);
        var partners = content
            .Partners.Where(p => partnerOrgs.ContainsKey(p.OrganisationId))
            .Select(p => new ApplicationPartnerView(
                p.OrganisationId,
                partnerOrgs[p.OrganisationId].Name,
                partnerOrgs[p.OrganisationId].LegalEntityCode,
                p.Role
            ))
            .ToList();
        var missing = form is null ? [] : content.Missing(form, [.. files.Select(f => f.Key)]);
        var funder = viewer.May(ApplicationOperation.Check, application.ApplicantId);
        var edit = viewer.May(ApplicationOperation.Edit, application.ApplicantId) && application.Editable;
        var clarification =
            application.Status == ApplicationStatus.ClarificationRequested
                ? new ClarificationView(
                    application.ClarificationItems,
                    words.Items(application.ClarificationItems, form),
                    application.ClarificationMessage ?? "",
                    application.ClarificationDue!.Value
                )
                : null;
        var outcomes = application
            .Outcomes.Select(o => new OutcomeView(
                o.Item,
                words.Item(o.Item, form),
                o.Mark,
                o.Note ?? (o.Reason is { } reason ? words.Reason(reason, o.Args) : null),
                funder ? o.InternalNote : null
            ))
            .ToList();
        var open =
            form is not null
            && application.Status switch
            {
                ApplicationStatus.Draft => form.AcceptsAt(VilniusNow),
                ApplicationStatus.ClarificationRequested => DateOnly.FromDateTime(VilniusNow)
                    <= application.ClarificationDue,
                _ => false,
            };
        return new ApplicationView(
            application.Id,
            call.Id,
            call.Title,
            application.ApplicantId,
            applicant,
            application.Number,
            application.Title,
            application.Status,
            application.Version,
            content,
            partners,
            content.Requested,
            content.CoFinancing,
            missing,
            words.Items(missing, form),
            files,
            versions,
            clarification,
            outcomes,
            funder ? application.CheckEntries : null,
            form?.Deadline,
            edit,
            edit && open && missing.Count == 0,
            viewer.May(ApplicationOperation.Edit, application.ApplicantId)
                && application.Status
                    is ApplicationStatus.Draft
                        or ApplicationStatus.Submitted
                        or ApplicationStatus.ClarificationRequested
                        or ApplicationStatus.Eligible
                        or ApplicationStatus.Reserve,
            funder && application.Status == ApplicationStatus.Submitted,
            funder && application.Status == ApplicationStatus.Eligible && call.Evaluation is null,
            application.DecisionReference is { } reference
                ? new SelectionDecision(
                    application.Status,
                    application.FinalScore,
                    application.Awarded,
                    application.ReserveRank,
                    reference,
                    application.AppealUntil
                )
                : null
        );
    }

    /// <summary>A submitted version, and what changed since the one before.</summary>
    public async Task<VersionView?> VersionAsync(Guid id, int number, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        var application = await db
            .Applications.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.ApplicantId, a.CallId })
            .SingleOrDefaultAsync(ct);
        if (
            application is null
            || !viewer.May(
                ApplicationOperation.Read,
                application.ApplicantId,
                await DeclaredExpertAsync(viewer, id, ct)
            )
        )
            return null;
        var pair = await db.Set<ApplicationVersion>()
            .AsNoTracking()
            .Where(v => v.ApplicationId == id && (v.Number == number || v.Number == number - 1))
            .ToListAsync(ct);
        if (pair.SingleOrDefault(v => v.Number == number) is not { } version)
            return null;
        var before = pair.SingleOrDefault(v => v.Number == number - 1);
        var changed = before is null ? [] : ApplicationContent.Changed(before.Content, version.Content).ToList();
        if (before is not null)
            changed.AddRange(AttachmentsChanged(before.AttachmentsJson, version.AttachmentsJson));
        var form = (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct)).Form;
        return new VersionView(
            version.Number,
            version.SubmittedAt,
            version.SubmittedBy,
            version.Content,
            changed,
            words.Items(changed, form)
        );
    }

    /// <summary>The call's applications: all of them for funder admins and auditors, the viewer's organisations'
    /// for members; null for anyone else.</summary>
    public async Task<Page<ApplicationRow>?> ListAsync(Guid callId, int page, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.IsAuthenticated || (!viewer.ReadsEverything && viewer.MemberOrganisationIds.Count == 0))
            return null;
        var own = viewer.MemberOrganisationIds.ToList();
        var query = db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.ContentJson != "");
        if (!viewer.ReadsEverything)
            query = query.Where(a => own.Contains(a.ApplicantId));
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await (
            from a in query
            join o in db.Organisations on a.ApplicantId equals o.Id
            orderby a.Number == null, a.Number, o.Name
            select new
            {
                a.Id,
                a.Number,
                a.ApplicantId,
                o.Name,
                a.Title,
                a.ContentJson,
                a.Status,
                a.FirstSubmittedAt,
            }
        )
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);
        return new Page<ApplicationRow>(
            [
                .. rows.Select(r => new ApplicationRow(
                    r.Id,
                    r.Number,
                    r.ApplicantId,
                    r.Name,
                    r.Title,
                    ApplicationContent.FromJson(r.ContentJson).Requested,
                    r.Status,
                    r.FirstSubmittedAt
                )),
            ],
            page,
            PageSize,
            total
        );
    }

    /// <summary>The register of received applications (number, applicant, title, requested amount, status), public
    /// once the call has closed; null before.</summary>
    public async Task<IReadOnlyList<RegisterRow>?> RegisterAsync(Guid callId, CancellationToken ct = default)
    {
        var form = (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct))?.Form;
        if (form is null || VilniusNow <= form.Deadline)
            return null;
        var rows = await (
            from a in db.Applications.AsNoTracking()
            join o in db.Organisations on a.ApplicantId equals o.Id
            where a.CallId == callId && a.Number != null && a.ContentJson != ""
            orderby a.Number
            select new
            {
                a.Number,
                o.Name,
                a.Title,
                a.ContentJson,
                a.Status,
            }
        ).ToListAsync(ct);
        return
        [
            .. rows.Select(r => new RegisterRow(
                r.Number!,
                r.Name,
                r.Title,
                ApplicationContent.FromJson(r.ContentJson).Requested,
                r.Status
            )),
        ];
    }

    /// <summary>An attached file, for those who may read the application (a version's file too).</summary>
    public async Task<(byte[] Bytes, string ContentType, string FileName)?> FileAsync(
        Guid id,
        Guid fileId,
        CancellationToken ct = default
    )
    {
        var viewer = await viewers.GetAsync(ct);
        var applicant = await db
            .Applications.Where(a => a.Id == id)
            .Select(a => (Guid?)a.ApplicantId)
            .SingleOrDefaultAsync(ct);
        if (
            applicant is not { } owner
            || !viewer.May(ApplicationOperation.Read, owner, await DeclaredExpertAsync(viewer, id, ct))
        )
            return null;
        var file = await db.Set<ApplicationFile>()
            .AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id, ct);
        if (file is null)
            return null;
        var bytes = await db.Set<ApplicationFileContent>()
            .Where(c => c.FileId == fileId)
            .Select(c => c.Bytes)
            .SingleAsync(ct);
        return (bytes, file.ContentType, file.FileName);
    }

    /// <summary>Whether the viewer is an expert assigned to the application who declared no conflict for it.</summary>
    public async Task<bool> DeclaredExpertAsync(Viewer viewer, Guid applicationId, CancellationToken ct) =>
        viewer.IsEvaluator
        && await db.Set<Talka.Domain.Evaluation.Assignment>()
            .AnyAsync(
                a =>
                    a.ApplicationId == applicationId
                    && a.EvaluatorId == viewer.UserId
                    && (
                        a.State == Talka.Domain.Evaluation.AssignmentState.Declared
                        || a.State == Talka.Domain.Evaluation.AssignmentState.Submitted
                    ),
                ct
            );

    /// <summary>The organisation registered under a legal entity code, if any.</summary>
    public async Task<Guid?> OrganisationByCodeAsync(string code, CancellationToken ct = default)
    {
        var normal = Talka.Domain.Common.LegalEntityCode.Normalise(code);
        return normal.Length == 0
            ? null
            : await db
                .Organisations.Where(o => o.LegalEntityCode == normal)
                .Select(o => (Guid?)o.Id)
                .FirstOrDefaultAsync(ct);
    }

    public Task<string?> CallTitleAsync(Guid callId, CancellationToken ct = default) =>
        db.Calls.Where(c => c.Id == callId).Select(c => (string?)c.Title).SingleOrDefaultAsync(ct);

    /// <summary>The call's page section: its form, the viewer's organisations to apply for, the register.</summary>
    public async Task<CallApplicationsSection> SectionAsync(Guid callId, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        var form = await FormAsync(callId, ct);
        var own = viewer.MemberOrganisationIds.ToList();
        var applyAs =
            own.Count == 0
                ? []
                : await db
                    .Organisations.Where(o => own.Contains(o.Id))
                    .OrderBy(o => EF.Functions.Collate(o.Name, LithuanianCollation.Name))
                    .Select(o => new OrganisationLink(o.Id, o.Name))
                    .ToListAsync(ct);
        return new CallApplicationsSection(
            form,
            applyAs,
            viewer.IsAuthenticated && (viewer.ReadsEverything || own.Count > 0),
            form is null ? null : await RegisterAsync(callId, ct)
        );
    }

    /// <summary>The cost categories the call's budgets use.</summary>
    public async Task<IReadOnlyList<Talka.Domain.Finance.CostCategory>> CategoriesAsync(
        Guid callId,
        CancellationToken ct = default
    ) => (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, ct)).CostCategories;

    private static IEnumerable<string> AttachmentsChanged(string before, string after)
    {
        static Dictionary<string, string> Read(string json) =>
            System
                .Text.Json.JsonDocument.Parse(json.Length == 0 ? "[]" : json)
                .RootElement.EnumerateArray()
                .ToDictionary(e => e.GetProperty("Key").GetString()!, e => e.GetProperty("Sha256").GetString()!);
        var a = Read(before);
        var b = Read(after);
        return a
            .Keys.Union(b.Keys)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Order()
            .Select(k => "Attachment:" + k);
    }
}
