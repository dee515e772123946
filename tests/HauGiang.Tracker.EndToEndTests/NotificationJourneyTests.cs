using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

public partial class NotificationJourneyTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _page = await browser.OpenAsync(_app.StartOnRealPort());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync(_page.Context);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Staff of Sở GD&amp;ĐT report on NV-04, the monitoring office returns the report; the schedule's scan runs once.</summary>
    private async Task<(int Item, Actor Staff)> ReturnedReportAsync(string email)
    {
        var services = _app.Services;
        var staff = await TestUsers.ActorAsync(services, await TestUsers.CreateAsync(services, email, Roles.UnitStaff, "CT-SGDDT"));
        var office = new Actor("office-e2e", "Văn phòng thử", new HashSet<string> { Roles.MonitoringOffice }, new HashSet<int>());
        await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var item = await db.WorkItems.Where(i => i.Code == "NV-04").Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken);
        var period = await db.Periods.Where(p => p.Label == "Quý IV/2026").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        var (_, id) = await services.GetRequiredService<ProgressReportService>().SaveAsync(staff,
            new ReportInput(item, period, 40, "Đã xây dựng dự thảo đề án.", null, null, "Trình ký.", null), null, null, submit: true, TestContext.Current.CancellationToken);
        var version = (await services.GetRequiredService<ItemDetailService>().ReportAsync(office, id!.Value, TestContext.Current.CancellationToken))!.Version;
        var returned = await services.GetRequiredService<ReviewService>().ReviewAsync(office, id.Value, version, confirm: false, "Thiếu số liệu học sinh năm 2026.", TestContext.Current.CancellationToken);
        Assert.True(returned.Succeeded, string.Join(" ", returned.Errors.Values));
        await services.GetRequiredService<NoticeScanner>().ScanAsync(TestContext.Current.CancellationToken);
        return (item, staff);
    }

    [Fact]
    public async Task Staff_see_the_bells_count_and_open_a_returned_report_from_it()
    {
        var (item, staff) = await ReturnedReportAsync("canbo.sgddt@thu.local");
        await _page.SignInAsync("canbo.sgddt@thu.local");
        var unread = await _app.Services.GetRequiredService<NoticeService>().UnreadCountAsync(staff, TestContext.Current.CancellationToken);
        Assert.True(unread >= 1);

        var bell = _page.GetByRole(AriaRole.Link, new() { Name = $"Thông báo: {unread} chưa đọc" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await bell.ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(NoticesPage());
        var notice = _page.Locator("[data-kind=ReportReturned]");
        await Assertions.Expect(notice).ToContainTextAsync("Lý do: Thiếu số liệu học sinh năm 2026.");
        await notice.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(_page).ToHaveURLAsync(new Regex($"/muc/{item}/bao-cao$"));
        await Assertions.Expect(_page.GetByTestId("return-reason")).ToContainTextAsync("Thiếu số liệu học sinh năm 2026.");
        // Opened is read: the bell counts one fewer.
        await Assertions.Expect(_page.GetByRole(AriaRole.Link, new() { Name = unread == 1 ? "Thông báo: không có thông báo chưa đọc" : $"Thông báo: {unread - 1} chưa đọc" }))
            .ToBeVisibleAsync();
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [Fact]
    public async Task The_notices_and_the_mail_queue_with_rows_pass_axe_and_fit_both_widths()
    {
        await ReturnedReportAsync("canbo.sgddt@thu.local");
        var admin = await TestUsers.CreateAsync(_app.Services, "quantri@thu.local", Roles.Administrator);
        await using (var db = _database.NewContext())
        {
            db.OutgoingMails.Add(new OutgoingMail
            {
                Key = $"daily:{admin.Id}:2026-11-27",
                Kind = MailKind.DailyDigest,
                UserId = admin.Id,
                ToAddress = admin.Email!,
                ToName = admin.FullName,
                Subject = "Việc cần làm ngày 27/11/2026: 5 thông báo",
                TextBody = "…",
                HtmlBody = "<p>…</p>",
                State = MailState.Failed,
                Attempts = 8,
                CreatedAt = _app.Clock.GetUtcNow().UtcDateTime,
                NextAttemptAt = _app.Clock.GetUtcNow().UtcDateTime,
                LastError = "Máy chủ thư từ chối địa chỉ quantri@thu.local: 5.1.1 No such user; mailbox unavailable for a very long time indeed",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var office = await browser.OpenAsync(_app.RootUri!);
        try
        {
            await _page.SignInAsync("canbo.sgddt@thu.local");
            await office.SignInAsync("quantri@thu.local");
            foreach (var width in new[] { 1366, 1024 })
            {
                foreach (var (page, path, rows) in new[] { (_page, "/thong-bao", "[data-notice]"), (office, "/quan-tri/thu-di", "tr[data-mail]") })
                {
                    await page.SetViewportSizeAsync(width, 768);
                    await page.GotoInteractiveAsync(path);
                    await Assertions.Expect(page.Locator(rows).First).ToBeVisibleAsync();
                    var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
                    Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{path} {width}: {v.Id}"));
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than {width}px");
                    // No column is cut: every cell of the first row shows within the page's width.
                    Assert.True(await page.EvaluateAsync<bool>($"() => [...document.querySelector('{rows}').querySelectorAll('td, .notice-body')].every(c => c.getBoundingClientRect().right <= window.innerWidth + 1)"),
                        $"{path}: a column runs past {width}px");
                }
            }
        }
        finally
        {
            await Browser.CloseAsync(office.Context);
        }
        Assert.Empty(Browser.ConsoleErrors(_page));
    }

    [GeneratedRegex(@"/thong-bao$")]
    private static partial Regex NoticesPage();
}
