using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Core.Features;

/// <summary>Saves that meet someone else's save: a stale version, or a row another person inserted first.</summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves the context's changes only if <paramref name="entity"/> is still at the version the person
    /// edited; otherwise nothing is written and <paramref name="conflict"/> says why.
    /// </summary>
    public static Task<OperationResult> SaveAtVersionAsync(this TrackerDbContext db, Entity entity, uint version, string conflict, CancellationToken ct) =>
        SaveAtVersionAsync(db, entity, version, _ => Task.FromResult(OperationResult.Form(conflict)), ct);

    /// <summary>As above, with the refusal worked out from the conflict (for example, which fields changed).</summary>
    public static async Task<OperationResult> SaveAtVersionAsync(this TrackerDbContext db, Entity entity, uint version,
        Func<DbUpdateConcurrencyException, Task<OperationResult>> conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conflict);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return await conflict(ex);
        }
    }

    /// <summary>True when the save failed because another person inserted the same unique row first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
