using System.Net;
using System.Net.Sockets;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Testing;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace HauGiang.Tracker.IntegrationTests.Notifications;

/// <summary>
/// The e-mail side on real PostgreSQL and a real SMTP server in the test process (netDumbster), with a
/// controlled clock: each digest once per person and day, whatever restarts and instances do; a server that is
/// down is retried later with back-off; an address the server refuses fails alone.
/// </summary>
public class MailDigestTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    // A Wednesday, a working day; NV-04 (led by CT-SGDDT) is then due in 7 working days.
    private static readonly DateOnly Day = new(2027, 2, 3);

    private AppUser _staff = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _staff = await TestUsers.CreateAsync(Services, "canbo.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT");
        Database.Clock.SetToday(Day);
        var result = await Get<DeadlineAdjustmentService>().AdjustAsync(Office, await ItemIdAsync("NV-04"), await ItemVersionAsync("NV-04"),
            new DeadlineAdjustmentInput("19/02/2027", "12/QĐ-UBND", Day, null), Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await Get<NoticeScanner>().ScanAsync(Ct);
    }

    private ServiceProvider Instance(int port) => TestServices.Build(Database, configure: services => services.AddTrackerMail(new MailOptions
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpSecurity = SecureSocketOptions.None,
        From = "Theo dõi CTr 50 <khong-tra-loi@thu.local>",
        SiteAddress = "https://theodoi.thu.local/",
    }));

    private async Task<List<OutgoingMail>> MailsAsync()
    {
        await using var db = Database.NewContext();
        return await db.OutgoingMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_daily_digest_goes_once_per_person_and_day_in_Vietnamese_as_text_and_HTML_across_a_restart_and_two_instances()
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var first = Instance(smtp.Configuration.Port);

        Assert.Equal(1, await first.GetRequiredService<DigestService>().QueueDailyAsync(Ct));
        // A restart is new services over the same data; a second instance runs beside the first.
        await using var restarted = Instance(smtp.Configuration.Port);
        await using var second = Instance(smtp.Configuration.Port);
        var again = await Task.WhenAll(first.GetRequiredService<DigestService>().QueueDailyAsync(Ct),
            restarted.GetRequiredService<DigestService>().QueueDailyAsync(Ct), second.GetRequiredService<DigestService>().QueueDailyAsync(Ct));
        Assert.Equal([0, 0, 0], again);
        var sent = await Task.WhenAll(first.GetRequiredService<MailDispatcher>().SendDueAsync(Ct), second.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));

        Assert.Equal(1, sent.Sum());
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("canbo.sgddt@thu.local", Assert.Single(mail.ToAddresses).Address);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)), Ct);
        Assert.Equal("Việc cần làm ngày 03/02/2027: 2 thông báo", message.Subject);
        Assert.Contains("Sắp đến hạn (1)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hạn 19/02/2027 (thứ Sáu); còn 7 ngày làm việc.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://theodoi.thu.local/muc/{await ItemIdAsync("NV-04")}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2 style=\"font-size:16px\">Sắp đến hạn (1)</h2>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(MailState.Sent, Assert.Single(await MailsAsync()).State);

        // The next working day has nothing new: the notices a digest carried are not carried again.
        Database.Clock.SetToday(Day.AddDays(1));
        Assert.Equal(0, await first.GetRequiredService<DigestService>().QueueDailyAsync(Ct));
    }

    [Fact]
    public async Task A_server_that_is_down_is_tried_again_later_with_back_off_and_the_digest_is_not_lost()
    {
        var port = FreePort();
        await using var app = Instance(port);
        await app.GetRequiredService<DigestService>().QueueDailyAsync(Ct);

        Assert.Equal(0, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));
        var waiting = Assert.Single(await MailsAsync());
        Assert.Equal((MailState.Pending, 1), (waiting.State, waiting.Attempts));
        Assert.NotNull(waiting.LastError);
        Assert.Equal(Database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.NextAttemptAt, TimeSpan.FromSeconds(1));

        using var smtp = SimpleSmtpServer.Start(port);
        Database.Clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(0, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct)); // not due yet: no hammering
        Assert.Equal(0, smtp.ReceivedEmailCount);
        Database.Clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(1, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));

        Assert.Equal(1, smtp.ReceivedEmailCount);
        var done = Assert.Single(await MailsAsync());
        Assert.Equal((MailState.Sent, 2, (string?)null), (done.State, done.Attempts, done.LastError));
    }

    [Fact]
    public async Task An_address_the_server_refuses_fails_alone_and_the_administrator_sees_it()
    {
        await TestUsers.CreateAsync(Services, "canbo2.sgddt@thu.local", Roles.UnitStaff, "CT-SGDDT");
        await Get<NoticeScanner>().ScanAsync(Ct);
        await using var smtp = new RefusingSmtpServer("canbo.sgddt@thu.local");
        await using var app = Instance(smtp.Port);
        Assert.Equal(2, await app.GetRequiredService<DigestService>().QueueDailyAsync(Ct));

        Assert.Equal(1, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));

        Assert.Equal(["canbo2.sgddt@thu.local"], smtp.Accepted);
        var refused = (await MailsAsync()).Single(m => m.ToAddress == "canbo.sgddt@thu.local");
        Assert.Equal(MailState.Failed, refused.State);
        Assert.StartsWith("Máy chủ thư từ chối địa chỉ canbo.sgddt@thu.local", refused.LastError, StringComparison.Ordinal);
        var queue = await app.GetRequiredService<MailQueueService>().ListAsync(Admin, MailState.Failed, 0, Ct);
        Assert.Equal((1, 0, 1), (queue.Failed, queue.Pending, queue.Rows.Count));
        Assert.Equal("SMTP 127.0.0.1:" + smtp.Port, queue.Route);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.GetRequiredService<MailQueueService>().ListAsync(Leader, null, 0, Ct));
    }

    [Fact]
    public async Task Leaders_get_the_weekly_digest_with_the_units_ranking_once_a_week()
    {
        await TestUsers.CreateAsync(Services, "lanhdao@thu.local", Roles.Leader);
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var app = Instance(smtp.Configuration.Port);

        Assert.Equal(1, await app.GetRequiredService<DigestService>().QueueWeeklyAsync(Ct));
        Database.Clock.SetToday(Day.AddDays(2)); // the same ISO week
        Assert.Equal(0, await app.GetRequiredService<DigestService>().QueueWeeklyAsync(Ct));
        Assert.Equal(1, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));

        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(smtp.ReceivedEmail).Data)), Ct);
        Assert.Equal("Tình hình thực hiện tuần 05/2027", message.Subject);
        Assert.Contains("Xếp hạng đúng hạn của các đơn vị:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chưa báo cáo kỳ này", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_mail_settings_no_digest_is_made_and_the_notices_stay_in_the_app()
    {
        Assert.Equal(0, await Get<DigestService>().QueueDailyAsync(Ct));
        Assert.Equal(0, await Get<MailDispatcher>().SendDueAsync(Ct));

        Assert.Empty(await MailsAsync());
        var actor = await TestUsers.ActorAsync(Services, _staff);
        Assert.Equal(2, await Get<NoticeService>().UnreadCountAsync(actor, Ct));
    }

    [Fact]
    public async Task In_development_the_digest_is_a_eml_file_in_the_outbox_folder()
    {
        var folder = Directory.CreateTempSubdirectory("outbox-").FullName;
        await using var app = TestServices.Build(Database, configure: services => services.AddTrackerMail(new MailOptions { OutboxFolder = folder }));

        await app.GetRequiredService<DigestService>().QueueDailyAsync(Ct);
        Assert.Equal(1, await app.GetRequiredService<MailDispatcher>().SendDueAsync(Ct));

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
        Assert.Equal("canbo.sgddt@thu.local", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Việc cần làm ngày 03/02/2027", message.Subject, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_person_who_stops_the_daily_digest_gets_none()
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var app = Instance(smtp.Configuration.Port);
        var actor = await TestUsers.ActorAsync(Services, _staff);
        var notices = app.GetRequiredService<NoticeService>();
        Assert.True((await notices.SavePreferencesAsync(actor, new NoticePreferencesInput(false, true, [NoticeKind.ReportReturned]), null, Ct)).Succeeded);

        Assert.Equal(0, await app.GetRequiredService<DigestService>().QueueDailyAsync(Ct));

        // A second save from a page opened before the first is refused, not merged.
        Assert.NotNull((await notices.SavePreferencesAsync(actor, new NoticePreferencesInput(true, true, []), null, Ct)).For(""));
        var saved = await notices.PreferencesAsync(actor, Ct);
        Assert.Equal((false, true), (saved.Values.DailyDigest, saved.Values.WeeklyDigest));
        Assert.Equal([NoticeKind.ReportReturned], saved.Values.MailedKinds);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
