using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// Who may see a report's evidence. While its unit still holds the pen (a draft, or a report returned to it),
/// the evidence is unfinished work: its unit's staff and administrators only. Once submitted it is read by
/// whoever may see the report.
/// </summary>
public static class EvidenceAccess
{
    public static bool IsUnitOnly(ReviewState state) => state is ReviewState.Draft or ReviewState.Returned;

    public static UnitScope Scope(int reportingUnitId) => UnitScope.Lead(reportingUnitId);

    public static bool MayRead(Actor? actor, ReviewState state, int reportingUnitId) =>
        !IsUnitOnly(state) || (actor is not null && AccessPolicy.Allows(actor, Operation.ReadDraftEvidence, Scope(reportingUnitId)));

    /// <summary>The report as the actor may see it: evidence the actor may not read is not listed at all.</summary>
    public static ReportView ForViewer(Actor? actor, ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return MayRead(actor, report.State, report.UnitId) ? report : report with { Evidence = [] };
    }
}
