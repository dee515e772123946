using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.ComponentTests;

/// <summary>Hand-made rows and structures, so component tests need no database.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static ItemStatus Status(ProgressAxis axis, ProgressAxis? againstOriginal = null, bool notStarted = false, bool noReport = false) =>
        new(axis, againstOriginal, notStarted, noReport, new DateOnly(2025, 12, 31), null);

    public static ItemRow Row(string code, string title = "Nhiệm vụ thử", ProgressAxis axis = ProgressAxis.OpenWithinDeadline, bool sample = false,
        UnitRef? lead = null, Deadline? deadline = null, Deadline? original = null, decimal progress = 0m, int depth = 0,
        WorkItemKind kind = WorkItemKind.Task, ItemStatus? status = null)
    {
        var inForce = deadline ?? Deadline.EndOf("Năm 2025", new DateOnly(2025, 12, 31));
        return new ItemRow(code.GetHashCode(StringComparison.Ordinal), code, title, kind, null, depth, sample, sample ? ItemOrigin.Program : ItemOrigin.SecretaryArticle, ItemState.Active, lead,
            inForce, original ?? inForce, status ?? Status(axis), progress, null);
    }

    public static ProgramStructure Structure(params ItemRow[] breakthroughOneItems)
    {
        var header = new ProgramHeader(1, "50-CTr/TU", "Chương trình triển khai Nghị quyết Đại hội XIV", "Ban Chấp hành Đảng bộ tỉnh Hậu Giang",
            new DateOnly(2021, 8, 9), "2020–2025", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV", "chủ trương 1, chương trình 10, hành động 100",
            "đổi mới, đột phá, quyết tâm và khát vọng", null, 0);
        BreakthroughNode B(int n, string title, IReadOnlyList<ItemRow> items) => new(n, n, title, Totals.Of(items), items);
        GroupNode G(int n, string heading) => new(n, n, heading, $"Nhóm {n}", $"{heading}, nội dung nhóm {n}.", "Bài viết của Bí thư Tỉnh ủy (thử)", Totals.Of([]), []);
        return new ProgramStructure(header, Today, "Quý IV/2026", Totals.Of(breakthroughOneItems),
            [B(1, "Nâng cao chất lượng nguồn nhân lực", breakthroughOneItems), B(2, "Hoàn thiện đồng bộ hệ thống cơ chế, chính sách", []), B(3, "Xây dựng định hướng chiến lược phát triển và quy hoạch tỉnh Hậu Giang", [])],
            [G(1, "Một là"), G(2, "Hai là"), G(3, "Ba là"), G(4, "Bốn là"), G(5, "Năm là"), G(6, "Sáu là")],
            []);
    }
}
