using Bunit;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Web.Components.Layout;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HauGiang.Tracker.ComponentTests.Layout;

public class RoleVisibilityTests : ComponentTest
{
    private static Actor As(string role, params int[] units) => new("u", "u", new HashSet<string> { role }, units.ToHashSet());

    /// <summary>The links every signed-in person sees, whatever the role.</summary>
    private static readonly string[] Public = ["Tổng quan", "Lộ trình", "Đột phá", "Nhóm nhiệm vụ, giải pháp", "Nhiệm vụ", "Văn bản", "Đơn vị", "Chỉ tiêu", "Báo cáo", "Kiểm tra bản in"];

    private IRenderedComponent<NavMenu> NavFor(Actor? actor) =>
        actor is null ? Render<NavMenu>() : Render<NavMenu>(p => p.AddCascadingValue(actor));

    private static List<string> Links(IRenderedComponent<NavMenu> nav) => [.. nav.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim())];

    [Fact]
    public void Administrators_see_user_management_and_not_the_audit_trail()
    {
        var nav = NavFor(As(Roles.Administrator));

        Assert.Single(nav.FindAll("[data-nav=users]"));
        Assert.Empty(nav.FindAll("[data-nav=audit]"));
    }

    [Fact]
    public void Auditors_see_the_audit_trail_and_not_user_management()
    {
        var nav = NavFor(As(Roles.Auditor));

        Assert.Single(nav.FindAll("[data-nav=audit]"));
        Assert.Empty(nav.FindAll("[data-nav=users]"));
    }

    [Theory]
    [InlineData(Roles.UnitStaff)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.MonitoringOffice)]
    public void Other_roles_see_neither(string role)
    {
        var nav = NavFor(As(role));

        Assert.Empty(nav.FindAll("[data-nav=users]"));
        Assert.Empty(nav.FindAll("[data-nav=audit]"));
        Assert.All(Public, link => Assert.Contains(link, Links(nav)));
    }

    [Theory]
    [InlineData(Roles.Leader, true)]
    [InlineData(Roles.Auditor, true)]
    [InlineData(Roles.MonitoringOffice, true)]
    [InlineData(Roles.UnitStaff, false)]
    [InlineData(Roles.Administrator, false)]
    public void Review_reports_show_to_the_roles_that_may_export_them(string role, bool shown)
    {
        var nav = NavFor(As(role));

        Assert.Equal(shown, nav.FindAll("[data-nav=review-reports]").Count == 1);
        Assert.Contains("Kiểm tra bản in", Links(nav));
    }

    [Fact]
    public void Without_an_actor_nothing_guarded_shows()
    {
        var nav = NavFor(null);

        Assert.Equal(Public, Links(nav));
        Assert.Empty(nav.FindAll("[data-nav]"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void An_action_on_an_item_shows_only_to_staff_of_its_lead_unit(int leadUnit, bool shown)
    {
        RenderFragment button = b => b.AddMarkupContent(0, "<button data-action=\"report\">Báo cáo</button>");
        var cut = Render<IfAllowed>(p => p
            .AddCascadingValue(As(Roles.UnitStaff, 1))
            .Add(c => c.Operation, Operation.ReportProgress)
            .Add(c => c.Scope, UnitScope.Lead(leadUnit))
            .Add(c => c.ChildContent, button)
            .Add(c => c.Otherwise, (RenderFragment)(b => b.AddMarkupContent(0, "<span data-otherwise></span>"))));

        Assert.Equal(shown, cut.FindAll("[data-action=report]").Count == 1);
        Assert.Equal(!shown, cut.FindAll("[data-otherwise]").Count == 1);
    }

    [Fact]
    public void Unit_staff_see_their_work_list_and_the_office_its_review_queue()
    {
        var staff = NavFor(As(Roles.UnitStaff, 3));
        Assert.Single(staff.FindAll("[data-nav=my-work]"));
        Assert.Empty(staff.FindAll("[data-nav=review]"));

        var office = NavFor(As(Roles.MonitoringOffice));
        Assert.Single(office.FindAll("[data-nav=review]"));
        Assert.Empty(office.FindAll("[data-nav=my-work]"));
    }
}
