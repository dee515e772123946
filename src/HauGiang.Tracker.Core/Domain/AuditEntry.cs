namespace HauGiang.Tracker.Core.Domain;

public enum AuditCategory
{
    /// <summary>A create, update or delete of tracked data.</summary>
    Data,
    /// <summary>Sign-in, lockout, permission refused, role change and the like.</summary>
    Security,
    /// <summary>A file the system issued (a review report), with its content hash: changes no tracked data.</summary>
    Export,
}

/// <summary>
/// One row of the audit trail. Append-only (a database trigger refuses UPDATE and DELETE) and
/// hash-chained: <see cref="Hash"/> covers this row's content and the previous row's hash, so an
/// edited or removed row breaks the chain where it stood.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public AuditCategory Category { get; set; }
    /// <summary>insert / update / delete, or a security event's name.</summary>
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityKey { get; set; }
    public int? ItemId { get; set; }
    public int? UnitId { get; set; }
    public int? PeriodId { get; set; }
    /// <summary>
    /// The program the change concerns, set by the database on insert from <see cref="ItemId"/> or
    /// <see cref="PeriodId"/>; null when it may concern any program. Derived, so not part of <see cref="Hash"/>.
    /// </summary>
    public int? ProgramId { get; set; }
    /// <summary>JSON of the changed values before the change (updates and deletes).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the values after the change (inserts and updates), or a security event's details.</summary>
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string? ClientAddress { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
