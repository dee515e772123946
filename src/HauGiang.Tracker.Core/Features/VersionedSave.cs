using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features;

public static class VersionedSave
{
    /// <summary>
    /// Saves the context's changes only if <paramref name="entity"/> is still at the version the person
    /// edited; otherwise nothing is written and <paramref name="conflict"/> says why.
    /// </summary>
    public static async Task<OperationResult> SaveAtVersionAsync(this TrackerDbContext db, Entity entity, uint version, string conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Form(conflict);
        }
    }
}
