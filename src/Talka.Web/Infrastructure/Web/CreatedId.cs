namespace Talka.Web.Infrastructure.Web;

/// <summary>The answer to a creation: the new record's id (its address is in the Location header).</summary>
public sealed record CreatedId(Guid Id);
