using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Notifications;

/// <summary>
/// The notices, computed on real PostgreSQL with a controlled clock: who is told, on which day (working days
/// across Tết and 30/4–1/5, from the stored calendar's defaults), and that computing again adds nothing.
/// NV-04 is led by Sở GD&amp;ĐT thành phố Cần Thơ (CT-SGDDT).
/// </summary>
public class NoticeScannerTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private NoticeScanner Scanner => Get<NoticeScanner>();

    private AppUser _staff = null!, _otherStaff = null!, _leader = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _staff = await TestUsers.CreateAsync(Services, "canbo.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT");
        _otherStaff = await TestUsers.CreateAsync(Services, "canbo.stc@thu.local", Roles.UnitStaff, "CT-STC");
        _leader = await TestUsers.CreateAsync(Services, "lanhdao@thu.local", Roles.Leader);
    }

    private async Task SetDeadlineAsync(string code, string deadline)
    {
        var result = await Get<DeadlineAdjustmentService>().AdjustAsync(Office, await ItemIdAsync(code), await ItemVersionAsync(code),
            new DeadlineAdjustmentInput(deadline, "12/QĐ-UBND", VietnamClock.Today(Database.Clock), "Thử nhắc hạn"), Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
    }

    private async Task<List<Notice>> NoticesAsync(AppUser user, NoticeKind? kind = null, int? itemId = null)
    {
        await using var db = Database.NewContext();
        return await db.Notices.AsNoTracking().Where(n => n.UserId == user.Id && (kind == null || n.Kind == kind) && (itemId == null || n.WorkItemId == itemId))
            .OrderBy(n => n.Id).ToListAsync(Ct);
    }

    private async Task<List<int?>> ReminderDaysOnAsync(DateOnly day, int itemId)
    {
        Database.Clock.SetToday(day);
        await Scanner.ScanAsync(Ct);
        return [.. (await NoticesAsync(_staff, itemId: itemId)).Where(n => n.Kind == NoticeKind.DeadlineSoon).Select(n => n.Days)];
    }

    [Fact]
    public async Task Reminders_come_30_days_then_7_and_1_working_days_before_a_deadline_counted_across_Tet_and_then_when_overdue()
    {
        // Tết Đinh Mùi: mùng 1 is Saturday 06/02/2027; by default the days off run from Friday 05/02 to the
        // make-up days Wednesday 10/02 and Thursday 11/02. Seven working days before Friday 19/02 is then 03/02, not 10/02.
        Database.Clock.SetToday(new DateOnly(2027, 1, 4));
        await SetDeadlineAsync("NV-04", "19/02/2027");
        var item = await ItemIdAsync("NV-04");

        Assert.Empty(await ReminderDaysOnAsync(new DateOnly(2027, 1, 19), item));
        Assert.Equal([30], await ReminderDaysOnAsync(new DateOnly(2027, 1, 20), item));
        Assert.Equal([30], await ReminderDaysOnAsync(new DateOnly(2027, 2, 2), item));
        Assert.Equal([30, 7], await ReminderDaysOnAsync(new DateOnly(2027, 2, 3), item));
        Assert.Equal([30, 7], await ReminderDaysOnAsync(new DateOnly(2027, 2, 17), item));
        Assert.Equal([30, 7, 1], await ReminderDaysOnAsync(new DateOnly(2027, 2, 18), item));
        Assert.Equal([30, 7, 1], await ReminderDaysOnAsync(new DateOnly(2027, 2, 19), item));
        var seven = (await NoticesAsync(_staff, NoticeKind.DeadlineSoon, item)).Single(n => n.Days == 7);
        Assert.Equal("Hạn 19/02/2027 (thứ Sáu); còn 7 ngày làm việc.", seven.Detail);
        Assert.Equal($"muc/{item}", seven.Link);

        Database.Clock.SetToday(new DateOnly(2027, 2, 20));
        await Scanner.ScanAsync(Ct);
        Assert.Single(await NoticesAsync(_staff, NoticeKind.Overdue, item));
        Database.Clock.SetToday(new DateOnly(2027, 3, 22));
        await Scanner.ScanAsync(Ct);
        Assert.Equal("Hạn 19/02/2027 (thứ Sáu); đã quá 31 ngày.", Assert.Single(await NoticesAsync(_staff, NoticeKind.LongOverdue, item)).Detail);

        // Only the lead unit's staff are told about its deadlines; leaders get the weekly digest instead.
        Assert.Empty(await NoticesAsync(_otherStaff, itemId: item));
        Assert.Empty(await NoticesAsync(_leader, NoticeKind.DeadlineSoon));
    }

    [Fact]
    public async Task A_deadline_on_a_holiday_is_reminded_from_the_working_day_before()
    {
        // 30/04/2027 is a Friday, 01/05 a Saturday made up on Monday 03/05: a deadline on 03/05 is in fact Thursday 29/04.
        Database.Clock.SetToday(new DateOnly(2027, 4, 1));
        await SetDeadlineAsync("NV-04", "03/05/2027");
        var item = await ItemIdAsync("NV-04");

        Assert.DoesNotContain(1, await ReminderDaysOnAsync(new DateOnly(2027, 4, 27), item));
        Assert.Contains(1, await ReminderDaysOnAsync(new DateOnly(2027, 4, 28), item));
        Assert.Equal("Hạn 03/05/2027 (thứ Hai); còn 1 ngày làm việc.",
            (await NoticesAsync(_staff, NoticeKind.DeadlineSoon, item)).Single(n => n.Days == 1).Detail);
    }

    [Fact]
    public async Task Computing_again_and_from_a_second_instance_at_once_adds_nothing_twice()
    {
        Database.Clock.SetToday(new DateOnly(2027, 2, 3));
        await SetDeadlineAsync("NV-04", "19/02/2027");
        Assert.True(await Scanner.ScanAsync(Ct) > 0);
        var first = await CountAsync();

        // A second instance is a second set of services over the same database, its scan running beside ours.
        await using var other = TestServices.Build(Database);
        var both = await Task.WhenAll(Scanner.ScanAsync(Ct), other.GetRequiredService<NoticeScanner>().ScanAsync(Ct));

        Assert.Equal([0, 0], both);
        Assert.Equal(first, await CountAsync());
        await using var db = Database.NewContext();
        Assert.False(await db.Notices.GroupBy(n => new { n.UserId, n.Key }).AnyAsync(g => g.Count() > 1, Ct));
    }

    [Fact]
    public async Task Staff_are_told_of_a_return_with_its_reason_a_confirmation_and_a_question_and_the_leader_of_the_answer()
    {
        var staff = await TestUsers.ActorAsync(Services, _staff);
        var leader = await TestUsers.ActorAsync(Services, _leader);
        var item = await ItemIdAsync("NV-04");
        var period = (await PeriodAsync("Quý IV/2026")).Id;
        var reports = Get<ProgressReportService>();
        var review = Get<ReviewService>();
        var (_, id) = await reports.SaveAsync(staff, new ReportInput(item, period, 55, "Đã xây dựng dự thảo.", null, null, "Trình ký.", null), null, null, submit: true, Ct);
        var version = (await Get<ItemDetailService>().ReportAsync(Admin, id!.Value, Ct))!.Version;
        Assert.True((await review.ReviewAsync(Office, id.Value, version, confirm: false, "Số liệu chưa khớp với báo cáo tháng.", Ct)).Succeeded);
        Assert.True((await Get<ExplanationService>().RequestAsync(leader, item, "Vì sao chậm ban hành đề án?", null, Ct)).Succeeded);

        await Scanner.ScanAsync(Ct);

        var returned = Assert.Single(await NoticesAsync(_staff, NoticeKind.ReportReturned));
        Assert.Equal("Lý do: Số liệu chưa khớp với báo cáo tháng.", returned.Detail);
        Assert.Equal($"muc/{item}/bao-cao", returned.Link);
        Assert.Contains("Vì sao chậm ban hành đề án?", Assert.Single(await NoticesAsync(_staff, NoticeKind.ExplanationRequested)).Detail, StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(_otherStaff, NoticeKind.ReportReturned));

        var request = (await Get<ExplanationService>().ForItemAsync(item, Ct)).Single();
        Assert.True((await Get<ExplanationService>().AnswerAsync(staff, request.Id, request.Version, "Chờ ý kiến của Sở Tài chính.", Ct)).Succeeded);
        await Scanner.ScanAsync(Ct);
        Assert.Contains("Chờ ý kiến của Sở Tài chính.", Assert.Single(await NoticesAsync(_leader, NoticeKind.ExplanationAnswered)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_is_told_nothing()
    {
        await using (var db = Database.NewContext())
        {
            db.Actor = Admin;
            var user = await db.Users.SingleAsync(u => u.Id == _staff.Id, Ct);
            user.IsDisabled = true;
            await db.SaveChangesAsync(Ct);
        }
        Database.Clock.SetToday(new DateOnly(2027, 2, 3));
        await SetDeadlineAsync("NV-04", "19/02/2027");

        await Scanner.ScanAsync(Ct);

        Assert.Empty(await NoticesAsync(_staff));
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Notices.CountAsync(Ct);
    }
}
