using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;

namespace HauGiang.Tracker.ComponentTests.Overview;

/// <summary>Read-model facts made by hand, so the overview renders without a database.</summary>
internal static class OverviewSamples
{
    public static readonly ProgramRef Program = new(1, "50-CTr/TU", "Chương trình thử", new DateOnly(2021, 8, 9), 2020, 2025);

    public static readonly ItemStatus UndatedStatus = new(ProgressAxis.OpenWithinDeadline, null, false, false, null, null, Undated: true);

    public static FactItem Item(string code, ProgressAxis axis = ProgressAxis.OpenWithinDeadline, bool sample = false, int? breakthrough = 11, int? group = null,
        RiskReason? risk = null, ItemStatus? status = null, decimal progress = 0m, WorkItemKind kind = WorkItemKind.Task, DateOnly? startsOn = null) =>
        new(Samples.Row(code, title: $"Nội dung {code}", axis: axis, sample: sample, progress: progress, kind: kind, status: status), breakthrough, group, startsOn, [], risk);

    public static ProgramFacts Facts(IEnumerable<FactItem> items, DateOnly? asOf = null, FactsBasis basis = FactsBasis.Today, PeriodRef? period = null,
        IReadOnlyList<IndicatorFact>? indicators = null) =>
        new(Program, asOf ?? Samples.Today, Samples.Today, basis, period, [.. items],
            [new Heading(11, 1, "", "Nâng cao chất lượng nguồn nhân lực"), new Heading(12, 2, "", "Hoàn thiện đồng bộ hệ thống cơ chế, chính sách")],
            [new Heading(21, 1, "Một là", "Nhóm một")],
            [], [], indicators ?? []);

    /// <summary>Ten real items (3 done on time, 1 late, 2 within the deadline, 3 overdue, 1 undated) and five samples done on time.</summary>
    public static ProgramFacts Mixed(DateOnly? asOf = null, FactsBasis basis = FactsBasis.Today) => Facts(
        [
            Item("A1", ProgressAxis.DoneOnTime, progress: 100m), Item("A2", ProgressAxis.DoneOnTime, progress: 100m), Item("A3", ProgressAxis.DoneOnTime, progress: 100m),
            Item("B1", ProgressAxis.DoneLate, progress: 100m),
            Item("C1", progress: 40m, risk: RiskReason.Behind, startsOn: new DateOnly(2021, 1, 1)), Item("C2", progress: 60m, breakthrough: 12),
            Item("D1", ProgressAxis.Overdue, progress: 30m, kind: WorkItemKind.Document), Item("D2", ProgressAxis.Overdue, progress: 10m), Item("D3", ProgressAxis.Overdue, breakthrough: 12),
            Item("E1", status: UndatedStatus, risk: RiskReason.Silent, group: 21),
            .. Enumerable.Range(1, 5).Select(n => Item($"NV-0{n}", ProgressAxis.DoneOnTime, sample: true, progress: 100m)),
        ], asOf, basis);
}
