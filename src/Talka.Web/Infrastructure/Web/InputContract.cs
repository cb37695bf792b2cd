using System.Collections;
using System.Reflection;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>
/// The part of the API's input contract that JSON reading cannot check: a property the type says is never null must be
/// there, and no element of a list may be null unless its type says so (<c>"lines":[null]</c>, <c>[null]</c> as
/// attendance, <c>"objectives":[null]</c>). Null properties, unknown
/// properties and integer enums are refused while reading (see <see cref="BadRequestHandler"/>). A refusal is a
/// validation
/// problem naming each field, and the handler never runs, so nothing is saved.
/// </summary>
public static class InputContract
{
    public static TBuilder RequireInputContract<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            // NullabilityInfoContext is not thread-safe: one per use.
            var checks = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Index: i, Info: new NullabilityInfoContext().Create(p)))
                .Where(p => NeedsCheck(p.Info.Type)).ToList();
            if (checks.Count == 0) return next;
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                var texts = context.HttpContext.RequestServices.GetRequiredService<Texts>();
                foreach (var check in checks)
                {
                    if (check.Index < context.Arguments.Count)
                        Walk(context.Arguments[check.Index], check.Info, "", errors, texts, 0);
                }
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: texts["Api.ValidationTitle"]);
                return await next(context);
            };
        });

    /// <summary>Request bodies: Talka's *Input records (services and queries in the parameter list are never
    /// walked).</summary>
    private static bool NeedsCheck(Type type) =>
        type.Namespace?.StartsWith("Talka.", StringComparison.Ordinal) == true && type.Name.EndsWith("Input", StringComparison.Ordinal);

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static void Walk(object? value, NullabilityInfo info, string path, Dictionary<string, string[]> errors, Texts texts, int depth)
    {
        if (value is null || depth > 8) return;
        var type = value.GetType();
        if (IsCollection(type))
        {
            var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
            var index = 0;
            foreach (var item in (IEnumerable)value)
            {
                var at = $"{path}[{index}]";
                if (item is null)
                {
                    if (element is null || element.ReadState != NullabilityState.Nullable) errors[at] = [texts["Error.Required"]];
                }
                else if (element is not null)
                {
                    Walk(item, element, at, errors, texts, depth + 1);
                }
                index++;
            }
            return;
        }
        if (type.Namespace?.StartsWith("Talka.", StringComparison.Ordinal) != true || type.IsEnum) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            var propertyType = property.PropertyType;
            if (!IsCollection(propertyType) && propertyType.Namespace?.StartsWith("Talka.", StringComparison.Ordinal) != true
                && propertyType != typeof(string)) continue;
            // Field names as the domain's own errors name them (C# member names, "Lines[0].Category").
            var name = property.Name;
            var at = path.Length == 0 ? name : $"{path}.{name}";
            var nullability = new NullabilityInfoContext().Create(property);
            var child = property.GetValue(value);
            // A property the type says is never null, left out of the body: {"version":0} alone is no attendance list.
            if (child is null && !propertyType.IsValueType && nullability.ReadState == NullabilityState.NotNull)
            {
                errors[at] = [texts["Error.Required"]];
                continue;
            }
            Walk(child, nullability, at, errors, texts, depth + 1);
        }
    }
}
