using System.Collections.Concurrent;
using System.Text.Json;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>
/// Serves <see cref="ProgramFacts"/> to every page and export, computed once per change of the program's data and
/// shared by all circuits: an entry is keyed by the program, the day, the closed period and the program's change
/// stamp (<see cref="ChangeStampAsync"/>), read from the audit trail, which every change to tracked data writes in
/// its own transaction. A visit then costs one index lookup while nothing changed; a change in the program, or one
/// that may concern every program (a unit, an account, the program's text), makes its next read compute afresh
/// (on any app instance, since the key is read from the database), while a change in another program does not.
/// When the changes since the cached entry are only to reports (the bulk of all writes), the next read brings the entry
/// up to date by reading those items' reports again (<see cref="RefreshAsync"/>) instead of loading the program whole.
/// After other changes (a deadline, a lead unit, an item) and on a new day, the program is loaded whole but the entry's
/// fold of the reports is reused, those items' reports only folded again (<see cref="ReusableFold"/>), and a new process
/// starts today's view from the fold the notifier keeps in the database (<see cref="KeepFoldsAsync"/>): only a change to
/// a reporting period, or a view with nothing cached or kept, reads every report.
/// </summary>
/// <remarks>
/// With a read-only copy configured (<see cref="ReadOnlyDatabase"/>), the facts are computed there when the copy has
/// replayed the program's change stamp read on the primary, else on the primary: a person who just saved sees the save
/// (the stamp is read where it was written), and nothing cached is older than its key.
/// </remarks>
public sealed class ProgramFactsStore(IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock, ReadOnlyDatabase? replica = null,
    ILogger<ProgramFactsStore>? logger = null) : IDisposable
{
    // Sized by items held, so one program of 5,000 items and a hundred small ones fit alike.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    private sealed record Key(int ProgramId, DateOnly Day, DateOnly Today, int? PeriodId, long Stamp);

    /// <summary>A cached entry: the facts, and what they were built from (<see cref="FactsParts"/>).</summary>
    private sealed record Entry(ProgramFacts Facts, FactsParts Parts);

    private readonly ConcurrentDictionary<Key, Lazy<Task<ProgramFacts?>>> _loading = new();

    // The newest key computed for each program, day and period (its stamp zeroed): the entry the next changes are applied
    // to. An older one is dropped from the cache, since no visit asks for a stamp that has moved on.
    private readonly Dictionary<Key, Key> _newest = [];
    private readonly Lock _newestLock = new();
    private DateOnly _newestToday;

    /// <summary>How many computations brought cached facts up to date instead of loading them whole (for tests and benchmarks).</summary>
    public int Refreshes => _refreshes;

    /// <summary>How many whole loads reused a cached fold of the reports (for tests and benchmarks).</summary>
    public int FoldsReused => _foldsReused;

    private int _refreshes;
    private int _foldsReused;

    public async Task<IReadOnlyList<ProgramRef>> ProgramsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(AsRef).ToListAsync(ct);
    }

    /// <summary>The closed periods of a program, latest first: the days a view can be frozen at.</summary>
    public async Task<IReadOnlyList<PeriodRef>> ClosedPeriodsAsync(int programId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FactsLoader.Periods(db, programId).Where(p => p.State == PeriodState.Closed)
            .OrderByDescending(p => p.EndsOn).ThenBy(p => p.Kind).Select(FactsLoader.AsRef).ToListAsync(ct);
    }

    /// <summary>
    /// The facts asked for; null when the program does not exist or the period is not one of its closed ones.
    /// A day after today is read as today; a day before the program was issued as its issue day.
    /// </summary>
    public async Task<ProgramFacts?> GetAsync(FactsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProgramAndStampAsync(db, request.ProgramId, ct) is not { } found)
        {
            return null;
        }
        var program = new ProgramRef(found.Id, found.Code, found.Title, found.IssuedOn, found.TermStartYear, found.TermEndYear);
        PeriodRef? closed = null;
        if (request.PeriodId is { } periodId)
        {
            closed = await FactsLoader.Periods(db, program.Id).Where(p => p.Id == periodId && p.State == PeriodState.Closed)
                .Select(FactsLoader.AsRef).FirstOrDefaultAsync(ct);
            if (closed is null)
            {
                return null;
            }
        }
        var today = VietnamClock.Today(clock);
        var day = request.AsOf is { } asOf ? (asOf > today ? today : asOf < program.IssuedOn ? program.IssuedOn : asOf) : today;
        var key = new Key(program.Id, closed is null ? day : FactsLoader.ClosedDay(closed), today, closed?.Id, found.Stamp);
        if (_cache.TryGetValue(key, out Entry? cached))
        {
            return cached!.Facts;
        }
        // Visits that miss the same key at once wait for one computation: after a change, every open page of the program
        // asks at about the same moment, and each computing the facts alone multiplied the work by their number.
        var load = _loading.GetOrAdd(key, k => new Lazy<Task<ProgramFacts?>>(() => LoadAndKeepAsync(k, program, today, day, closed)));
        return await load.Value.WaitAsync(ct);
    }

    // Not cancelled with the visit that started it, since others may be waiting for it; it takes a fraction of a second.
    private async Task<ProgramFacts?> LoadAndKeepAsync(Key key, ProgramRef program, DateOnly today, DateOnly day, PeriodRef? closed)
    {
        try
        {
            var since = await SinceAsync(key, CancellationToken.None);
            var (facts, parts) = since is { } s && await RefreshAsync(s, CancellationToken.None) is { } refreshed ? refreshed : await LoadWholeAsync();
            Keep(key, new Entry(facts, parts));
            return facts;

            async Task<(ProgramFacts, FactsParts)> LoadWholeAsync()
            {
                var known = since is { } t ? ReusableFold(t) : closed is null && day == today ? await KeptFoldAsync(key, CancellationToken.None) : null;
                var (whole, parts) = await LoadOnCopyAsync(program, today, day, closed, key.Stamp, known, CancellationToken.None) is { } copied ? copied
                    : await FactsLoader.LoadWithPartsAsync(dbFactory.CreateDbContext, program, today, day, closed, CancellationToken.None, known);
                if (known is not null && parts.Rows is TreeParts tree && tree.CurrentPeriodId == known.CurrentPeriodId)
                {
                    Interlocked.Increment(ref _foldsReused);
                }
                // Loaded whole at this key: the structure stamp moves to it.
                return (whole with { StructureStamp = key.Stamp }, parts);
            }
        }
        finally
        {
            // Kept or failed, the next visit asks the cache (or tries again) rather than this computation.
            _loading.TryRemove(key, out _);
        }
    }

    private void Keep(Key key, Entry entry)
    {
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Facts.Items.Count + 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        var line = key with { Stamp = 0 };
        lock (_newestLock)
        {
            if (_newest.GetValueOrDefault(line) is { } known && known != key)
            {
                // A slower computation of an older stamp is not kept; a newer one replaces the older entry.
                _cache.Remove(known.Stamp > key.Stamp ? key : known);
                if (known.Stamp > key.Stamp)
                {
                    return;
                }
            }
            _newest[line] = key;
            if (key.Today > _newestToday)
            {
                // A new day: the lines of the days before yesterday are never asked for again (yesterday's are the first
                // loads of today's start from: see SinceAsync).
                foreach (var old in _newest.Keys.Where(k => k.Today < key.Today.AddDays(-1)).ToList())
                {
                    _newest.Remove(old);
                }
                _newestToday = key.Today;
            }
        }
    }

    // Audit rows of these kinds, naming an item of the program, change only that item's reports and its units' activity.
    private static readonly string[] ReportKinds = [nameof(ProgressReport), nameof(Evidence), nameof(ReviewEvent), nameof(ExplanationRequest)];

    // Past this many changes since the cached entry, loading whole is about as quick as refolding them one by one.
    private const int MostChangesRefreshed = 100;

    /// <summary>
    /// The newest cached entry that <paramref name="key"/> can start from, with the changes written since its stamp: the
    /// entry of the same program, day and period, else (a new day) yesterday's entry of the same program and view, since
    /// nothing cached is of the new day yet. Null when there is none, or more than <see cref="MostChangesRefreshed"/>
    /// changes since (loading whole is then about as quick).
    /// </summary>
    private async Task<Since?> SinceAsync(Key key, CancellationToken ct)
    {
        var line = key with { Stamp = 0 };
        var yesterday = key.Today.AddDays(-1);
        Key? previous;
        lock (_newestLock)
        {
            previous = _newest.GetValueOrDefault(line)
                       ?? (key.PeriodId is null ? _newest.GetValueOrDefault(line with { Today = yesterday, Day = key.Day == key.Today ? yesterday : key.Day }) : null);
        }
        if (previous is null || previous.Stamp > key.Stamp || previous == key || !_cache.TryGetValue(previous, out Entry? entry))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = previous.Stamp == key.Stamp ? [] : await ChangesAsync(db, key.ProgramId, previous.Stamp, key.Stamp, ct);
        return changes.Count > MostChangesRefreshed ? null : new Since(entry!, changes, SameLine: previous.Day == key.Day && previous.Today == key.Today);
    }

    /// <summary>A cached entry a computation starts from, and the changes written since it.</summary>
    private readonly record struct Since(Entry Entry, List<Change> Changes, bool SameLine);

    /// <summary>
    /// The facts brought up to date from the newest cached entry of the same program, day and period (today's, a past
    /// day's or a closed period's), when every change since that entry's stamp is to some reports of the program (saved,
    /// submitted, reviewed, corrected, evidence added, an explanation asked or answered): only those items' reports are
    /// read again, with the entry's day and cutoff, in a few commands on the primary, instead of the ~19,000 reports of a
    /// program at scale L. Null when another kind of change happened (a deadline, a lead, an item, a period, a snapshot,
    /// an indicator, anything naming no program: a unit, evidence deleted) or the entry is of another day: the facts are
    /// then loaded whole, reusing the entry's fold of the reports when <see cref="ReusableFold"/> allows.
    /// </summary>
    private async Task<(ProgramFacts, FactsParts)?> RefreshAsync(Since since, CancellationToken ct)
    {
        var (entry, changes, sameLine) = since;
        if (!sameLine || changes.Any(c => c.ProgramId is null || !ReportKinds.Contains(c.EntityType) || c.ItemId is null || c.Moved))
        {
            return null;
        }
        var items = changes.Select(c => c.ItemId!.Value).Distinct().ToList();
        var units = changes.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var (facts, parts) = await FactsLoader.RefreshAsync(dbFactory.CreateDbContext, entry.Parts, items, units, ct);
        Interlocked.Increment(ref _refreshes);
        return (facts with { StructureStamp = entry.Facts.StructureStamp }, parts);
    }

    /// <summary>
    /// The entry's fold of the reports (one row per item, ~19,000 reports read at scale L: the longest part of a whole
    /// load), for a whole load after changes that leave it true but for the items whose reports they name: a deadline,
    /// a lead unit, an item's fields, a unit, a document's stage, evidence, an explanation, or a new day. A change to a
    /// reporting period (whose end orders the reports, and which decides the current one) or to a report of an unknown
    /// or moved item rules it out, as does a closed period's view (read from its snapshots, not folded). The current
    /// period is checked where the load finds it.
    /// </summary>
    private static KnownSummaries? ReusableFold(Since since) =>
        since.Entry.Parts.Rows is TreeParts tree && FoldSurvives(since.Changes) ? tree.Reusable(ReportedItems(since.Changes)) : null;

    // Whether a fold stays true after these changes but for the items whose reports they name (see ReusableFold).
    private static bool FoldSurvives(List<Change> changes) =>
        !changes.Any(c => c.EntityType is null or nameof(ReportingPeriod) || c.Moved || (c.EntityType == nameof(ProgressReport) && c.ItemId is null));

    private static List<int> ReportedItems(List<Change> changes) =>
        [.. changes.Where(c => c.EntityType == nameof(ProgressReport)).Select(c => c.ItemId!.Value).Distinct()];

    /// <summary>
    /// Keeps in the database the fold of today's reports of every program whose today's facts are cached here, where the
    /// kept one is older: a new process (a restart, another instance) then starts its first load of each program from it
    /// (<see cref="KeptFoldAsync"/>) instead of reading every report. Called by the notifier after it has read every
    /// program, never by a page: reading a page writes nothing. The table is a cache, not tracked data (no audit row;
    /// nothing is lost if it is emptied). Returns how many programs' folds were written.
    /// </summary>
    public async Task<int> KeepFoldsAsync(CancellationToken ct = default)
    {
        List<Key> todays;
        lock (_newestLock)
        {
            todays = [.. _newest.Values.Where(k => k.PeriodId is null && k.Day == k.Today && k.Today == _newestToday)];
        }
        var kept = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var key in todays)
        {
            if (_keptHere.GetValueOrDefault(key.ProgramId) == (key.Day, key.Stamp)
                || !_cache.TryGetValue(key, out Entry? entry) || entry!.Parts.Rows is not TreeParts { Needed: null } tree)
            {
                continue;
            }
            var summaries = JsonSerializer.Serialize(tree.Summaries.Values);
            kept += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO read_model_folds AS f (program_id, day, current_period_id, stamp, summaries, kept_at)
                VALUES ({key.ProgramId}, {key.Day}, {tree.CurrentPeriodId}, {key.Stamp}, {summaries}::jsonb, {clock.GetUtcNow()})
                ON CONFLICT (program_id) DO UPDATE
                   SET day = excluded.day, current_period_id = excluded.current_period_id, stamp = excluded.stamp,
                       summaries = excluded.summaries, kept_at = excluded.kept_at
                 WHERE f.stamp < excluded.stamp OR (f.stamp = excluded.stamp AND f.day < excluded.day)
                """, ct);
            _keptHere[key.ProgramId] = (key.Day, key.Stamp);
        }
        return kept;
    }

    // What this instance last offered to keep for each program, so an unchanged program is not written again each minute.
    private readonly ConcurrentDictionary<int, (DateOnly Day, long Stamp)> _keptHere = new();

    private sealed record KeptFold(DateOnly Day, int? CurrentPeriodId, long Stamp, string Summaries);

    /// <summary>
    /// The fold the notifier kept for the program (<see cref="KeepFoldsAsync"/>), for today's whole load when nothing is
    /// cached here: true at its stamp and day, so, as with yesterday's entry, it holds today but for the items whose
    /// reports the audit trail names since; null under the same rules as <see cref="ReusableFold"/>, or when none is
    /// kept, it is newer than the visit's stamp, or of a later day.
    /// </summary>
    private async Task<KnownSummaries?> KeptFoldAsync(Key key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kept = (await db.Database.SqlQuery<KeptFold>($"""
            SELECT day, current_period_id, stamp, summaries::text AS summaries FROM read_model_folds WHERE program_id = {key.ProgramId}
            """).ToListAsync(ct)).SingleOrDefault();
        if (kept is null || kept.Stamp > key.Stamp || kept.Day > key.Day)
        {
            return null;
        }
        var changes = kept.Stamp == key.Stamp ? [] : await ChangesAsync(db, key.ProgramId, kept.Stamp, key.Stamp, ct);
        if (changes.Count > MostChangesRefreshed || !FoldSurvives(changes))
        {
            return null;
        }
        var summaries = JsonSerializer.Deserialize<List<ReportSummary>>(kept.Summaries) ?? [];
        return new KnownSummaries(kept.CurrentPeriodId, summaries.ToDictionary(s => s.ItemId), ReportedItems(changes));
    }

    private sealed record Change(string? EntityType, int? ProgramId, int? ItemId, int? UnitId, bool Moved);

    /// <summary>
    /// The changes that concern the program after <paramref name="after"/> up to <paramref name="upTo"/> (at most one more
    /// than <see cref="MostChangesRefreshed"/>), each with the item and unit of the report it touched: evidence and review
    /// events name neither themselves. <c>Moved</c>: an update that moved a report, a piece of evidence or an
    /// explanation to another item, unit or report (or an item to another program), whose old place the row does not name.
    /// </summary>
    private static async Task<List<Change>> ChangesAsync(TrackerDbContext db, int programId, long after, long upTo, CancellationToken ct) =>
        await db.Database.SqlQuery<Change>($$"""
            SELECT a.entity_type, a.program_id, coalesce(a.item_id, r.work_item_id) AS item_id, coalesce(a.unit_id, r.reporting_unit_id) AS unit_id,
                   (a.action = 'update' AND a.before IS NOT NULL
                    AND a.before::jsonb ?| array['WorkItemId', 'ReportingUnitId', 'UnitId', 'ReportId', 'ProgramId']) AS moved
              FROM audit_entries a
              LEFT JOIN evidence e ON e.id = CASE WHEN a.entity_type = 'Evidence' AND a.entity_key ~ '^[0-9]{1,9}$' THEN a.entity_key::integer END
              LEFT JOIN review_events v ON v.id = CASE WHEN a.entity_type = 'ReviewEvent' AND a.entity_key ~ '^[0-9]{1,18}$' THEN a.entity_key::bigint END
              LEFT JOIN progress_reports r ON r.id = coalesce(e.report_id, v.report_id)
             WHERE a.category = 'Data' AND a.id > {{after}} AND a.id <= {{upTo}} AND (a.program_id = {{programId}} OR a.program_id IS NULL)
             ORDER BY a.id
             LIMIT {{MostChangesRefreshed + 1}}
            """).ToListAsync(ct);

    /// <summary>
    /// The facts computed on the read-only copy, when one is configured and has replayed the program up to
    /// <paramref name="stamp"/>; null sends the read to the primary (not configured, lagging, or out of reach).
    /// </summary>
    private async Task<(ProgramFacts, FactsParts)?> LoadOnCopyAsync(
        ProgramRef program, DateOnly today, DateOnly day, PeriodRef? closed, long stamp, KnownSummaries? known, CancellationToken ct)
    {
        if (replica is not { IsConfigured: true })
        {
            return null;
        }
        try
        {
            await using (var copy = replica.NewContext())
            {
                if (await ChangeStampAsync(copy, program.Id, ct) < stamp)
                {
                    replica.CountFellBack();
                    return null;
                }
            }
            var facts = await FactsLoader.LoadWithPartsAsync(replica.NewContext, program, today, day, closed, ct, known);
            replica.CountServed();
            return facts;
        }
        // Out of reach, or a query cancelled because it conflicted with the standby's replay (40001): the primary answers.
        catch (Exception ex) when (DatabaseOutage.Is(ex) || CancelledByReplay(ex))
        {
            logger?.LogWarning(ex, "The read-only database did not answer; the facts of program {ProgramId} are read on the primary", program.Id);
            replica.CountFellBack();
            return null;
        }
    }

    // However EF wraps it, as DatabaseOutage.Is walks the chain.
    private static bool CancelledByReplay(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The newest audit row of a change to the program's tracked data or of one that may concern any program (its
    /// <see cref="AuditEntry.ProgramId"/> is null): it moves with every change the program's pages could show, so it
    /// keys what the read side caches. Security events (a sign-in, a refusal) change nothing the pages show and do
    /// not move it. One command: a backward scan of each of the two partial indexes on <c>audit_entries</c>. Audit
    /// ids grow in commit order (appenders hold one lock until they commit), so a larger id is a later change.
    /// 0 when the program does not exist.
    /// </summary>
    internal static async Task<long> ChangeStampAsync(TrackerDbContext db, int programId, CancellationToken ct) =>
        (await ProgramAndStampAsync(db, programId, ct))?.Stamp ?? 0;

    private sealed record ProgramStamped(int Id, string Code, string Title, DateOnly IssuedOn, int TermStartYear, int TermEndYear, long Stamp);

    /// <summary>
    /// The program asked for (the first when none is named) with its <see cref="ChangeStampAsync">change stamp</see>, in one
    /// command: a warm visit sends only this one (and, for a closed period, the period's lookup).
    /// </summary>
    private static async Task<ProgramStamped?> ProgramAndStampAsync(TrackerDbContext db, int? programId, CancellationToken ct) =>
        (await db.Database.SqlQuery<ProgramStamped>($"""
            SELECT p.id, p.code, p.title, p.issued_on, p.term_start_year, p.term_end_year,
                   coalesce(greatest(
                       (SELECT max(a.id) FROM audit_entries a WHERE a.category = 'Data' AND a.program_id = p.id),
                       (SELECT max(a.id) FROM audit_entries a WHERE a.category = 'Data' AND a.program_id IS NULL)), 0) AS stamp
              FROM (SELECT id, code, title, issued_on, term_start_year, term_end_year FROM programs
                     WHERE {programId}::integer IS NULL OR id = {programId}::integer
                     ORDER BY id LIMIT 1) p
            """).ToListAsync(ct)).SingleOrDefault();

    private static readonly System.Linq.Expressions.Expression<Func<ActionProgram, ProgramRef>> AsRef =
        p => new ProgramRef(p.Id, p.Code, p.Title, p.IssuedOn, p.TermStartYear, p.TermEndYear);

    public void Dispose() => _cache.Dispose();
}
