using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

public enum Outcome { Ok, Invalid, NotFound, Forbidden, Conflict }

public sealed record FieldError(string Field, string Message);

/// <summary>What a service answers for an expected failure: pages copy the errors beside the fields, the API maps them to problem details.</summary>
public sealed record Result<T>(Outcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Ok => Outcome == Outcome.Ok;
    public static Result<T> Success(T value) => new(Outcome.Ok, value, []);
    public static Result<T> NotFound() => new(Outcome.NotFound, default, []);
    public static Result<T> Forbidden() => new(Outcome.Forbidden, default, []);
    public static Result<T> Invalid(params FieldError[] errors) => new(Outcome.Invalid, default, errors);
    public static Result<T> Conflict(string message) => new(Outcome.Conflict, default, [new FieldError("", message)]);
    public static Result<T> From(DomainException error, Texts texts) => Invalid(new FieldError(error.Field ?? "", texts.Error(error)));
}
