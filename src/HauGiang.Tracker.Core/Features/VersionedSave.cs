using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Core.Features;

/// <summary>
/// The one way a service saves where someone else's save may have come first (a stale version, or a row
/// another person inserted first): nothing is written and the person is told why, instead of an error page.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves the context's changes only if <paramref name="entity"/> is still at the version the person
    /// edited; otherwise nothing is written and <paramref name="conflict"/> says why.
    /// </summary>
    public static Task<OperationResult> SaveAtVersionAsync(this TrackerDbContext db, Entity entity, uint version, string conflict, CancellationToken ct) =>
        SaveAtVersionAsync(db, entity, version, _ => Task.FromResult(OperationResult.Form(conflict)), ct);

    /// <summary>As above, with the refusal worked out from the conflict (for example, which fields changed).</summary>
    public static Task<OperationResult> SaveAtVersionAsync(this TrackerDbContext db, Entity entity, uint version,
        Func<DbUpdateConcurrencyException, Task<OperationResult>> conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        return SaveUnlessConflictAsync(db, conflict, null, ct);
    }

    /// <summary>
    /// Saves at the versions the context loaded; if someone saved in between, names what they changed,
    /// with <paramref name="labels"/> giving each property's Vietnamese name.
    /// </summary>
    public static Task<OperationResult> SaveUnlessConflictAsync(this TrackerDbContext db, IReadOnlyDictionary<string, string> labels, CancellationToken ct) =>
        SaveUnlessConflictAsync(db, ex => ConcurrencyConflict.DescribeAsync(ex, labels, ct), null, ct);

    /// <summary>
    /// Saves at the versions the context loaded. A stale version is answered by <paramref name="conflict"/>;
    /// with <paramref name="duplicate"/> set, a unique row another person inserted first is answered by it
    /// (without it, that is a bug and is thrown).
    /// </summary>
    public static async Task<OperationResult> SaveUnlessConflictAsync(this TrackerDbContext db,
        Func<DbUpdateConcurrencyException, Task<OperationResult>> conflict, string? duplicate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conflict);
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return await conflict(ex);
        }
        catch (DbUpdateException ex) when (duplicate is not null && ex.IsUniqueViolation())
        {
            return OperationResult.Form(duplicate);
        }
    }

    /// <summary>True when the save failed because another person inserted the same unique row first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
