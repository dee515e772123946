using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HauGiang.Tracker.Core.Domain;

namespace HauGiang.Tracker.Core.Data.Auditing;

/// <summary>
/// The hash chain of the audit trail: SHA-256 over the previous hash and every recorded column of the row. Not over
/// <see cref="AuditEntry.ProgramId"/>: the database derives it on insert (from the item or period), after the hash is
/// computed, and a migration may fill it in for older rows.
/// </summary>
public static class AuditHash
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    private const char Separator = '\u001f';

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = string.Join(Separator,
            entry.PreviousHash,
            entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.UserId, entry.UserName, entry.Category.ToString(), entry.Action,
            entry.EntityType, entry.EntityKey,
            Number(entry.ItemId), Number(entry.UnitId), Number(entry.PeriodId),
            entry.Before, entry.After, entry.Reason, entry.ClientAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>PostgreSQL keeps microseconds: the hashed instant must be the stored one.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Utc);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
