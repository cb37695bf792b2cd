using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.OpenData;

/// <summary>Generates the open-data files from the published projects and stores them (queued by
/// <see cref="OpenDataRefresh"/> after records change).</summary>
public sealed class OpenDataJob(OpenDataFiles files) : IJobHandler
{
    public const string JobKind = "open-data";
    public string Kind => JobKind;

    public Task RunAsync(string payload, CancellationToken ct) => files.RegenerateAsync(ct);
}
