namespace Talka.Web.Features.Home;

public sealed record ProgrammeLink(Guid Id, string Title);
