using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.IntegrationTests.Reporting;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Indicators;

public class IndicatorValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    private const decimal Bound = 1_000_000_000_000m;

    /// <summary><paramref name="Version"/>: 0 as opened, 1 none though a value exists (or one though none does), 2 stale (or one though none exists).</summary>
    public sealed record Attempt(int Period, decimal? Value, string? Source, int Version)
    {
        public override string ToString() => $"period={Period} value={Value} source={Source?.Length} version={Version}";
    }

    [Fact]
    public async Task Each_indicator_value_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        var values = Get<IndicatorValueService>();
        var indicator = (await values.ListAsync(Ct)).Single(i => i.Code == "CT-M01");
        var open = await PeriodAsync("Quý IV/2026");
        var closed = await PeriodAsync("Quý III/2026");
        Assert.Equal((PeriodState.Open, PeriodState.Closed), (open.State, closed.State));
        int[] periods = [open.Id, closed.Id, await PlannedPeriodAsync(), -1];
        var numbers = Gen.OneOf(Gen.OneOf<decimal?>(null, 0m, -0.5m, 68.5m, 100m, Bound, -Bound, Bound + 0.00001m, -Bound - 1m, decimal.MaxValue, decimal.MinValue, 0.00001m, 1.23455m),
            Gen.Decimal.Select(d => (decimal?)d), Gen.Decimal[-Bound, Bound].Select(d => (decimal?)d));
        var attempts = Gen.Select(Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, periods.Length - 1])), numbers, TextUpTo(4000),
            Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2))), (p, v, s, version) => new Attempt(periods[p], v, s, version));

        IndicatorValueView? existing = null;
        async Task<Expectation> Expect(Attempt a)
        {
            existing = (await values.ListAsync(Ct)).Single(i => i.Id == indicator.Id).Values.SingleOrDefault(v => v.PeriodId == a.Period);
            var fields = new Expectation()
                .Rule(a.Period == -1, "PeriodId", "Chọn kỳ báo cáo.")
                .Rule(a.Period != -1 && a.Period != open.Id, "PeriodId", "Chỉ nhập số liệu cho kỳ báo cáo đang mở.")
                .Rule(a.Value is null, "Value", "Nhập giá trị thực hiện.")
                .Rule(a.Value is < -Bound or > Bound, "Value", "Giá trị nằm ngoài khoảng cho phép.")
                .Rule(Blank(a.Source), "SourceNote", "Ghi nguồn số liệu (ví dụ: báo cáo PCI năm 2024 của VCCI, Cục Thống kê…).")
                .Rule(Longer(a.Source, 4000), "SourceNote", "Nguồn số liệu không quá 4000 ký tự.");
            // Only a valid value meets the version check: a new value must come without one, a correction with the one opened.
            // Versions 1 and 2 both send one when no value exists yet (1 and 0 + 1): that reads as a value deleted meanwhile.
            return !fields.Accepts ? fields
                : a.Version != 0 && existing is null ? Expectation.Only("", "Số liệu bạn đang sửa vừa bị xóa; tải lại để xem.")
                : a.Version == 0 ? fields
                : Expectation.Only("", "Người khác vừa lưu thay đổi cho mục này trước bạn");
        }

        var tally = await CheckAsync(attempts, Expect, async a =>
        {
            uint? version = a.Version switch
            {
                0 => existing?.Version,
                1 => existing is null ? 1u : null,
                _ => (existing?.Version ?? 0) + 1,
            };
            return await values.RecordAsync(Staff("CT-SNV"), indicator.Id, a.Period, a.Value, a.Source, version, Ct);
        }, async a =>
        {
            var saved = (await values.ListAsync(Ct)).Single(i => i.Id == indicator.Id).Values.Single(v => v.PeriodId == a.Period);
            // The value to four decimals (the column's scale, rounded half to even as decimal does), the source trimmed.
            Assert.Equal((Math.Round(a.Value!.Value, 4), Stored(a.Source), "Cán bộ CT-SNV"), (saved.Value, saved.SourceNote, saved.RecordedBy));
        });

        AssertCoverage(tally, 300, "", "PeriodId", "Value", "SourceNote");
    }
}
