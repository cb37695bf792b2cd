using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Projects;

/// <summary>What a published project's headline figures are made from: its plan (the targets) and its public
/// results.</summary>
public sealed record PublicHeadline(ProjectView Project, PublicResults Results);
