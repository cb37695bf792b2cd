using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Account;

/// <summary>Looks up an address someone asked a password reset for and, if it has an account that may sign in, sends
/// the link. Run as a job so that the answer to the request takes the same time for every address.</summary>
public sealed class PasswordResetJobHandler(AccountService accounts) : IJobHandler
{
    public const string JobKind = "password-reset";
    public string Kind => JobKind;

    public Task RunAsync(string payload, CancellationToken ct) => accounts.SendResetLinkAsync(payload, ct);
}
