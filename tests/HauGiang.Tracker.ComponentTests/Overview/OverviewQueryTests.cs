using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests.Overview;

public class OverviewQueryTests
{
    [Fact]
    public void Every_bucket_has_its_own_slug_and_reads_back()
    {
        var slugs = Enum.GetValues<StatusBucket>().Select(OverviewQuery.Slug).ToList();

        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.All(Enum.GetValues<StatusBucket>(), b => Assert.Equal(b, OverviewQuery.Bucket(OverviewQuery.Slug(b))));
        Assert.Equal("qua-han-30", OverviewQuery.Slug(StatusBucket.OverdueOver30));
        Assert.Null(OverviewQuery.Bucket("khong-co"));
    }

    [Theory]
    [InlineData("2024-06-30", true)]
    [InlineData("30/06/2024", false)]
    [InlineData("abc", false)]
    [InlineData(null, false)]
    public void A_day_is_read_only_in_the_URL_form(string? text, bool parses)
    {
        Assert.Equal(parses ? new DateOnly(2024, 6, 30) : null, OverviewQuery.Day(text));
        Assert.Equal("2024-06-30", OverviewQuery.Format(new DateOnly(2024, 6, 30)));
    }

    [Fact]
    public void The_list_link_carries_program_period_scope_samples_kind_bucket_and_comparison()
    {
        var href = OverviewQuery.ListHref(new FactsRequest(2, null, 9), new ItemFilter(3, 4, 5, WorkItemKind.Document, StatusBucket.Undated, true), comparePeriodId: 8);

        Assert.Equal("/danh-sach?chuong-trinh=2&ky=9&ky-so-sanh=8&mau=1&dot-pha=3&nhom=4&don-vi=5&loai=van-ban&trang-thai=chua-xac-dinh-thoi-han", href);
        Assert.Equal("/danh-sach?ngay=2024-06-30&so-sanh=2024-01-01&trang-thai=tat-ca",
            OverviewQuery.ListHref(new FactsRequest(AsOf: new DateOnly(2024, 6, 30)), ItemFilter.Real, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void A_list_query_reads_back_into_the_same_request_and_filter()
    {
        Assert.Equal(new FactsRequest(2, new DateOnly(2024, 6, 30), null), OverviewQuery.Request("2", "2024-06-30", "x"));
        Assert.Equal(new ItemFilter(3, null, 5, WorkItemKind.Document, StatusBucket.Overdue, true), OverviewQuery.Filter("3", "", "5", "1", "van-ban", "qua-han"));
    }
}
