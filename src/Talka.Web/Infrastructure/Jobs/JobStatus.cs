namespace Talka.Web.Infrastructure.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}
