using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Registration;

public static class RegistrationApi
{
    public static void MapRegistrationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/registration-requests").WithTags("Accounts");
        group
            .MapPost(
                "/",
                async (RegistrationInput input, RegistrationService s, Texts t, CancellationToken ct) =>
                    (await s.RequestAsync(input, ct)).ToHttp(
                        t,
                        id => Results.Created($"/api/v1/registration-requests/{id}", new CreatedId(id))
                    )
            )
            .AllowAnonymous()
            .ReturnsCreated("Ask for an NGO to be registered in Talka (no account needed)");
        group
            .MapGet(
                "/",
                async (int? page, RegistrationService s, Texts t, CancellationToken ct) =>
                    await s.PendingAsync(page ?? 1, ct) is { } result ? Results.Ok(result) : ApiResults.Forbidden(t)
            )
            .RequireAuthorization()
            .Returns<Page<RegistrationRow>>("The pending registration requests (funder admins)");
        group
            .MapPost(
                "/{id:guid}/approve",
                async (Guid id, RegistrationService s, Texts t, CancellationToken ct) =>
                    (await s.ApproveAsync(id, ct)).ToHttp(t, organisation => Results.Ok(new CreatedId(organisation)))
            )
            .RequireAuthorization()
            .Returns<CreatedId>("Approve: the organisation is registered and its contact person invited as manager");
        group
            .MapPost(
                "/{id:guid}/reject",
                async (Guid id, RegistrationService s, Texts t, CancellationToken ct) =>
                    (await s.RejectAsync(id, ct)).ToHttp(t, _ => Results.NoContent())
            )
            .RequireAuthorization()
            .ReturnsNothing("Reject a registration request");
    }
}
