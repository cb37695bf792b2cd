using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evidence;

internal sealed class EvidenceFileMapping : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(120);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Owner, x.OwnerId });
    }
}

public sealed record EvidenceRow(Guid Id, EvidenceOwner Owner, Guid? OwnerId, string FileName, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt)
{
    public string Url(Guid projectId) => $"/api/v1/projects/{projectId}/files/{Id}";
}

public sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Evidence files, kept in the database with their records (files uploaded before that are still read from
/// Talka:DataDirectory/files). Each upload is checked by its content, and each download by who asks: only those who may
/// read the project's records get its files.
/// </summary>
public sealed class EvidenceService(TalkaDbContext db, ProjectGate gate, ViewerAccessor viewers, Writes writes, IConfiguration configuration, TimeProvider clock,
    ProjectPermissions permissions)
{
    private string LegacyRoot => Path.Combine(Path.GetFullPath(configuration["Talka:DataDirectory"] ?? "data"), "files");

    public async Task<Result<Guid>> UploadAsync(Guid projectId, EvidenceOwner owner, Guid? ownerId, Stream content, string fileName, long length,
        CancellationToken ct = default)
    {
        // Read once, before the write runs: a retried write must not read an exhausted stream.
        byte[]? read = null;
        if (length <= EvidenceRules.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            read = buffer.ToArray();
        }
        return await writes.Run(() => SaveAsync(projectId, owner, ownerId, read, fileName, ct));
    }

    private async Task<Result<Guid>> SaveAsync(Guid projectId, EvidenceOwner owner, Guid? ownerId, byte[]? bytes, string fileName, CancellationToken ct)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return refusal == Outcome.Forbidden ? Result<Guid>.Forbidden() : Result<Guid>.NotFound();
        if (bytes is null || bytes.Length > EvidenceRules.MaxBytes) throw new DomainException("FileTooLarge", "File", EvidenceRules.MaxBytes / 1024 / 1024);
        if (!await OwnerBelongsAsync(projectId, owner, ownerId, context!, ct)) throw new DomainException("UnknownRow", "OwnerId");
        var kind = EvidenceRules.Detect(bytes.AsSpan(0, Math.Min(16, bytes.Length)));
        if (kind is null || !EvidenceInspector.IsSound(kind.Value, bytes)) throw new DomainException("FileTypeNotAllowed", "File");
        if (owner == EvidenceOwner.Agreement)
        {
            // The signed agreement: a PDF, filed by the funder once the agreement is signed.
            if (!await permissions.MayAsync(ProjectOperation.ManagePayments, context!.Project.OrganisationId, context.Project.IsPublished))
                return Result<Guid>.Forbidden();
            if (kind != EvidenceKind.Pdf) throw new DomainException("SignedAgreementPdf", "File");
            if (!await db.Agreements.AnyAsync(a => a.Id == ownerId && a.SignedOn != null, ct))
                throw new DomainException("AgreementNotSigned", "File");
        }
        var file = new EvidenceFile(projectId, owner, ownerId, fileName, kind.Value, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            (await viewers.GetAsync(ct)).Email ?? "", clock.GetUtcNow());
        db.Add(file);
        db.Add(new EvidenceContent { FileId = file.Id, Bytes = bytes });
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(file.Id);
    }

    public async Task<IReadOnlyList<EvidenceRow>> ListAsync(ProjectContext context, EvidenceOwner? owner = null, Guid? ownerId = null, CancellationToken ct = default) =>
        // Sorted here: SQLite cannot order by a date with an offset.
        (await db.Set<EvidenceFile>().AsNoTracking()
            .Where(f => f.ProjectId == context.Project.Id && (owner == null || f.Owner == owner) && (ownerId == null || f.OwnerId == ownerId))
            .Select(f => new EvidenceRow(f.Id, f.Owner, f.OwnerId, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt))
            .ToListAsync(ct)).OrderBy(f => f.UploadedAt).ToList();

    public async Task<Result<EvidenceDownload>> DownloadAsync(Guid projectId, Guid fileId, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return Result<EvidenceDownload>.NotFound();
        var file = await db.Set<EvidenceFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ProjectId == projectId, ct);
        if (file is null) return Result<EvidenceDownload>.NotFound();
        var bytes = await db.Set<EvidenceContent>().AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is null)
        {
            // Uploaded before files moved into the database.
            var path = Path.Combine(LegacyRoot, file.Id.ToString("N"));
            if (!File.Exists(path)) return Result<EvidenceDownload>.NotFound();
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        return Result<EvidenceDownload>.Success(new EvidenceDownload(bytes, file.ContentType, file.FileName));
    }

    private async Task<bool> OwnerBelongsAsync(Guid projectId, EvidenceOwner owner, Guid? ownerId, ProjectContext context, CancellationToken ct) => owner switch
    {
        EvidenceOwner.Project => ownerId is null || ownerId == projectId,
        EvidenceOwner.Event => ownerId is { } e && await db.Set<Event>().AnyAsync(x => x.Id == e && x.ProjectId == projectId, ct),
        EvidenceOwner.Deliverable => ownerId is { } d && await db.Set<Deliverable>().AnyAsync(x => x.Id == d && x.ProjectId == projectId, ct),
        EvidenceOwner.Indicator => ownerId is { } i && await db.Set<PlannedIndicator>().AnyAsync(x => x.Id == i && x.ProjectId == projectId, ct),
        EvidenceOwner.Agreement => ownerId is { } a && await db.Agreements.AnyAsync(x => x.Id == a && x.ProjectId == projectId, ct),
        EvidenceOwner.Expenditure => ownerId is { } x && await db.Set<Talka.Domain.Finance.Expenditure>().AnyAsync(e => e.Id == x && e.ProjectId == projectId, ct),
        _ => false,
    };
}

public static class EvidenceApi
{
    public static IServiceCollection AddEvidence(this IServiceCollection services) => services.AddScoped<EvidenceService>();

    public static void MapEvidenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:guid}/files").WithTags("Evidence files").RequireAuthorization();
        group.MapGet("/", async (Guid projectId, ProjectGate gate, EvidenceService s, Texts t, CancellationToken ct) =>
            await gate.FindAsync(projectId, ct) is { CanRead: true } context ? Results.Ok(await s.ListAsync(context, ct: ct)) : ApiResults.NotFound(t))
            .Returns<IReadOnlyList<EvidenceRow>>("List the project's evidence files");
        group.MapPost("/", async (Guid projectId, IFormFile file, EvidenceOwner? owner, Guid? ownerId, EvidenceService s, Texts t, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await s.UploadAsync(projectId, owner ?? EvidenceOwner.Project, ownerId, stream, file.FileName, file.Length, ct))
                .ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/files/{id}", new CreatedId(id)));
        }).DisableAntiforgery().ReturnsCreated("Upload an evidence file (PDF, PNG, JPEG, XLSX, DOCX; checked by its structure; up to 10 MB)");
        group.MapGet("/{fileId:guid}", async (Guid projectId, Guid fileId, EvidenceService s, Texts t, HttpContext http, CancellationToken ct) =>
            (await s.DownloadAsync(projectId, fileId, ct)).ToHttp(t, f =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(f.Content, f.ContentType, f.FileName);
            }))
            .ReturnsFile("Download an evidence file", "application/pdf", "image/png", "image/jpeg", ApiDocs.Xlsx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
}
