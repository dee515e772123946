using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Features.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>What a roadmap shows: the day (or closed period), the filter, the grouping, and a day to compare with.</summary>
public sealed record RoadmapRequest(FactsRequest Facts, ItemFilter Filter, RoadmapGrouping GroupBy = RoadmapGrouping.Breakthrough, FactsRequest? CompareTo = null);

/// <summary>
/// The roadmap over the one read model (<see cref="ProgramFactsStore"/>), so its rows and statuses are the
/// overview's; the deadlines and milestones it adds are read in a fixed number of queries and cached per program, day
/// and change of its structure (<see cref="ProgramFacts.StructureStamp"/>).
/// </summary>
public sealed class RoadmapService(ProgramFactsStore store, IDbContextFactory<TrackerDbContext> dbFactory) : IDisposable
{
    private readonly MemoryCache _schedules = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    private sealed record Key(int ProgramId, DateOnly Day, long Stamp);

    /// <summary>The roadmap asked for; null when the program, the period or the day compared with does not exist.</summary>
    public async Task<ProgramRoadmap?> GetAsync(RoadmapRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.GetAsync(request.Facts, ct) is not { } facts)
        {
            return null;
        }
        ProgramFacts? earlier = null;
        if (request.CompareTo is { } compare)
        {
            earlier = await store.GetAsync(compare with { ProgramId = facts.Program.Id }, ct);
            if (earlier is null)
            {
                return null;
            }
            if (earlier.AsOf > facts.AsOf)
            {
                (earlier, facts) = (facts, earlier);
            }
        }
        var schedules = await SchedulesAsync(facts, ct);
        return RoadmapBuilder.Build(facts, schedules, request.Filter, request.GroupBy, earlier);
    }

    // Deadlines and milestones change with the program's structure, not with its reports: keyed by the facts' structure
    // stamp, they stay cached while reports come in, and a visit reads nothing more than the facts do.
    private async Task<IReadOnlyDictionary<int, ItemSchedule>> SchedulesAsync(ProgramFacts facts, CancellationToken ct)
    {
        var key = new Key(facts.Program.Id, facts.AsOf, facts.StructureStamp);
        if (_schedules.TryGetValue(key, out IReadOnlyDictionary<int, ItemSchedule>? cached))
        {
            return cached!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedules = await ScheduleLoader.LoadAsync(db, facts.Program.Id, facts.AsOf, ct);
        _schedules.Set(key, schedules, new MemoryCacheEntryOptions { Size = schedules.Count + 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return schedules;
    }

    public void Dispose() => _schedules.Dispose();
}
