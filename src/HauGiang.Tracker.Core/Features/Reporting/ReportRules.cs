using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Review;

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
        errors.AddIf(input.Percent is < 0 or > 100, nameof(input.Percent), "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).");
        Length(errors, nameof(input.Results), input.Results, "Kết quả đạt được");
        Length(errors, nameof(input.Obstacles), input.Obstacles, "Khó khăn, vướng mắc");
        Length(errors, nameof(input.Proposals), input.Proposals, "Đề xuất, kiến nghị");
        Length(errors, nameof(input.NextSteps), input.NextSteps, "Nhiệm vụ, giải pháp tiếp theo");
        if (input.AchievedOn is { } achieved)
        {
            errors.AddIf(achieved > today, nameof(input.AchievedOn), "Ngày hoàn thành không được sau hôm nay.");
            errors.AddIf(!period.Window.Contains(achieved), nameof(input.AchievedOn),
                $"Ngày hoàn thành phải nằm trong kỳ báo cáo ({period.StartsOn:dd/MM/yyyy} – {period.EndsOn:dd/MM/yyyy}).");
            errors.AddIf(input.Percent is >= 0 and < CompletionRule.Complete, nameof(input.AchievedOn), "Chỉ ghi ngày hoàn thành khi tỷ lệ là 100%.");
        }
        if (!submitting)
        {
            return errors;
        }
        errors.AddIf(TextLimits.IsBlank(input.Results), nameof(input.Results), "Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.");
        errors.AddIf(input.Percent is >= 0 and < CompletionRule.Complete && TextLimits.IsBlank(input.NextSteps), nameof(input.NextSteps),
            "Nêu nhiệm vụ, giải pháp tiếp theo khi chưa hoàn thành.");
        if (input.Percent == CompletionRule.Complete)
        {
            errors.AddIf(input.AchievedOn is null, nameof(input.AchievedOn), "Ghi ngày hoàn thành khi báo cáo đạt 100%.");
            errors.AddIf(evidenceCount == 0, "Evidence", "Báo cáo hoàn thành 100% phải kèm minh chứng (tệp, văn bản đã ban hành hoặc đường dẫn).");
        }
        return errors;
    }

    private static void Length(ValidationErrors errors, string field, string? value, string label) =>
        errors.AddIf(value is not null && value.Length > MaxText, field, $"{label} không quá {MaxText} ký tự (đang có {value?.Length}).");
}
