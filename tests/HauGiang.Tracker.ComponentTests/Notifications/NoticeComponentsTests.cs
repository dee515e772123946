using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Web.Components.Layout;
using HauGiang.Tracker.Web.Components.Pages.Notifications;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.ComponentTests.Notifications;

public class NoticeComponentsTests : ComponentTest
{
    private static readonly Actor Staff = new("u-1", "Cán bộ", new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { 7 });

    private readonly FakeInbox _inbox = new();

    public NoticeComponentsTests()
    {
        Services.AddSingleton<INoticeInbox>(_inbox);
        Services.AddScoped<NoticeSignal>();
        // The bell is in the app bar of an interactive circuit.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static NoticeView View(long id, NoticeKind kind, string title, bool read = false, string? detail = null) =>
        new(id, kind, title, detail, $"muc/{id}", new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc), read);

    [Fact]
    public void The_bell_names_the_unread_count_and_leads_to_the_notices()
    {
        _inbox.Unread = 3;

        var bell = Render<NoticeBell>(p => p.Add(c => c.Actor, Staff));

        var button = bell.Find("[data-testid=notice-bell]");
        Assert.Equal("Thông báo: 3 chưa đọc", button.GetAttribute("aria-label"));
        Assert.EndsWith("thong-bao", button.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("3", bell.Find(".mud-badge").TextContent, StringComparison.Ordinal);
        Assert.Equal(["u-1"], _inbox.AskedFor);
    }

    [Fact]
    public void With_nothing_unread_the_bell_shows_no_count()
    {
        var bell = Render<NoticeBell>(p => p.Add(c => c.Actor, Staff));

        Assert.Equal("Thông báo: không có thông báo chưa đọc", bell.Find("[data-testid=notice-bell]").GetAttribute("aria-label"));
        Assert.Empty(bell.FindAll(".mud-badge"));
    }

    [Fact]
    public void The_bell_reads_its_count_again_when_notices_are_marked_read()
    {
        _inbox.Unread = 2;
        var bell = Render<NoticeBell>(p => p.Add(c => c.Actor, Staff));
        _inbox.Unread = 0;

        Services.GetRequiredService<NoticeSignal>().NoticesRead();

        bell.WaitForAssertion(() => Assert.Equal("Thông báo: không có thông báo chưa đọc", bell.Find("[data-testid=notice-bell]").GetAttribute("aria-label")));
    }

    [Fact]
    public void The_list_marks_unread_notices_for_every_reader_and_opens_and_marks_through_its_callbacks()
    {
        var page = new NoticePage([View(1, NoticeKind.ReportReturned, "Báo cáo bị trả lại: NV-04", detail: "Lý do: Số liệu chưa khớp."), View(2, NoticeKind.ReportConfirmed, "Báo cáo đã được xác nhận: NV-05", read: true)], 2, 1, 0, 20);
        NoticeView? opened = null, marked = null;

        var list = Render<NoticeList>(p => p.Add(c => c.Page, page).Add(c => c.Open, n => opened = n).Add(c => c.MarkRead, n => marked = n));

        var unread = list.Find("[data-notice='1']");
        Assert.Contains("unread", unread.ClassList);
        Assert.Equal("Chưa đọc:", unread.QuerySelector(".visually-hidden")!.TextContent.Trim());
        Assert.Equal("Lý do: Số liệu chưa khớp.", unread.QuerySelector(".notice-detail")!.TextContent);
        Assert.Null(list.Find("[data-notice='2']").QuerySelector("[data-testid=mark-read]"));
        Assert.Equal("Đánh dấu đã đọc: Báo cáo bị trả lại: NV-04", unread.QuerySelector("[data-testid=mark-read]")!.GetAttribute("aria-label"));

        unread.QuerySelector("a")!.Click();
        Assert.Equal(1, opened?.Id);
        unread.QuerySelector("[data-testid=mark-read]")!.Click();
        Assert.Equal(1, marked?.Id);
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var list = Render<NoticeList>(p => p.Add(c => c.Page, new NoticePage([], 0, 0, 0, 20)).Add(c => c.UnreadOnly, true));

        Assert.Equal("Không có thông báo chưa đọc.", list.Find("[data-testid=no-notices]").TextContent);
    }

    private sealed class FakeInbox : INoticeInbox
    {
        public int Unread { get; set; }

        public List<string> AskedFor { get; } = [];

        public Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
        {
            AskedFor.Add(actor.UserId);
            return Task.FromResult(Unread);
        }

        public Task<NoticePage> ListAsync(Actor actor, bool unreadOnly, int pageIndex, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<string?> OpenAsync(Actor actor, long noticeId, CancellationToken ct = default) => throw new NotSupportedException();

        public Task MarkReadAsync(Actor actor, long noticeId, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
