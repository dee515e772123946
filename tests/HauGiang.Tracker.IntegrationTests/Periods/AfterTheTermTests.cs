using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Periods;

/// <summary>
/// Periods start when the Program could first be reported on; after the 2020–2025 term reporting goes on
/// (the unfinished items, carried by the successor units) until an administrator ends it, which needs the
/// end-of-term review closed first.
/// </summary>
public class AfterTheTermTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private async Task<uint> ProgramVersionAsync()
    {
        await using var db = Database.NewContext();
        return await db.Programs.Select(p => p.Version).FirstAsync(Ct);
    }

    [Fact]
    public async Task The_first_periods_are_those_the_Program_could_be_reported_in()
    {
        await using var db = Database.NewContext();
        var periods = await db.Periods.OrderBy(p => p.StartsOn).ThenBy(p => p.EndsOn).ToListAsync(Ct);
        var issued = new DateOnly(2021, 8, 9);
        Assert.All(periods, p => Assert.True(p.EndsOn >= issued, $"{p.Label} ends {p.EndsOn} before the Program was issued"));
        Assert.DoesNotContain(periods, p => p.Label is "Quý I/2021" or "Quý II/2021" or "6 tháng đầu năm 2021");
        Assert.Contains(periods, p => p.Label == "Quý III/2021");
        // Generating 2021 again adds nothing from before the Program either.
        var (result, added) = await Get<PeriodAdministration>().GenerateYearAsync(Admin, 2021, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task Reporting_goes_on_after_the_term_until_it_is_ended()
    {
        await using var db = Database.NewContext();
        var program = await db.Programs.FirstAsync(Ct);
        Assert.Null(program.ReportingEndedOn);
        Assert.Contains(await db.Periods.ToListAsync(Ct), p => p.Year == 2026 && p.State == PeriodState.Open);
    }

    [Fact]
    public async Task Ending_the_reporting_needs_a_basis_and_no_period_left_open()
    {
        var periods = Get<PeriodAdministration>();

        var noBasis = await periods.EndReportingAsync(Admin, await ProgramVersionAsync(), new DateOnly(2026, 11, 27), " ", Ct);
        Assert.Contains("Nhập căn cứ", noBasis.Errors["Basis"], StringComparison.Ordinal);
        var stillOpen = await periods.EndReportingAsync(Admin, await ProgramVersionAsync(), new DateOnly(2026, 11, 27), "Báo cáo tổng kết số 12-BC/TU", Ct);
        Assert.Contains("Quý IV/2026", stillOpen.Errors[OperationResult.FormKey], StringComparison.Ordinal);
        Assert.Contains("đang mở", stillOpen.Errors[OperationResult.FormKey], StringComparison.Ordinal);

        await using var db = Database.NewContext();
        Assert.Null((await db.Programs.FirstAsync(Ct)).ReportingEndedOn);
    }

    [Fact]
    public async Task Ending_the_reporting_before_the_end_of_term_review_is_closed_is_refused()
    {
        await Database.ExecuteAsync("UPDATE reporting_periods SET state = 'Open', closed_at = NULL, closed_by = NULL WHERE kind = 'EndOfTermReview'");
        await Database.ExecuteAsync("UPDATE reporting_periods SET state = 'Closed' WHERE state = 'Open' AND kind <> 'EndOfTermReview'");

        var result = await Get<PeriodAdministration>().EndReportingAsync(Admin, await ProgramVersionAsync(), new DateOnly(2026, 11, 27), "Báo cáo tổng kết số 12-BC/TU", Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("tổng kết", result.Errors[OperationResult.FormKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ended_no_later_period_is_made_or_opened_and_what_was_reported_stays()
    {
        var periods = Get<PeriodAdministration>();
        Assert.True((await periods.GenerateYearAsync(Admin, 2027, Ct)).Result.Succeeded);
        await Database.ExecuteAsync("UPDATE reporting_periods SET state = 'Closed', closed_at = now(), closed_by = 'thử' WHERE state = 'Open'");
        await using var before = Database.NewContext();
        var reports = await before.Reports.CountAsync(Ct);
        var snapshots = await before.PeriodSnapshots.CountAsync(Ct);

        var ended = await periods.EndReportingAsync(Admin, await ProgramVersionAsync(), new DateOnly(2026, 11, 27), "Báo cáo tổng kết số 12-BC/TU", Ct);

        Assert.True(ended.Succeeded, string.Join(" ", ended.Errors.Values));
        await using var db = Database.NewContext();
        var program = await db.Programs.FirstAsync(Ct);
        Assert.Equal((new DateOnly(2026, 11, 27), "Báo cáo tổng kết số 12-BC/TU", Admin.UserName), (program.ReportingEndedOn, program.ReportingEndBasis, program.ReportingEndedBy));
        Assert.DoesNotContain(await db.Periods.ToListAsync(Ct), p => p.StartsOn > new DateOnly(2026, 11, 27));
        Assert.Equal(reports, await db.Reports.CountAsync(Ct));
        Assert.Equal(snapshots, await db.PeriodSnapshots.CountAsync(Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Reason != null && e.Reason.Contains("Kết thúc theo dõi"), Ct));

        var generate = await periods.GenerateYearAsync(Admin, 2027, Ct);
        Assert.Contains("kết thúc theo dõi", generate.Result.Errors["Year"], StringComparison.Ordinal);
        var twice = await periods.EndReportingAsync(Admin, program.Version, new DateOnly(2026, 11, 27), "Lần nữa", Ct);
        Assert.Contains("đã kết thúc theo dõi", twice.Errors[OperationResult.FormKey], StringComparison.Ordinal);
    }
}
