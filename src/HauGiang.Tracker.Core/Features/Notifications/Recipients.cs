using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>A person who can be told something: enabled, with the address the digests go to.</summary>
public sealed record Recipient(string UserId, string FullName, string? Email);

/// <summary>Who is told: the staff of a unit, the leaders, one person. Disabled accounts are told nothing.</summary>
internal sealed class Recipients
{
    private readonly ILookup<int, Recipient> _staffByUnit;
    private readonly Dictionary<string, Recipient> _people;

    private Recipients(Dictionary<string, Recipient> people, ILookup<int, Recipient> staffByUnit, IReadOnlyList<Recipient> leaders)
    {
        _people = people;
        _staffByUnit = staffByUnit;
        Leaders = leaders;
    }

    public IReadOnlyList<Recipient> Leaders { get; }

    /// <summary>Every unit staff member once, whatever the number of their units.</summary>
    public IEnumerable<Recipient> AllStaff => _staffByUnit.SelectMany(g => g).DistinctBy(p => p.UserId).OrderBy(p => p.UserId, StringComparer.Ordinal);

    public IEnumerable<Recipient> StaffOf(int? unitId) => unitId is { } id ? _staffByUnit[id] : [];

    public Recipient? Find(string? userId) => userId is not null && _people.TryGetValue(userId, out var person) ? person : null;

    public static async Task<Recipients> LoadAsync(TrackerDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.FullName, u.Email)).ToDictionaryAsync(u => u.UserId, ct);
        var roles = await db.Set<IdentityUserRole<string>>().AsNoTracking()
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.UnitStaff || x.Name == Roles.Leader).ToListAsync(ct);
        var staff = roles.Where(r => r.Name == Roles.UnitStaff).Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        var units = await db.UserUnits.AsNoTracking().OrderBy(u => u.UserId).Select(u => new { u.UserId, u.OrgUnitId }).ToListAsync(ct);
        var staffByUnit = units.Where(u => staff.Contains(u.UserId) && people.ContainsKey(u.UserId)).ToLookup(u => u.OrgUnitId, u => people[u.UserId]);
        var leaders = roles.Where(r => r.Name == Roles.Leader && people.ContainsKey(r.UserId)).Select(r => people[r.UserId])
            .DistinctBy(p => p.UserId).OrderBy(p => p.UserId, StringComparer.Ordinal).ToList();
        return new Recipients(people, staffByUnit, leaders);
    }
}
