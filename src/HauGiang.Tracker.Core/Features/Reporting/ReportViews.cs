using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Reporting;

public sealed record EvidenceView(int Id, EvidenceKind Kind, string? Description, string? FileName, long? SizeBytes, string? Sha256, int? DocumentId, string? DocumentLabel, string? Url);

public sealed record ReviewEventView(ReviewState From, ReviewState To, DateTime At, string? By, string? Note);

public sealed record ReportView(
    int Id, uint Version, int ItemId, int PeriodId, string PeriodLabel, PeriodState PeriodState, int UnitId, string UnitName, bool IsContribution,
    ReportInput Input, ReviewState State, DateTime CreatedAt, DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReviewedAt, string? ReviewedBy, string? ReviewNote,
    int? CorrectsReportId, int? SupersededById, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<ReviewEventView> Events)
{
    public bool IsEditable => State is ReviewState.Draft or ReviewState.Returned;
}

public sealed record PeriodChoice(int Id, string Label, DateOnly StartsOn, DateOnly EndsOn, PeriodState State);

/// <summary>The report form of one item for one period and one unit: the report to edit, or why none may be.</summary>
public sealed record ReportForm(int ItemId, string ItemCode, string ItemTitle, WorkItemKind Kind, bool IsContribution, string UnitName,
    IReadOnlyList<PeriodChoice> Periods, PeriodChoice Period, ReportView? Report, ReportView? Corrected, string? Blocked);
