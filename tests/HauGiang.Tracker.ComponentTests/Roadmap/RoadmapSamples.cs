using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.ComponentTests.Roadmap;

/// <summary>Roadmap rows made by hand: an adjusted task, a done document with a milestone, an undated task.</summary>
internal static class RoadmapSamples
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static FactItem Item(int id, string code, string title, Deadline deadline, Deadline? original = null, DateOnly? startsOn = null,
        ProgressAxis axis = ProgressAxis.OpenWithinDeadline, decimal progress = 0m, DateOnly? completedOn = null, int? breakthrough = 1,
        WorkItemKind kind = WorkItemKind.Task, int depth = 0, int lead = 7)
    {
        var undated = deadline.Kind == DeadlineKind.Unspecified;
        var status = new ItemStatus(axis, null, false, false, deadline.DueDate, completedOn, Undated: undated);
        var row = new ItemRow(id, code, title, kind, null, depth, false, ItemOrigin.Program, ItemState.Active, new UnitRef(lead, "Sở Giáo dục và Đào tạo", null),
            deadline, original ?? deadline, status, progress, null);
        return new FactItem(row, breakthrough, null, startsOn, [], null);
    }

    public static ProgramFacts Facts(params FactItem[] items) =>
        new(new ProgramRef(1, "50-CTr/TU", "Chương trình hành động thực hiện Nghị quyết", new DateOnly(2021, 8, 9), 2020, 2025), Today, Today, FactsBasis.Today, null,
            items, [new Heading(1, 1, "", "Nâng cao chất lượng nguồn nhân lực")], [], [], [], []);

    public static DeadlineStep Step(int sequence, DateOnly due, DateOnly effective, string? number = null) =>
        new(sequence, Deadline.On(due), effective, number, number is null ? null : effective, null);

    /// <summary>Three items: NV-01 adjusted from 30/06/2023 to 29/02/2024 by 159-KL/TU; VB-01 issued with a milestone; NV-02 undated.</summary>
    public static (ProgramFacts Facts, Dictionary<int, ItemSchedule> Schedules) Three()
    {
        var adjusted = Item(1, "NV-01", "Xây dựng đề án đào tạo nguồn nhân lực chất lượng cao", Deadline.On(new DateOnly(2024, 2, 29)),
            Deadline.On(new DateOnly(2023, 6, 30)), new DateOnly(2022, 1, 1), ProgressAxis.OpenWithinDeadline, 40m);
        var issued = Item(2, "VB-01", "Nghị quyết về phát triển đảng viên giai đoạn 2023–2025", Deadline.EndOf("Quý IV/2023", new DateOnly(2023, 12, 31)),
            startsOn: new DateOnly(2023, 1, 1), axis: ProgressAxis.DoneOnTime, progress: 100m, completedOn: new DateOnly(2023, 11, 15), kind: WorkItemKind.Document);
        var undated = Item(3, "NV-02", "Rà soát danh mục vị trí việc làm", Deadline.Unspecified);
        var schedules = new Dictionary<int, ItemSchedule>
        {
            [1] = new([Step(0, new DateOnly(2023, 6, 30), new DateOnly(2021, 8, 9)), Step(1, new DateOnly(2024, 2, 29), new DateOnly(2022, 12, 20), "159-KL/TU")], []),
            [2] = new([Step(0, new DateOnly(2023, 12, 31), new DateOnly(2021, 8, 9))], [new MilestoneFact(5, 1, "Trình Ban Thường vụ cho ý kiến dự thảo", new DateOnly(2023, 9, 30), new DateOnly(2023, 9, 28))]),
        };
        return (Facts(adjusted, issued, undated), schedules);
    }

    /// <summary>A program of <paramref name="count"/> dated tasks, to see that the chart draws only what is in view.</summary>
    public static ProgramRoadmap Many(int count)
    {
        var items = Enumerable.Range(1, count).Select(n => Item(n, $"NV-{n:0000}", $"Nhiệm vụ số {n}", Deadline.On(new DateOnly(2025, 12, 31)), startsOn: new DateOnly(2022, 1, 1))).ToArray();
        return RoadmapBuilder.Build(Facts(items), new Dictionary<int, ItemSchedule>(), ItemFilter.Real, RoadmapGrouping.Breakthrough);
    }
}
