using Bunit;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Interfaces;

namespace HauGiang.Tracker.ComponentTests.Layout;

public class NavMenuTests : ComponentTest
{
    private static readonly Actor Leader = new("u", "u", new HashSet<string> { Roles.Leader }, new HashSet<int>());

    private sealed class Drawer : INavigationEventReceiver
    {
        public int Told { get; private set; }

        public Task OnNavigation()
        {
            Told++;
            return Task.CompletedTask;
        }
    }

    private IRenderedComponent<NavMenu> Menu(Drawer? drawer = null) =>
        Render<NavMenu>(p =>
        {
            p.AddCascadingValue(Leader);
            if (drawer is not null)
            {
                p.AddCascadingValue<INavigationEventReceiver>(drawer);
            }
        });

    private static List<string> Current(IRenderedComponent<NavMenu> nav) =>
        [.. nav.FindAll("a.mud-nav-link[aria-current=page]").Select(a => a.TextContent.Trim())];

    [Theory]
    [InlineData("", "Tổng quan")]
    [InlineData("?ngay=2024-06-30", "Tổng quan")]
    [InlineData("lo-trinh", "Lộ trình")]
    [InlineData("Lo-Trinh?don-vi=3", "Lộ trình")]
    [InlineData("nhiem-vu/12", "Nhiệm vụ")]
    public void The_link_of_the_page_shown_is_marked_current_and_active(string address, string link)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(address);

        var nav = Menu();

        Assert.Equal([link], Current(nav));
        Assert.Contains("active", nav.Find("a[aria-current=page]").ClassList);
        Assert.Single(nav.FindAll("a.active"));
    }

    [Fact]
    public void A_link_that_only_starts_like_the_address_is_not_current()
    {
        // "bao-cao-kiem-diem" starts with "bao-cao": the reports link must not light up with the review reports.
        Services.GetRequiredService<NavigationManager>().NavigateTo("bao-cao-kiem-diem");

        Assert.Equal(["Báo cáo kiểm điểm"], Current(Menu()));
    }

    [Fact]
    public void Moving_to_another_page_moves_the_mark()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var nav = Menu();
        Assert.Equal(["Tổng quan"], Current(nav));

        navigation.NavigateTo("van-ban");

        nav.WaitForAssertion(() => Assert.Equal(["Văn bản"], Current(nav)));
    }

    [Fact]
    public void Following_a_link_tells_the_drawer_so_it_closes_where_it_covers_the_page()
    {
        var drawer = new Drawer();
        var nav = Menu(drawer);

        nav.Find("a[href=lo-trinh]").Click();

        Assert.Equal(1, drawer.Told);
    }
}
