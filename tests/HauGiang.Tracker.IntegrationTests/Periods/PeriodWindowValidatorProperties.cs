using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.IntegrationTests.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Periods;

public class PeriodWindowValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(string Period, DateOnly? StartsOn, DateOnly? EndsOn, bool Stale);

    [Fact]
    public async Task Each_period_window_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        var periods = Get<PeriodAdministration>();
        await PlannedPeriodAsync();
        // Move a period by a few days either way around its own dates too, so windows that fit (and ones that just overlap) are common.
        var attempts = Gen.OneOf("Quý IV/2026", "Quý I/2027", "Quý III/2026").SelectMany(label =>
        {
            var nudged = Gen.Int[-20, 20];
            return Gen.Select(Gen.Frequency((2, Day.Select(d => (Day: d, Nudge: (int?)null))), (3, nudged.Select(n => (Day: (DateOnly?)null, Nudge: (int?)n)))),
                Gen.Frequency((2, Day.Select(d => (Day: d, Nudge: (int?)null))), (3, nudged.Select(n => (Day: (DateOnly?)null, Nudge: (int?)n)))), Rarely,
                (s, e, stale) => (label, s, e, stale));
        });

        ReportingPeriod period = null!;
        Attempt Resolve((string Label, (DateOnly? Day, int? Nudge) Start, (DateOnly? Day, int? Nudge) End, bool Stale) raw)
        {
            DateOnly? Pick((DateOnly? Day, int? Nudge) g, DateOnly own) => g.Nudge is { } n ? DateOnly.FromDayNumber(Math.Clamp(own.DayNumber + n, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)) : g.Day;
            return new Attempt(raw.Label, Pick(raw.Start, period.StartsOn), Pick(raw.End, period.EndsOn), raw.Stale);
        }

        Attempt attempt = null!;
        async Task<Expectation> Expect((string Label, (DateOnly?, int?) Start, (DateOnly?, int?) End, bool Stale) raw)
        {
            period = await PeriodAsync(raw.Label);
            attempt = Resolve(raw);
            var (starts, ends) = (attempt.StartsOn ?? DateOnly.MinValue, attempt.EndsOn ?? DateOnly.MaxValue);
            if (raw.Stale)
            {
                return Expectation.Only("", "Kỳ báo cáo vừa được người khác thay đổi");
            }
            await using var db = Database.NewContext();
            var others = await db.Periods.AsNoTracking().Where(p => p.ProgramId == period.ProgramId && p.Kind == period.Kind && p.Id != period.Id).ToListAsync(Ct);
            var overlap = others.Where(p => p.StartsOn <= ends && p.EndsOn >= starts).OrderBy(p => p.StartsOn).FirstOrDefault();
            return new Expectation()
                .Rule(period.State == PeriodState.Closed, "", "Kỳ báo cáo đã đóng; không đổi thời gian được.")
                .Rule(ends < starts, "EndsOn", "Ngày kết thúc không được trước ngày bắt đầu.")
                .Rule(ends.DayNumber - starts.DayNumber > 366 * 6, "EndsOn", "Một kỳ báo cáo không dài quá 6 năm.")
                .Rule(overlap is not null, "StartsOn", $"Thời gian này trùng với kỳ {overlap?.Label}.");
        }

        var tally = await CheckAsync(attempts, Expect, async _ =>
            await periods.AdjustWindowAsync(Admin, period.Id, period.Version + (attempt.Stale ? 1u : 0u), attempt.StartsOn ?? DateOnly.MinValue, attempt.EndsOn ?? DateOnly.MaxValue, Ct),
            async _ =>
            {
                var saved = await PeriodAsync(attempt.Period);
                Assert.Equal((attempt.StartsOn ?? DateOnly.MinValue, attempt.EndsOn ?? DateOnly.MaxValue, period.State, period.Label),
                    (saved.StartsOn, saved.EndsOn, saved.State, saved.Label));
            });

        AssertCoverage(tally, 20, "", "StartsOn", "EndsOn");
    }
}
