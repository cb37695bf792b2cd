using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>How a sign-in ended. Disabled and RequiresTwoFactor are said only to someone who gave the right
/// password.</summary>
public enum LoginOutcome { SignedIn, Failed, TooManyAttempts, Disabled, RequiresTwoFactor }
