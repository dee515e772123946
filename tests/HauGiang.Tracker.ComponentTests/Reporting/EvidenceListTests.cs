using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Web.Components.Pages.Reporting;

namespace HauGiang.Tracker.ComponentTests.Reporting;

public class EvidenceListTests : ComponentTest
{
    private static EvidenceView Link(int id, string? url, string description) => new(id, EvidenceKind.Link, description, null, null, null, null, null, url);

    [Fact]
    public void Only_a_web_address_becomes_a_link_and_the_sample_without_one_stays_text()
    {
        var cut = Render<EvidenceList>(p => p.Add(c => c.Evidence,
        [
            Link(1, "https://haugiang.gov.vn/tin", "Tin bài"),
            Link(2, null, "Minh chứng mẫu (báo cáo kết quả), không có tài liệu thật"),
            Link(3, "about:blank", "Địa chỉ không dùng được"),
        ]));

        Assert.Equal("https://haugiang.gov.vn/tin", cut.Find("[data-evidence='1'] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-evidence='2'] a"));
        Assert.Contains("Minh chứng mẫu", cut.Find("[data-evidence='2']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-evidence='3'] a"));
        Assert.DoesNotContain("href=\"about:blank\"", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_is_a_plain_list_so_its_links_and_buttons_are_not_nested_in_a_control()
    {
        var cut = Render<EvidenceList>(p => p
            .Add(c => c.Evidence, [Link(1, "https://haugiang.gov.vn/tin", "Tin bài")])
            .Add(c => c.OnRemove, _ => Task.CompletedTask));

        var item = cut.Find("[data-evidence='1']");
        Assert.Equal("LI", item.TagName);
        Assert.Null(item.GetAttribute("role"));
        Assert.Null(item.GetAttribute("tabindex"));
        Assert.Single(cut.FindAll("[data-testid=remove-evidence]"));
    }
}
