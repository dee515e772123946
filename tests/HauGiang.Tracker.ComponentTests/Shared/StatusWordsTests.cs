using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Web;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class StatusWordsTests : ComponentTest
{
    private IStringLocalizer<SharedResource> L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    [Theory]
    [InlineData(Urgency.Overdue, "Chưa hoàn thành, quá hạn")]
    [InlineData(Urgency.DueSoon, "Chưa hoàn thành, trong hạn, đến hạn trong 30 ngày")]
    [InlineData(Urgency.Unreported, "Chưa báo cáo kỳ này")]
    [InlineData(Urgency.OnTrack, "Chưa hoàn thành, trong hạn")]
    [InlineData(Urgency.Done, "Đã hoàn thành đúng hạn hoặc đã hoàn thành quá hạn")]
    public void The_unit_work_headings_speak_in_the_status_words(Urgency urgency, string words) =>
        Assert.Equal(words, L.Urgency(urgency));

    [Fact]
    public void Every_urgency_heading_begins_with_a_status_term()
    {
        var headings = Enum.GetValues<Urgency>().Select(u => L.Urgency(u)).ToList();

        Assert.All(headings, h => Assert.Contains(StatusWords.Vocabulary, t => h.StartsWith(t, StringComparison.Ordinal)));
    }
}
