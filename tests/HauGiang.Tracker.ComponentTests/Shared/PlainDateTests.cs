using Bunit;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class PlainDateTests : ComponentTest
{
    private static readonly DateOnly Issued = new(2021, 3, 1), Today = new(2026, 11, 27);

    private (IRenderedComponent<PlainDate> Field, List<DateOnly?> Sent) Render(DateOnly? value)
    {
        var sent = new List<DateOnly?>();
        var field = Render<PlainDate>(p => p.Add(c => c.Label, "Ngày").Add(c => c.Value, value).Add(c => c.Min, Issued).Add(c => c.Max, Today)
            .Add(c => c.Control, "day").Add(c => c.ValueChanged, (DateOnly? d) => sent.Add(d)));
        return (field, sent);
    }

    [Fact]
    public void Shows_the_day_and_its_bounds_in_the_browsers_date_format_under_its_label()
    {
        var (field, _) = Render(new DateOnly(2024, 6, 30));

        var input = field.Find("input[type=date][data-control=day]");
        Assert.Equal("2024-06-30", input.GetAttribute("value"));
        Assert.Equal("2021-03-01", input.GetAttribute("min"));
        Assert.Equal("2026-11-27", input.GetAttribute("max"));
        Assert.Equal("Ngày", field.Find($"label[for={input.Id}]").TextContent);
    }

    [Fact]
    public void A_year_typed_digit_by_digit_sends_only_the_finished_day()
    {
        var (field, sent) = Render(null);
        var input = field.Find("input");

        foreach (var partial in new[] { "0002-06-30", "0020-06-30", "0202-06-30", "2024-06-30" })
        {
            input.Change(partial);
        }

        Assert.Equal([new DateOnly(2024, 6, 30)], sent);
    }

    [Fact]
    public void A_day_outside_the_program_or_after_today_is_not_sent()
    {
        var (field, sent) = Render(null);

        field.Find("input").Change("2020-12-31");
        field.Find("input").Change("2026-11-28");

        Assert.Empty(sent);
    }

    [Fact]
    public void Emptying_the_field_sends_no_day_and_the_same_day_sends_nothing()
    {
        var (field, sent) = Render(new DateOnly(2024, 6, 30));

        field.Find("input").Change("2024-06-30");
        field.Find("input").Change("");

        Assert.Equal([(DateOnly?)null], sent);
    }
}
