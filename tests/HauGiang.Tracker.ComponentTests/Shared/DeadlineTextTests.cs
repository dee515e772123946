using Bunit;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class DeadlineTextTests : ComponentTest
{
    [Fact]
    public void A_period_shows_its_words_and_its_last_day()
    {
        var cut = Render<DeadlineText>(p => p.Add(c => c.Deadline, Deadline.EndOf("Quý III/2021", new DateOnly(2021, 9, 30))));

        Assert.Equal("Quý III/2021 (30/09/2021)", cut.Find(".deadline span").TextContent);
    }

    [Fact]
    public void An_adjusted_deadline_shows_the_original_beside_it()
    {
        var original = Deadline.On(new DateOnly(2022, 6, 30));
        var cut = Render<DeadlineText>(p => p
            .Add(c => c.Deadline, Deadline.On(new DateOnly(2022, 12, 31)))
            .Add(c => c.Original, original));

        Assert.Equal("31/12/2022", cut.Find(".deadline span").TextContent);
        Assert.Contains("Hạn ban đầu: 30/06/2022", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_deadline_shows_once()
    {
        var deadline = Deadline.On(new DateOnly(2022, 6, 30));
        var cut = Render<DeadlineText>(p => p.Add(c => c.Deadline, deadline).Add(c => c.Original, deadline));

        Assert.Equal("30/06/2022", cut.Find(".deadline span").TextContent);
        Assert.Equal("30/06/2022", cut.Find(".deadline").TextContent.Trim());
        Assert.DoesNotContain("Hạn ban đầu", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Ongoing_and_unspecified_deadlines_say_so()
    {
        Assert.Contains("Thường xuyên", Render<DeadlineText>(p => p.Add(c => c.Deadline, Deadline.Ongoing())).Markup, StringComparison.Ordinal);
        Assert.Contains("Chưa xác định thời hạn", Render<DeadlineText>(p => p.Add(c => c.Deadline, Deadline.Unspecified)).Markup, StringComparison.Ordinal);
    }
}
