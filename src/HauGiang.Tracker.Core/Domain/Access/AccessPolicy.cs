namespace HauGiang.Tracker.Core.Domain.Access;

/// <summary>
/// Who may do what, denied by default. Staff change only items their unit leads and add contributions
/// where it coordinates; the monitoring office verifies; leaders ask for explanations; auditors read the
/// trail; administrators manage users, units, periods, the structure and the calendar of holidays. Evidence of a report its unit is
/// still writing is that unit's (and the administrators') until it is submitted.
/// </summary>
public static class AccessPolicy
{
    public static bool Allows(Actor actor, Operation operation, UnitScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        scope ??= UnitScope.None;
        return operation switch
        {
            Operation.ReportProgress or Operation.RecordIssuance or Operation.AnswerExplanation or Operation.EnterIndicatorValue =>
                actor.IsIn(Roles.UnitStaff) && actor.BelongsTo(scope.LeadUnitId),
            Operation.AddContribution =>
                actor.IsIn(Roles.UnitStaff) && scope.CoordinatingUnitIds.Any(actor.UnitIds.Contains),
            Operation.ReadDraftEvidence =>
                (actor.IsIn(Roles.UnitStaff) && actor.BelongsTo(scope.LeadUnitId)) || actor.IsIn(Roles.Administrator),
            Operation.ReviewReport => actor.IsIn(Roles.MonitoringOffice),
            Operation.AdjustDeadline => actor.IsIn(Roles.MonitoringOffice) || actor.IsIn(Roles.Administrator),
            Operation.RequestExplanation => actor.IsIn(Roles.Leader),
            Operation.ManagePeriods or Operation.ManageStructure or Operation.ManageUnits or Operation.ManageUsers or Operation.ManageHolidays =>
                actor.IsIn(Roles.Administrator),
            Operation.ReadAuditTrail => actor.IsIn(Roles.Auditor),
            Operation.ExportReview => actor.IsIn(Roles.Leader) || actor.IsIn(Roles.Auditor) || actor.IsIn(Roles.MonitoringOffice),
            _ => false,
        };
    }
}
