using Microsoft.AspNetCore.Authorization;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Web;

/// <summary>A question about a project: may the user do this operation?</summary>
public sealed record ProjectRequirement(ProjectOperation Operation) : IAuthorizationRequirement;
