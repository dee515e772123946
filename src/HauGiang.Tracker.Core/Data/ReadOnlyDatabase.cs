using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Data;

/// <summary>
/// A read-only copy of the database (a hot standby) the read model may compute its facts on, so the leaders' pages and
/// the exports take their heaviest reads off the primary: <c>ConnectionStrings:TrackerReadOnly</c>, e.g. the standbys of a
/// Patroni cluster with <c>Target Session Attributes=prefer-standby</c>. Unset, everything reads the primary. The caller
/// decides whether the copy has caught up (<see cref="Overview.ProgramFactsStore"/> compares the program's change stamp on
/// both) and falls back to the primary when it has not or cannot be reached; <see cref="Served"/> and
/// <see cref="FellBack"/> count both outcomes.
/// </summary>
public sealed class ReadOnlyDatabase(string? connectionString)
{
    private readonly DbContextOptions<TrackerDbContext>? _options = string.IsNullOrWhiteSpace(connectionString) ? null : OptionsFor(connectionString);

    private long _served;
    private long _fellBack;

    /// <summary>The configuration key of its connection string (ConnectionStrings__TrackerReadOnly in the environment).</summary>
    public const string ConnectionStringName = "TrackerReadOnly";

    public bool IsConfigured => _options is not null;

    /// <summary>Reads answered by the copy.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Reads sent to the primary instead: the copy lagged behind the change asked for, or was out of reach.</summary>
    public long FellBack => Interlocked.Read(ref _fellBack);

    /// <summary>A context on the copy; only when <see cref="IsConfigured"/>.</summary>
    public TrackerDbContext NewContext() =>
        new(_options ?? throw new InvalidOperationException("No read-only connection string is configured."));

    private static DbContextOptions<TrackerDbContext> OptionsFor(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase(connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return options.Options;
    }

    internal void CountServed() => Interlocked.Increment(ref _served);

    internal void CountFellBack() => Interlocked.Increment(ref _fellBack);
}
