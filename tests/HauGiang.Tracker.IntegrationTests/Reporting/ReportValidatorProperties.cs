using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

public class ReportValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    private const int Max = ReportRules.MaxText;

    public sealed record Attempt(int Item, int Period, int Percent, string? Results, string? Obstacles, string? Proposals, string? NextSteps, DateOnly? AchievedOn, bool Submit, bool Stale)
    {
        public override string ToString() =>
            $"item={Item} period={Period} {Percent}% results={Results?.Length} obstacles={Obstacles?.Length} proposals={Proposals?.Length} next={NextSteps?.Length} achieved={AchievedOn} submit={Submit} stale={Stale}";
    }

    [Fact]
    public async Task Each_report_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        var staff = Staff("CT-SNV");
        // Items the unit leads or coordinates (a contribution), and an id that does not exist.
        int[] items = [await ItemIdAsync("VB-07"), await ItemIdAsync("NV-03"), await ItemIdAsync("VB-14"), -1];
        var open = await PeriodAsync("Quý IV/2026");
        var closed = await PeriodAsync("Quý III/2026");
        Assert.Equal((PeriodState.Open, PeriodState.Closed), (open.State, closed.State));
        var planned = await PlannedPeriodAsync();
        int[] periods = [open.Id, closed.Id, planned, int.MaxValue];
        var attempts = Gen.Select(Gen.Int[0, items.Length - 1], Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, periods.Length - 1])),
            Gen.Frequency((6, Gen.Int[0, 100]), (2, Gen.OneOf(-1, 101, 100, 0, 99)), (1, Gen.Int[int.MinValue, int.MaxValue])),
            Gen.Select(TextUpTo(Max), TextUpTo(Max), TextUpTo(Max), TextUpTo(Max)), Day, Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))), Rarely,
            (item, period, percent, texts, achieved, submit, stale) =>
                new Attempt(items[item], periods[period], percent, texts.Item1, texts.Item2, texts.Item3, texts.Item4, achieved, submit, stale));

        var reports = Get<ProgressReportService>();
        ReportForm? form = null;

        async Task<Expectation> Expect(Attempt a)
        {
            form = null;
            if (a.Item < 0 || a.Period == int.MaxValue)
            {
                return Expectation.Only("", "Không tìm thấy nhiệm vụ, văn bản hoặc kỳ báo cáo này.");
            }
            if (a.Period == planned)
            {
                return Expectation.Only(nameof(ReportInput.PeriodId), "Kỳ báo cáo chưa mở.");
            }
            form = (await reports.OpenAsync(staff, a.Item, a.Period, Ct))!;
            Assert.Equal(a.Period, form.Period.Id);
            var head = form.Report;
            if (form.Blocked is { } blocked)
            {
                return Expectation.Only(head is null ? nameof(ReportInput.PeriodId) : "", blocked);
            }
            if (head is { State: not ReviewState.Confirmed } && a.Stale)
            {
                return Expectation.Only("", "Người khác vừa lưu thay đổi cho mục này trước bạn");
            }
            var window = a.Period == open.Id ? open : closed;
            var below = a.Percent is >= 0 and < 100;
            return new Expectation()
                .Rule(a.Percent is < 0 or > 100, nameof(ReportInput.Percent), "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).")
                .Rule(Longer(a.Results, Max), nameof(ReportInput.Results), $"Kết quả đạt được không quá {Max} ký tự (đang có {a.Results?.Length}).")
                .Rule(Longer(a.Obstacles, Max), nameof(ReportInput.Obstacles), $"Khó khăn, vướng mắc không quá {Max} ký tự (đang có {a.Obstacles?.Length}).")
                .Rule(Longer(a.Proposals, Max), nameof(ReportInput.Proposals), $"Đề xuất, kiến nghị không quá {Max} ký tự (đang có {a.Proposals?.Length}).")
                .Rule(Longer(a.NextSteps, Max), nameof(ReportInput.NextSteps), $"Nhiệm vụ, giải pháp tiếp theo không quá {Max} ký tự (đang có {a.NextSteps?.Length}).")
                .Rule(a.AchievedOn > Today, nameof(ReportInput.AchievedOn), "Ngày hoàn thành không được sau hôm nay.")
                .Rule(a.AchievedOn < window.StartsOn || a.AchievedOn > window.EndsOn, nameof(ReportInput.AchievedOn), "Ngày hoàn thành phải nằm trong kỳ báo cáo (")
                .Rule(a.AchievedOn is not null && below, nameof(ReportInput.AchievedOn), "Chỉ ghi ngày hoàn thành khi tỷ lệ là 100%.")
                .Rule(a.Submit && Blank(a.Results), nameof(ReportInput.Results), "Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.")
                .Rule(a.Submit && below && Blank(a.NextSteps), nameof(ReportInput.NextSteps), "Nêu nhiệm vụ, giải pháp tiếp theo khi chưa hoàn thành.")
                .Rule(a.Submit && a.Percent == 100 && a.AchievedOn is null, nameof(ReportInput.AchievedOn), "Ghi ngày hoàn thành khi báo cáo đạt 100%.")
                .Rule(a.Submit && a.Percent == 100 && head?.Evidence.Count is null or 0, "Evidence", "Báo cáo hoàn thành 100% phải kèm minh chứng");
        }

        var tally = await CheckAsync(attempts, Expect, async a =>
        {
            var head = form?.Report;
            var version = head is null ? (uint?)null : a.Stale ? head.Version + 1 : head.Version;
            var input = new ReportInput(a.Item, a.Period, a.Percent, a.Results, a.Obstacles, a.Proposals, a.NextSteps, a.AchievedOn);
            return (await reports.SaveAsync(staff, input, version, head?.Input, a.Submit, Ct)).Result;
        }, async a =>
        {
            var before = form!.Report;
            var saved = (await reports.OpenAsync(staff, a.Item, a.Period, Ct))!.Report!;
            // Texts trimmed and composed (NFC), blank ones empty; the day kept only at 100%.
            Assert.Equal(new ReportInput(a.Item, a.Period, a.Percent, Stored(a.Results, nfc: true), Stored(a.Obstacles, nfc: true), Stored(a.Proposals, nfc: true),
                Stored(a.NextSteps, nfc: true), a.Percent == 100 ? a.AchievedOn : null), saved.Input);
            Assert.Equal(a.Submit ? ReviewState.Submitted : before is { State: ReviewState.Returned } ? ReviewState.Returned : ReviewState.Draft, saved.State);
            if (a.Submit)
            {
                // Hand the submitted report back so the unit can keep editing it.
                Assert.True((await Get<ReviewService>().ReviewAsync(Office, saved.Id, saved.Version, confirm: false, "Trả lại để thử tiếp.", Ct)).Succeeded);
            }
        });

        AssertCoverage(tally, 100, "", nameof(ReportInput.PeriodId), nameof(ReportInput.Percent), nameof(ReportInput.Results), nameof(ReportInput.Obstacles),
            nameof(ReportInput.Proposals), nameof(ReportInput.NextSteps), nameof(ReportInput.AchievedOn), "Evidence");
    }
}
