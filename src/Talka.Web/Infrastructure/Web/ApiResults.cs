using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>Maps a service's result to RFC 9457 problem details.</summary>
public static class ApiResults
{
    public static IResult ToHttp<T>(this Result<T> result, Texts texts, Func<T, IResult> ok) => result.Outcome switch
    {
        Outcome.Ok => ok(result.Value!),
        Outcome.Invalid => TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: texts["Api.ValidationTitle"]),
        Outcome.NotFound => NotFound(texts),
        Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["Status.403.Title"]),
        Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: texts["Api.ConflictTitle"],
            detail: string.Join(" ", result.Errors.Select(e => e.Message))),
        _ => throw new InvalidOperationException(result.Outcome.ToString()),
    };

    /// <summary>A validation problem for one field.</summary>
    public static IResult Invalid(Texts texts, string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: texts["Api.ValidationTitle"]);

    /// <summary>Null for no year or a plausible one; otherwise the problem to answer.</summary>
    public static IResult? YearRefusal(Texts texts, int? year) =>
        year is { } y && !Talka.Domain.Common.Years.IsPlausible(y)
            ? Invalid(texts, "year", texts["Error.YearRange", $"{Talka.Domain.Common.Years.First}", $"{Talka.Domain.Common.Years.Last}"])
            : null;

    public static IResult NotFound(Texts texts) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: texts["Status.404.Title"]);

    public static IResult Forbidden(Texts texts) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["Status.403.Title"]);
}
