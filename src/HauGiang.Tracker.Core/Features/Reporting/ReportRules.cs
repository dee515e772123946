using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// The checks of a progress report, in Vietnamese next to each field: lenient for a draft (ranges and
/// lengths), strict on submit (the sections a report must have, the day the work was finished).
/// </summary>
public static class ReportRules
{
    public const int MaxText = TextLimits.Long;

    /// <summary>
    /// Why the unit's latest report for a period (null: none yet) cannot be saved now, or null when it can.
    /// A confirmed report can always be corrected; the form and every save ask this one question.
    /// </summary>
    public static string? Blocked(ReviewState? latest, bool latestIsCorrection, PeriodState period) => (latest, period) switch
    {
        (ReviewState.Submitted, _) => "Báo cáo đang chờ Văn phòng theo dõi xác nhận; chưa sửa được.",
        (ReviewState.Confirmed, _) => null,
        (null, PeriodState.Closed) => "Kỳ báo cáo đã đóng; không gửi báo cáo mới cho kỳ này.",
        (_, PeriodState.Closed) when !latestIsCorrection => "Kỳ báo cáo đã đóng; báo cáo chưa gửi trước khi đóng kỳ không gửi được nữa.",
        _ => null,
    };

    public static ValidationErrors Validate(ReportInput input, ReportingPeriod period, DateOnly today, bool submitting, int evidenceCount)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Percent), input.Percent is < 0 or > 100 ? "Tỷ lệ hoàn thành phải từ 0 đến 100 (%)." : null);
        Length(errors, nameof(input.Results), input.Results, "Kết quả đạt được");
        Length(errors, nameof(input.Obstacles), input.Obstacles, "Khó khăn, vướng mắc");
        Length(errors, nameof(input.Proposals), input.Proposals, "Đề xuất, kiến nghị");
        Length(errors, nameof(input.NextSteps), input.NextSteps, "Nhiệm vụ, giải pháp tiếp theo");
        if (input.AchievedOn is { } achieved)
        {
            errors.Add(nameof(input.AchievedOn), achieved > today ? "Ngày hoàn thành không được sau hôm nay." : null);
            errors.Add(nameof(input.AchievedOn), !period.Window.Contains(achieved)
                ? $"Ngày hoàn thành phải nằm trong kỳ báo cáo ({period.StartsOn:dd/MM/yyyy}–{period.EndsOn:dd/MM/yyyy})." : null);
            errors.Add(nameof(input.AchievedOn), input.Percent is >= 0 and < CompletionRule.Complete ? "Chỉ ghi ngày hoàn thành khi tỷ lệ là 100%." : null);
        }
        if (!submitting)
        {
            return errors;
        }
        errors.Add(nameof(input.Results), TextLimits.IsBlank(input.Results) ? "Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo." : null);
        errors.Add(nameof(input.NextSteps), input.Percent is >= 0 and < CompletionRule.Complete && TextLimits.IsBlank(input.NextSteps)
            ? "Nêu nhiệm vụ, giải pháp tiếp theo khi chưa hoàn thành." : null);
        if (input.Percent == CompletionRule.Complete)
        {
            errors.Add(nameof(input.AchievedOn), input.AchievedOn is null ? "Ghi ngày hoàn thành khi báo cáo đạt 100%." : null);
            errors.Add("Evidence", evidenceCount == 0 ? "Báo cáo hoàn thành 100% phải kèm minh chứng (tệp, văn bản đã ban hành hoặc đường dẫn)." : null);
        }
        return errors;
    }

    /// <summary>A report's free text as stored: trimmed, composed (NFC); blank (NUL and spaces alone included) is null.</summary>
    public static string? Clean(string? text) => TextLimits.IsBlank(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static void Length(ValidationErrors errors, string field, string? value, string label) =>
        errors.Add(field, value is not null && value.Length > MaxText ? $"{label} không quá {MaxText} ký tự (đang có {value?.Length})." : null);
}
