using Microsoft.Extensions.DependencyInjection;
using Talka.Domain.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Tests;

/// <summary>Builds a project's participant register straight in the database (thousands at once, as an import would
/// leave them), with one summary audit entry instead of one per row.</summary>
public static class TestParticipants
{
    /// <summary>Adds participants numbered <paramref name="prefix"/>-1 … -count, named by <paramref name="name"/>;
    /// returns their ids in number order.</summary>
    public static async Task<IReadOnlyList<Guid>> AddAsync(TalkaFactory factory, Guid projectId, int count, string prefix,
        Func<int, string?>? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditSettings>().SummaryOnly = true;
        var db = scope.ServiceProvider.GetRequiredService<TalkaDbContext>();
        var people = Enumerable.Range(1, count).Select(i => new Participant(projectId,
            new ParticipantDetails($"{prefix}-{i:D5}", name?.Invoke(i), ParticipantCategory.TargetGroupMember, null, null, null, null, null, true),
            null)).ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in people.Chunk(2_000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return people.Select(p => p.Id).ToList();
    }
}
