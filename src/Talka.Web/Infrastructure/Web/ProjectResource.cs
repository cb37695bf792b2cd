using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>What the answer depends on: whose project it is and whether it is published.</summary>
public sealed record ProjectResource(Guid OrganisationId, bool IsPublished);
