using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

public static class ApplicationsApi
{
    public static IServiceCollection AddApplications(this IServiceCollection services) =>
        services.AddScoped<ApplicationService>().AddScoped<ApplicationQueries>().AddScoped<ApplicationTexts>();

    public static void MapApplicationsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls/{id:guid}").WithTags("Applications");
        calls
            .MapGet(
                "/application-form",
                async (Guid id, ApplicationQueries q, Texts t, CancellationToken ct) =>
                    await q.FormAsync(id, ct) is { } form ? Results.Ok(form) : ApiResults.NotFound(t)
            )
            .AllowAnonymous()
            .Returns<CallFormView>("Read a call's application form: window, deadline in force, rules, attachments");
        calls
            .MapPut(
                "/application-form",
                async (Guid id, ApplicationFormInput input, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.SetFormAsync(id, input, ct)).ToHttp(t, Results.Ok)
            )
            .RequireAuthorization()
            .Returns<ApplicationForm>("Set a call's application form (funder admins)");
        calls
            .MapGet(
                "/applications",
                async (Guid id, int? page, ApplicationQueries q, Texts t, CancellationToken ct) =>
                    await q.ListAsync(id, page ?? 1, ct) is { } list ? Results.Ok(list) : ApiResults.Forbidden(t)
            )
            .RequireAuthorization()
            .Returns<Page<ApplicationRow>>("List a call's applications (all for the funder, one's own for members)");
        calls
            .MapPost(
                "/applications",
                async (Guid id, NewApplicationInput input, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.CreateAsync(id, input, ct)).ToHttp(
                        t,
                        created => Results.Created($"/api/v1/applications/{created}", new CreatedId(created))
                    )
            )
            .RequireAuthorization()
            .ReturnsCreated("Start an application of one's organisation to the call");
        calls
            .MapGet(
                "/application-register",
                async (Guid id, ApplicationQueries q, Texts t, CancellationToken ct) =>
                    await q.RegisterAsync(id, ct) is { } rows ? Results.Ok(rows) : ApiResults.NotFound(t)
            )
            .AllowAnonymous()
            .Returns<IReadOnlyList<RegisterRow>>("The register of received applications, once the call has closed");

        var applications = api.MapGroup("/applications/{id:guid}").WithTags("Applications").RequireAuthorization();
        applications
            .MapGet(
                "/",
                async (Guid id, ApplicationQueries q, Texts t, CancellationToken ct) =>
                    await q.GetAsync(id, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound(t)
            )
            .Returns<ApplicationView>("Read an application with its checklist, versions and formal check");
        applications
            .MapPut(
                "/",
                async (Guid id, DraftInput input, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.SaveDraftAsync(id, input, ct)).ToHttp(t, version => Results.Ok(new VersionNumber(version)))
            )
            .Returns<VersionNumber>("Save the draft over the version it was read at");
        applications
            .MapPost(
                "/attachments/{key}",
                async (Guid id, string key, IFormFile file, ApplicationService s, Texts t, CancellationToken ct) =>
                {
                    await using var stream = file.OpenReadStream();
                    return (await s.AttachAsync(id, key, stream, file.FileName, file.Length, ct)).ToHttp(
                        t,
                        created => Results.Created($"/api/v1/applications/{id}/files/{created}", new CreatedId(created))
                    );
                }
            )
            .DisableAntiforgery()
            .ReturnsCreated(
                "Attach a document under one of the call's attachment keys (PDF, PNG, JPEG, Office; 10 MB)"
            );
        applications
            .MapGet(
                "/files/{fileId:guid}",
                async (Guid id, Guid fileId, ApplicationQueries q, Texts t, HttpContext http, CancellationToken ct) =>
                {
                    if (await q.FileAsync(id, fileId, ct) is not { } file)
                        return ApiResults.NotFound(t);
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    return Results.File(file.Bytes, file.ContentType, file.FileName);
                }
            )
            .ReturnsFile("Download an attached document", "application/pdf", "image/png", "image/jpeg", ApiDocs.Xlsx);
        applications
            .MapPost(
                "/submit",
                async (Guid id, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.SubmitAsync(id, ct)).ToHttp(t, Results.Ok)
            )
            .Returns<SubmissionView>("Submit the application: a new numbered version nobody can change");
        applications
            .MapPost(
                "/withdraw",
                async (Guid id, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.WithdrawAsync(id, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .ReturnsNothing("Withdraw the application (until evaluation starts)");
        applications
            .MapGet(
                "/versions/{number:int}",
                async (Guid id, int number, ApplicationQueries q, Texts t, CancellationToken ct) =>
                    await q.VersionAsync(id, number, ct) is { } version ? Results.Ok(version) : ApiResults.NotFound(t)
            )
            .Returns<VersionView>("Read a submitted version and what changed since the one before");
        applications
            .MapPut(
                "/formal-check",
                async (Guid id, FormalCheckInput input, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.CheckAsync(id, input, ct)).ToHttp(t, status => Results.Ok(new StatusView(status)))
            )
            .Returns<StatusView>("Mark the formal check's items; with decide, decide eligibility (funder admins)");
        applications
            .MapPost(
                "/clarification",
                async (Guid id, ClarificationInput input, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.RequestClarificationAsync(id, input, ct)).ToHttp(t, due => Results.Ok(new DueView(due)))
            )
            .Returns<DueView>("Return the application to the applicant for the named items (funder admins)");
        applications
            .MapPost(
                "/fund",
                async (Guid id, ApplicationService s, Texts t, CancellationToken ct) =>
                    (await s.FundAsync(id, ct)).ToHttp(
                        t,
                        project => Results.Created($"/api/v1/projects/{project}", new CreatedId(project))
                    )
            )
            .ReturnsCreated("Fund an eligible application: it becomes a project with its plan, budget and number");
    }
}

/// <summary>The draft's version after a save.</summary>
public sealed record VersionNumber(int Version);

/// <summary>The application's status after the formal check's marks.</summary>
public sealed record StatusView(ApplicationStatus Status);

/// <summary>The last day to resubmit after a clarification request.</summary>
public sealed record DueView(DateOnly Due);
