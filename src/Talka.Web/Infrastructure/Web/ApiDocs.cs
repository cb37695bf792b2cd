namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// How an endpoint describes itself in the OpenAPI document: a summary and the success it answers. The problems it may
/// answer (400, 401, 403, 404, 409) are added for every endpoint by <see cref="TalkaOpenApi"/>.
/// </summary>
public static class ApiDocs
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder endpoint, string summary,
        int status = StatusCodes.Status200OK) =>
        endpoint.WithSummary(summary).Produces<T>(status);

    public static RouteHandlerBuilder ReturnsCreated(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.WithSummary(summary).Produces<CreatedId>(StatusCodes.Status201Created);

    public static RouteHandlerBuilder ReturnsNothing(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.WithSummary(summary).Produces(StatusCodes.Status204NoContent);

    public static RouteHandlerBuilder ReturnsFile(this RouteHandlerBuilder endpoint, string summary,
        params string[] contentTypes) =>
        endpoint.WithSummary(summary)
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentTypes[0], contentTypes[1..]);
}
