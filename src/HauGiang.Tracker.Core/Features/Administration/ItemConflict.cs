using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Items;

namespace HauGiang.Tracker.Core.Features.Administration;

/// <summary>How an item's editors name what someone else changed when their save came first.</summary>
internal static class ItemConflict
{
    /// <summary>The Vietnamese names of the item's columns, for a conflict found by the database.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(WorkItem.Code)] = "Mã",
        [nameof(WorkItem.Title)] = "Nội dung",
        [nameof(WorkItem.Description)] = "Mô tả",
        [nameof(WorkItem.ParentId)] = "Thuộc nhiệm vụ",
        [nameof(WorkItem.BreakthroughId)] = "Đột phá",
        [nameof(WorkItem.GroupId)] = "Nhóm",
        [nameof(WorkItem.Weight)] = "Trọng số",
        [nameof(WorkItem.ResponsiblePerson)] = "Cá nhân phụ trách",
        [nameof(WorkItem.StartsOn)] = "Ngày bắt đầu",
        [nameof(WorkItem.State)] = "Tình trạng",
    };

    /// <summary>A conflict found before saving: the fields changed since the person opened the item.</summary>
    public static OperationResult Describe(ItemInput seen, ItemInput now) => ConcurrencyConflict.Describe(
    [
        ("Mã", seen.Code, now.Code), ("Nội dung", seen.Title, now.Title), ("Mô tả", seen.Description, now.Description),
        ("Thuộc nhiệm vụ", seen.ParentCode, now.ParentCode), ("Đột phá", seen.BreakthroughOrdinal?.ToString(CultureInfo.InvariantCulture), now.BreakthroughOrdinal?.ToString(CultureInfo.InvariantCulture)),
        ("Nhóm", seen.GroupOrdinal?.ToString(CultureInfo.InvariantCulture), now.GroupOrdinal?.ToString(CultureInfo.InvariantCulture)), ("Thời hạn", seen.Deadline, now.Deadline),
        ("Ngày bắt đầu", seen.StartsOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), now.StartsOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        ("Trọng số", seen.Weight.ToString("0.##", CultureInfo.InvariantCulture), now.Weight.ToString("0.##", CultureInfo.InvariantCulture)),
        ("Cấp ban hành", seen.IssuingAuthority, now.IssuingAuthority),
    ]);
}
