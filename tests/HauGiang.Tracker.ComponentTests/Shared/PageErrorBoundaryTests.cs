using Bunit;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class PageErrorBoundaryTests : ComponentTest
{
    /// <summary>A page whose button does what a service does when the person's permission was withdrawn mid-session.</summary>
    private sealed class RefusingPage : ComponentBase
    {
        [Parameter]
        public Exception Failure { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "onclick", EventCallback.Factory.Create(this, () => throw Failure));
            builder.AddContent(2, "Lưu");
            builder.CloseElement();
        }
    }

    private IRenderedComponent<PageErrorBoundary> RenderAround(Exception failure) =>
        Render<PageErrorBoundary>(p => p.AddChildContent<RefusingPage>(c => c.Add(x => x.Failure, failure)));

    [Fact]
    public void A_refused_write_shows_the_access_notice_instead_of_ending_the_session()
    {
        var cut = RenderAround(new AccessDeniedException(Operation.ReportProgress, "refused"));

        cut.Find("button").Click();

        Assert.Contains("không có quyền", cut.Find("[data-testid=access-denied]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Any_other_failure_shows_a_plain_message_and_recovers()
    {
        var cut = RenderAround(new InvalidOperationException("boom"));

        cut.Find("button").Click();
        Assert.Single(cut.FindAll("[data-testid=page-error]"));

        cut.InvokeAsync(() => cut.Instance.Recover());
        Assert.Single(cut.FindAll("button"));
    }
}
