using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>A notice before it is addressed: the same words go to every person told.</summary>
public sealed record NoticeDraft(NoticeKind Kind, string Key, string Title, string? Detail, string Link)
{
    public int? ProgramId { get; init; }
    public int? WorkItemId { get; init; }
    public int? PeriodId { get; init; }
    public int? Days { get; init; }
    public DateOnly? DueOn { get; init; }

    public static NoticeDraft Item(NoticeKind kind, string key, int programId, ItemRow item, string title, string detail, DateOnly? dueOn = null, int? days = null) =>
        new(kind, key, title, detail, $"muc/{item.Id}") { ProgramId = programId, WorkItemId = item.Id, DueOn = dueOn, Days = days };

    public Notice For(string userId, DateTime now) => new()
    {
        UserId = userId,
        Kind = Kind,
        Key = Key,
        ProgramId = ProgramId,
        WorkItemId = WorkItemId,
        PeriodId = PeriodId,
        Days = Days,
        DueOn = DueOn,
        Title = Clip(Title, TextLimits.Paragraph),
        Detail = Detail is null ? null : Clip(Detail, TextLimits.Long),
        Link = Link,
        CreatedAt = now,
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>How notices write items and days.</summary>
public static class NoticeTexts
{
    private static readonly string[] Weekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    public static string Name(ItemRow item) => $"{item.Code} – {item.Title}";

    /// <summary>"30/04/2027".</summary>
    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"30/04/2027 (thứ Sáu)".</summary>
    public static string Day(DateOnly day) => $"{Date(day)} ({Weekdays[(int)day.DayOfWeek]})";
}
