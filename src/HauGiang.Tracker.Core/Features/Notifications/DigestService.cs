using System.Globalization;
using System.Net;
using System.Text;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Core.Features.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>
/// Puts the e-mail digests in the outgoing queue: each working day, to every unit staff member, the notices
/// they asked for that no digest has carried yet; each week, to every leader, the items newly overdue, the
/// units with no report in the open period and the units' on-time ranking. A digest's key is its person
/// and day (or week), so it is made once whatever restarts or instances do; nothing is queued with e-mail off.
/// </summary>
public sealed class DigestService(IDbContextFactory<TrackerDbContext> dbFactory, ProgramFactsStore factsStore, HolidayService holidays,
    MailOptions options, TimeProvider clock, ILogger<DigestService> logger)
{
    /// <summary>Notices older than this are not carried by a digest (they are in the app).</summary>
    public const int DailyLookbackDays = 7;

    /// <summary>Queues today's daily digests; returns how many were new. Nothing on a day off: the notices wait for the next working day.</summary>
    public async Task<int> QueueDailyAsync(CancellationToken ct = default)
    {
        if (!options.IsOn)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamClock.Today(clock);
        if (!(await holidays.CalendarForAsync(new DateRange(today, today), ct)).IsWorkingDay(today))
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await Recipients.LoadAsync(db, ct);
        var preferences = await db.NoticePreferences.AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var since = now.AddDays(-DailyLookbackDays);
        var staff = recipients.AllStaff.Where(p => !string.IsNullOrWhiteSpace(p.Email) && (preferences.GetValueOrDefault(p.UserId)?.DailyDigest ?? true)).ToList();
        var staffIds = staff.Select(p => p.UserId).ToArray();
        var waiting = (await db.Notices.AsNoTracking()
            .Where(n => staffIds.Contains(n.UserId) && n.MailedAt == null && n.CreatedAt >= since)
            .OrderBy(n => n.DueOn).ThenBy(n => n.Id).ToListAsync(ct)).ToLookup(n => n.UserId);
        var queued = 0;
        foreach (var person in staff)
        {
            var kinds = preferences.GetValueOrDefault(person.UserId)?.MailedKinds ?? [.. Enum.GetValues<NoticeKind>()];
            var notices = waiting[person.UserId].Where(n => kinds.Contains(n.Kind)).ToList();
            if (notices.Count == 0)
            {
                continue;
            }
            var (text, html) = DigestText.Daily(person, today, notices, options.SiteAddress);
            var mail = Mail(MailKind.DailyDigest, $"daily:{person.UserId}:{today:yyyy-MM-dd}", person,
                $"Việc cần làm ngày {NoticeTexts.Date(today)}: {notices.Count} thông báo", text, html, now);
            if (await EnqueueAsync(db, mail, notices.Select(n => n.Id).ToArray(), now, ct))
            {
                queued++;
            }
        }
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} daily digests for {Day}.", queued, today);
        }
        return queued;
    }

    /// <summary>Queues this week's digests to leaders (key: the ISO week); returns how many were new.</summary>
    public async Task<int> QueueWeeklyAsync(CancellationToken ct = default)
    {
        if (!options.IsOn)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await Recipients.LoadAsync(db, ct);
        var preferences = await db.NoticePreferences.AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var leaders = recipients.Leaders.Where(p => !string.IsNullOrWhiteSpace(p.Email) && (preferences.GetValueOrDefault(p.UserId)?.WeeklyDigest ?? true)).ToList();
        if (leaders.Count == 0)
        {
            return 0;
        }
        var programs = new List<ProgramFacts>();
        foreach (var program in await factsStore.ProgramsAsync(ct))
        {
            if (await factsStore.GetAsync(new FactsRequest(program.Id), ct) is { } facts)
            {
                programs.Add(facts);
            }
        }
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var (text, html) = DigestText.Weekly(today, programs, options.SiteAddress);
        var queued = 0;
        foreach (var leader in leaders)
        {
            var mail = Mail(MailKind.WeeklyDigest, $"weekly:{leader.UserId}:{week}", leader, $"Tình hình thực hiện tuần {week[^2..]}/{today.Year}", text, html, now);
            if (await EnqueueAsync(db, mail, [], now, ct))
            {
                queued++;
            }
        }
        return queued;
    }

    private static OutgoingMail Mail(MailKind kind, string key, Recipient to, string subject, string text, string html, DateTime now) => new()
    {
        Key = key,
        Kind = kind,
        UserId = to.UserId,
        ToAddress = to.Email!,
        ToName = to.FullName,
        Subject = subject,
        TextBody = text,
        HtmlBody = html,
        CreatedAt = now,
        State = MailState.Pending,
        NextAttemptAt = now,
    };

    /// <summary>Adds the message unless its key is taken, and marks the notices it carries, in one transaction.</summary>
    private static async Task<bool> EnqueueAsync(TrackerDbContext db, OutgoingMail mail, long[] noticeIds, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO outgoing_mails (key, kind, user_id, to_address, to_name, subject, text_body, html_body, created_at, state, attempts, next_attempt_at)
            VALUES ({mail.Key}, {mail.Kind.ToString()}, {mail.UserId}, {mail.ToAddress}, {mail.ToName}, {mail.Subject}, {mail.TextBody}, {mail.HtmlBody},
                    {mail.CreatedAt}, {nameof(MailState.Pending)}, 0, {mail.NextAttemptAt})
            ON CONFLICT (key) DO NOTHING
            """, ct);
        if (added == 1 && noticeIds.Length > 0)
        {
            await db.Notices.Where(n => noticeIds.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
        }
        await transaction.CommitAsync(ct);
        return added == 1;
    }
}

/// <summary>The digests' words, in plain text and in HTML (every value encoded).</summary>
internal static class DigestText
{
    private static readonly Dictionary<NoticeKind, string> Headings = new()
    {
        [NoticeKind.Overdue] = "Mục đã quá hạn",
        [NoticeKind.LongOverdue] = "Quá hạn trên 30 ngày",
        [NoticeKind.DeadlineSoon] = "Sắp đến hạn",
        [NoticeKind.ReportReturned] = "Báo cáo bị trả lại",
        [NoticeKind.ExplanationRequested] = "Yêu cầu giải trình",
        [NoticeKind.PeriodLastDay] = "Hạn chót báo cáo",
        [NoticeKind.PeriodOpened] = "Kỳ báo cáo",
        [NoticeKind.DeadlineAdjusted] = "Điều chỉnh thời hạn",
        [NoticeKind.ItemMoved] = "Nhiệm vụ được chuyển đến đơn vị",
        [NoticeKind.ReportConfirmed] = "Báo cáo đã được xác nhận",
        [NoticeKind.ExplanationAnswered] = "Giải trình đã nhận",
    };

    public static (string Text, string Html) Daily(Recipient person, DateOnly today, IReadOnlyList<Notice> notices, string? site)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine($"Kính gửi {person.FullName},").AppendLine()
            .AppendLine($"Các việc cần chú ý ngày {NoticeTexts.Date(today)} trong theo dõi thực hiện Chương trình số 50-CTr/TU:").AppendLine();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">")
            .Append($"<p>Kính gửi {E(person.FullName)},</p><p>Các việc cần chú ý ngày {NoticeTexts.Date(today)} trong theo dõi thực hiện Chương trình số 50-CTr/TU:</p>");
        foreach (var group in notices.GroupBy(n => n.Kind).OrderBy(g => Order(g.Key)))
        {
            var heading = Headings.GetValueOrDefault(group.Key, group.Key.ToString());
            text.AppendLine($"{heading} ({group.Count()})");
            html.Append($"<h2 style=\"font-size:16px\">{E(heading)} ({group.Count()})</h2><ul>");
            foreach (var n in group)
            {
                var link = Link(site, n.Link);
                text.AppendLine($"- {n.Title}").AppendLine(n.Detail is null ? "" : $"  {n.Detail}");
                if (link is not null)
                {
                    text.AppendLine($"  {link}");
                }
                html.Append("<li>").Append(link is null ? E(n.Title) : $"<a href=\"{E(link)}\">{E(n.Title)}</a>")
                    .Append(n.Detail is null ? "" : $"<br>{E(n.Detail)}").Append("</li>");
            }
            text.AppendLine();
            html.Append("</ul>");
        }
        Footer(text, html);
        return (text.ToString(), html.ToString());
    }

    public static (string Text, string Html) Weekly(DateOnly today, IReadOnlyList<ProgramFacts> programs, string? site)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        var from = today.AddDays(-7);
        text.AppendLine($"Tình hình thực hiện đến ngày {NoticeTexts.Date(today)} (từ {NoticeTexts.Date(from)}).").AppendLine();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">")
            .Append($"<p>Tình hình thực hiện đến ngày {NoticeTexts.Date(today)} (từ {NoticeTexts.Date(from)}).</p>");
        foreach (var facts in programs)
        {
            var items = ItemFilter.Real.Apply(facts).Where(i => i.Row.State == ItemState.Active).ToList();
            var newlyOverdue = items.Where(i => i.Status.Axis == ProgressAxis.Overdue && i.Status.DueDate is { } d && d >= from && d < today)
                .OrderBy(i => i.Status.DueDate).ToList();
            var units = facts.Units.ToDictionary(u => u.Id);
            var silent = items.Where(i => i.Status.NoReportThisPeriod && !i.Status.IsCompleted && i.Row.Lead is not null)
                .GroupBy(i => i.Row.Lead!.Id).Select(g => (Name: units.TryGetValue(g.Key, out var u) ? u.Name : g.First().Row.Lead!.Name, Count: g.Count()))
                .OrderBy(u => u.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
            var ranking = UnitTable.Of(facts, ItemFilter.Real).Where(r => r.Rank is not null).ToList();

            text.AppendLine($"{facts.Program.Code} – {facts.Program.Title}").AppendLine();
            html.Append($"<h2 style=\"font-size:17px\">{E(facts.Program.Code)} – {E(facts.Program.Title)}</h2>");

            text.AppendLine($"Mới quá hạn trong tuần ({newlyOverdue.Count}):");
            html.Append($"<h3 style=\"font-size:15px\">Mới quá hạn trong tuần ({newlyOverdue.Count})</h3>");
            Lines(text, html, newlyOverdue.Select(i => ($"{NoticeTexts.Name(i.Row)} (hạn {NoticeTexts.Date(i.Status.DueDate!.Value)}; {i.Row.Lead?.Name ?? "chưa giao"})", Link(site, $"muc/{i.Id}"))));

            text.AppendLine($"Đơn vị chưa báo cáo kỳ này ({silent.Count}):");
            html.Append($"<h3 style=\"font-size:15px\">Đơn vị chưa báo cáo kỳ này ({silent.Count})</h3>");
            Lines(text, html, silent.Select(u => ($"{u.Name}: {u.Count} mục chưa báo cáo", (string?)null)));

            text.AppendLine("Xếp hạng đúng hạn của các đơn vị:");
            html.Append("<h3 style=\"font-size:15px\">Xếp hạng đúng hạn của các đơn vị</h3>");
            Lines(text, html, ranking.Select(r => ($"{r.Rank}. {r.Unit.Name}: {r.OnTimeRate?.ToString("0.0", CultureInfo.GetCultureInfo("vi-VN"))}% đúng hạn, {r.Overdue} quá hạn", (string?)null)));
        }
        Footer(text, html);
        return (text.ToString(), html.ToString());
    }

    private static void Lines(StringBuilder text, StringBuilder html, IEnumerable<(string Line, string? Link)> lines)
    {
        var any = false;
        html.Append("<ul>");
        foreach (var (line, link) in lines)
        {
            any = true;
            text.AppendLine($"- {line}");
            html.Append("<li>").Append(link is null ? E(line) : $"<a href=\"{E(link)}\">{E(line)}</a>").Append("</li>");
        }
        if (!any)
        {
            text.AppendLine("- Không có.");
            html.Append("<li>Không có.</li>");
        }
        text.AppendLine();
        html.Append("</ul>");
    }

    private static void Footer(StringBuilder text, StringBuilder html)
    {
        const string footer = "Thư này do hệ thống theo dõi gửi tự động; không trả lời thư này. Chọn loại thông báo nhận qua thư hoặc ngừng nhận thư tại mục Tài khoản › Thông báo.";
        text.AppendLine("--").AppendLine(footer);
        html.Append($"<hr><p style=\"color:#555;font-size:12px\">{E(footer)}</p></body></html>");
    }

    private static int Order(NoticeKind kind) => kind switch
    {
        NoticeKind.LongOverdue => 0,
        NoticeKind.Overdue => 1,
        NoticeKind.ReportReturned => 2,
        NoticeKind.ExplanationRequested => 3,
        NoticeKind.PeriodLastDay => 4,
        NoticeKind.DeadlineSoon => 5,
        _ => 10 + (int)kind,
    };

    private static string? Link(string? site, string path) => string.IsNullOrWhiteSpace(site) ? null : $"{site.TrimEnd('/')}/{path}";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
