namespace HauGiang.Tracker.Core.Domain;

/// <summary>
/// A day off in the calendar reminders count working days by: a public holiday, Tết or a make-up day. A year
/// starts from the defaults of Bộ luật Lao động 2019 (Điều 112); the administrator corrects it to the days the
/// Prime Minister fixes. Who changed what is in the audit trail, as for every other entity.
/// </summary>
public sealed class Holiday : Entity
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    /// <summary>True while the day is as the defaults made it; false once added or corrected by hand.</summary>
    public bool IsDefault { get; set; }
}
