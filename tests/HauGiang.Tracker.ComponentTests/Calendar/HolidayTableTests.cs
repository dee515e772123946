using Bunit;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Web.Components.Pages.Calendar;

namespace HauGiang.Tracker.ComponentTests.Calendar;

public class HolidayTableTests : ComponentTest
{
    private static readonly HolidayRow[] Rows =
    [
        new(1, new DateOnly(2027, 2, 6), "Tết Nguyên đán (mùng 1)", true, 1),
        new(2, new DateOnly(2027, 2, 10), "Nghỉ bù Tết Nguyên đán (mùng 1)", false, 1),
    ];

    private static Actor As(string role) => new("u", "u", new HashSet<string> { role }, new HashSet<int>());

    private IRenderedComponent<HolidayTable> TableFor(Actor actor, Action<HolidayRow>? edit = null) =>
        Render<HolidayTable>(p => p.AddCascadingValue(actor).Add(c => c.Rows, Rows).Add(c => c.OnEdit, edit ?? (_ => { })));

    [Fact]
    public void Each_day_off_shows_its_date_weekday_name_and_source_in_Vietnamese()
    {
        var cut = TableFor(As(Roles.Leader));

        var cells = cut.Find("[data-holiday='2027-02-06']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["06/02/2027", "Thứ Bảy", "Tết Nguyên đán (mùng 1)", "Mặc định"], cells);
        Assert.Equal("Đã điều chỉnh", cut.Find("[data-holiday='2027-02-10']").QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("Thứ Tư", cut.Find("[data-holiday='2027-02-10']").QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public void Only_administrators_get_edit_and_remove()
    {
        Assert.Empty(TableFor(As(Roles.Leader)).FindAll("[data-testid=edit-holiday], [data-testid=remove-holiday]"));
        Assert.Equal(2, TableFor(As(Roles.Administrator)).FindAll("[data-testid=remove-holiday]").Count);
    }

    [Fact]
    public void Edit_hands_the_row_to_the_page()
    {
        HolidayRow? edited = null;
        var cut = TableFor(As(Roles.Administrator), row => edited = row);

        cut.FindAll("[data-testid=edit-holiday]")[1].Click();

        Assert.Equal(2, edited?.Id);
    }
}
