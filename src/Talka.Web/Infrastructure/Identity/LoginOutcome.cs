using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

public enum LoginOutcome { SignedIn, Failed, TooManyAttempts }
