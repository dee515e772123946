using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Status;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>What an auditor narrows the trail to; days are Vietnamese calendar days, both ends included.</summary>
public sealed record AuditFilter(
    string? UserId = null, int? UnitId = null, int? ItemId = null, int? PeriodId = null,
    DateOnly? From = null, DateOnly? To = null, AuditCategory? Category = null);

public sealed record AuditRow(
    long Id, DateTime At, string? UserId, string UserName, AuditCategory Category, string Action, string? EntityType, string? EntityKey,
    string? ItemCode, string? UnitName, string? PeriodLabel, string? Before, string? After, string? Reason, string? ClientAddress, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Auditors browse, filter and export the trail.</summary>
public sealed class AuditTrailService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<AuditPage> SearchAsync(Actor actor, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "nhật ký thay đổi", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(db, query.OrderByDescending(e => e.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    /// <summary>The people who appear in the trail, for the filter.</summary>
    public async Task<IReadOnlyList<(string UserId, string UserName)>> PeopleAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "nhật ký thay đổi", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.AuditEntries.AsNoTracking().Where(e => e.UserId != null)
            .GroupBy(e => e.UserId!).Select(g => new { g.Key, Name = g.Max(e => e.UserName) })
            .OrderBy(p => p.Name).ToListAsync(ct);
        return [.. people.Select(p => (p.Key, p.Name ?? p.Key))];
    }

    /// <summary>The items the trail can be filtered by, in code order: names only, no status is worked out for a filter list.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Title)>> ItemsAsync(Actor actor, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "nhật ký thay đổi", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.WorkItems.AsNoTracking().Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(ct);
        return [.. items.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i.Id, i.Code, i.Title))];
    }

    /// <summary>Every row the filter keeps, oldest first, streamed (the trail can be long).</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(Actor actor, AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "xuất nhật ký thay đổi", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var row in Project(db, Filtered(db, filter).OrderBy(e => e.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static IQueryable<AuditEntry> Filtered(TrackerDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.UserId is { Length: > 0 } user)
        {
            query = query.Where(e => e.UserId == user);
        }
        if (filter.UnitId is { } unit)
        {
            // A unit's rows: those about the unit itself, and those about any item it has led.
            var items = db.Assignments.Where(a => a.OrgUnitId == unit).Select(a => (int?)a.WorkItemId);
            query = query.Where(e => e.UnitId == unit || items.Contains(e.ItemId));
        }
        if (filter.ItemId is { } item)
        {
            query = query.Where(e => e.ItemId == item);
        }
        if (filter.PeriodId is { } period)
        {
            query = query.Where(e => e.PeriodId == period);
        }
        if (filter.From is { } from)
        {
            var start = ItemFactsQuery.EndOfDayUtc(from.AddDays(-1));
            query = query.Where(e => e.At > start);
        }
        if (filter.To is { } to)
        {
            var end = ItemFactsQuery.EndOfDayUtc(to);
            query = query.Where(e => e.At <= end);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(e => e.Category == category);
        }
        return query;
    }

    private static IQueryable<AuditRow> Project(TrackerDbContext db, IQueryable<AuditEntry> query) =>
        from e in query
        join i in db.WorkItems on e.ItemId equals i.Id into items
        from i in items.DefaultIfEmpty()
        join u in db.OrgUnits on e.UnitId equals u.Id into units
        from u in units.DefaultIfEmpty()
        join p in db.Periods on e.PeriodId equals p.Id into periods
        from p in periods.DefaultIfEmpty()
        select new AuditRow(e.Id, e.At, e.UserId, e.UserName, e.Category, e.Action, e.EntityType, e.EntityKey,
            i == null ? null : i.Code, u == null ? null : u.Name, p == null ? null : p.Label,
            e.Before, e.After, e.Reason, e.ClientAddress, e.Hash);
}
