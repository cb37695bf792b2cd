using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <summary>The delivery records a save changes (participants, events, attendance, volunteers and their hours,
/// deliverables), gathered entry by entry, and the projects they belong to: what a project's figures and its public
/// page are made of, and nothing else's.</summary>
public sealed class DeliveryChanges
{
    private readonly HashSet<Guid> _projects = [];
    private readonly HashSet<Guid> _events = [];
    private readonly HashSet<Guid> _volunteers = [];

    public bool IsEmpty => _projects.Count == 0 && _events.Count == 0 && _volunteers.Count == 0;

    /// <summary>Whether the entity is a delivery record (one <see cref="Add"/> notes).</summary>
    public static bool Holds(object entity) =>
        entity is Participant or Event or Volunteer or Deliverable or Attendance or VolunteerHours;

    /// <summary>Notes a changed record; false if it is not a delivery record.</summary>
    public bool Add(object entity)
    {
        switch (entity)
        {
            case Participant p: _projects.Add(p.ProjectId); return true;
            case Event e: _projects.Add(e.ProjectId); return true;
            case Volunteer v: _projects.Add(v.ProjectId); return true;
            case Deliverable d: _projects.Add(d.ProjectId); return true;
            case Attendance a: _events.Add(a.EventId); return true;
            case VolunteerHours h: _volunteers.Add(h.VolunteerId); return true;
            default: return false;
        }
    }

    public void Clear()
    {
        _projects.Clear();
        _events.Clear();
        _volunteers.Clear();
    }

    /// <summary>The projects of the records noted (attendance by its event's, hours by their volunteer's).</summary>
    public async Task<HashSet<Guid>> ProjectsAsync(TalkaDbContext db, CancellationToken ct)
    {
        var projects = new HashSet<Guid>(_projects);
        if (_events.Count > 0)
        {
            var events = _events.ToList();
            projects.UnionWith(await db.Set<Event>().Where(e => events.Contains(e.Id)).Select(e => e.ProjectId)
                .Distinct().ToListAsync(ct));
        }
        if (_volunteers.Count > 0)
        {
            var volunteers = _volunteers.ToList();
            projects.UnionWith(await db.Set<Volunteer>().Where(v => volunteers.Contains(v.Id)).Select(v => v.ProjectId)
                .Distinct().ToListAsync(ct));
        }
        return projects;
    }
}
