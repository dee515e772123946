using HauGiang.Tracker.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>A page of a drill-down list and how many items the whole list holds.</summary>
public sealed record ItemPage(ProgramFacts Facts, int Total, IReadOnlyList<FactItem> Items);

/// <summary>
/// The leaders' read side over the one read model (<see cref="ProgramFactsStore"/>): the overview, the units'
/// table, the list behind every number, two days compared and the trend. Nothing here computes a status.
/// </summary>
public sealed class OverviewService(ProgramFactsStore store, IDbContextFactory<TrackerDbContext> dbFactory) : IDisposable
{
    private readonly MemoryCache _trends = new(new MemoryCacheOptions { SizeLimit = 64 });

    public Task<IReadOnlyList<ProgramRef>> ProgramsAsync(CancellationToken ct = default) => store.ProgramsAsync(ct);

    public Task<IReadOnlyList<PeriodRef>> ClosedPeriodsAsync(int programId, CancellationToken ct = default) => store.ClosedPeriodsAsync(programId, ct);

    public async Task<ProgramOverview?> OverviewAsync(FactsRequest request, ItemFilter scope, CancellationToken ct = default) =>
        await store.GetAsync(request, ct) is { } facts ? ProgramOverview.Of(facts, scope) : null;

    public async Task<(ProgramFacts Facts, IReadOnlyList<UnitRow> Rows)?> UnitsAsync(FactsRequest request, ItemFilter scope, CancellationToken ct = default) =>
        await store.GetAsync(request, ct) is { } facts ? (facts, UnitTable.Of(facts, scope)) : null;

    /// <summary>The items behind a number, in the program's order, a page at a time.</summary>
    public async Task<ItemPage?> ListAsync(FactsRequest request, ItemFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (await store.GetAsync(request, ct) is not { } facts)
        {
            return null;
        }
        var all = filter.Apply(facts).ToList();
        return new ItemPage(facts, all.Count, [.. all.Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500))]);
    }

    /// <summary>Two days (or closed periods) of the same program side by side; null when either is missing.</summary>
    public async Task<Comparison?> CompareAsync(FactsRequest before, FactsRequest after, ItemFilter scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = await store.GetAsync(before, ct);
        var b = a is null ? null : await store.GetAsync(after with { ProgramId = a.Program.Id }, ct);
        if (a is null || b is null)
        {
            return null;
        }
        return b.AsOf < a.AsOf ? Comparison.Of(b, a, scope) : Comparison.Of(a, b, scope);
    }

    /// <summary>
    /// Progress and counts per closed quarter, from the frozen snapshots: computed once per change of the program's
    /// structure (<see cref="ProgramFacts.StructureStamp"/> of today's facts), not again after each report.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(int programId, CancellationToken ct = default)
    {
        if (await store.GetAsync(new FactsRequest(programId), ct) is not { } today)
        {
            return [];
        }
        var key = (programId, today.StructureStamp);
        if (_trends.TryGetValue(key, out IReadOnlyList<TrendPoint>? cached))
        {
            return cached!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trend = await FactsLoader.TrendAsync(db, programId, ct);
        _trends.Set(key, trend, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return trend;
    }

    public void Dispose() => _trends.Dispose();
}
