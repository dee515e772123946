namespace HauGiang.Tracker.Core.Domain.Access;

/// <summary>Every write the system allows, and the few reads that are not open to every signed-in user.</summary>
public enum Operation
{
    // A unit's own work (its lead or coordinating role on the item decides).
    ReportProgress,
    AddContribution,
    RecordIssuance,
    AnswerExplanation,
    EnterIndicatorValue,

    // Files attached to a report its unit is still writing: that unit's staff, and administrators.
    ReadDraftEvidence,

    // Monitoring office.
    ReviewReport,
    AdjustDeadline,

    // Leaders.
    RequestExplanation,

    // Administrators.
    ManagePeriods,
    ManageStructure,
    ManageUnits,
    ManageUsers,
    /// <summary>Correct the calendar of public holidays reminders count working days by; reading it is open.</summary>
    ManageHolidays,

    // Auditors.
    ReadAuditTrail,

    // Leaders, auditors and the monitoring office: issue a review report as a file.
    ExportReview,
}

/// <summary>The units an item (or indicator, or request) belongs to, as the permission rules see them.</summary>
public sealed record UnitScope(int? LeadUnitId, IReadOnlySet<int> CoordinatingUnitIds)
{
    public static UnitScope None { get; } = new(null, new HashSet<int>());

    public static UnitScope Lead(int? unitId) => new(unitId, new HashSet<int>());
}
