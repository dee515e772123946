using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;

namespace HauGiang.Tracker.UnitTests.Status;

public class UrgencyOrderTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ItemStatus Open(DateOnly? due, bool noReport = false, ProgressAxis axis = ProgressAxis.OpenWithinDeadline) =>
        new(axis, null, false, noReport, due, null);

    [Fact]
    public void Overdue_comes_before_due_soon_before_unreported_before_on_track_before_done()
    {
        var statuses = new Dictionary<string, ItemStatus>
        {
            ["done"] = new(ProgressAxis.DoneLate, null, false, false, Today.AddDays(-90), Today.AddDays(-10)),
            ["on track"] = Open(Today.AddDays(200)),
            ["unreported"] = Open(Today.AddDays(200), noReport: true),
            ["due soon"] = Open(Today.AddDays(UrgencyOrder.DueSoonDays), noReport: true),
            ["overdue"] = Open(Today.AddDays(-1), axis: ProgressAxis.Overdue),
        };

        var order = statuses.OrderBy(s => UrgencyOrder.Of(s.Value, Today)).Select(s => s.Key);

        Assert.Equal(["overdue", "due soon", "unreported", "on track", "done"], order);
    }

    [Fact]
    public void One_day_past_the_due_soon_window_is_no_longer_due_soon()
    {
        Assert.Equal(Urgency.DueSoon, UrgencyOrder.Of(Open(Today.AddDays(UrgencyOrder.DueSoonDays)), Today));
        Assert.Equal(Urgency.OnTrack, UrgencyOrder.Of(Open(Today.AddDays(UrgencyOrder.DueSoonDays + 1)), Today));
        Assert.Equal(Urgency.OnTrack, UrgencyOrder.Of(Open(null), Today));
    }
}
