using Bunit;
using HauGiang.Tracker.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace HauGiang.Tracker.ComponentTests.Layout;

public class HeadingFocusTests : ComponentTest
{
    private sealed class FirstPage : ComponentBase;

    private sealed class SecondPage : ComponentBase;

    [Fact]
    public void The_loaded_page_spares_a_field_being_typed_in_and_later_navigations_take_the_focus_to_the_heading()
    {
        var module = JSInterop.SetupModule("./Components/Layout/HeadingFocus.razor.js");
        module.SetupVoid("focusHeading", _ => true).SetVoidResult();

        var focus = Render<HeadingFocus>(p => p.Add(c => c.RouteData, new RouteData(typeof(FirstPage), new Dictionary<string, object?>())));
        // Other route values on the same page (another item) are no navigation.
        focus.Render(p => p.Add(c => c.RouteData, new RouteData(typeof(FirstPage), new Dictionary<string, object?> { ["ItemId"] = 7 })));
        focus.Render(p => p.Add(c => c.RouteData, new RouteData(typeof(SecondPage), new Dictionary<string, object?>())));

        var calls = module.Invocations["focusHeading"];
        Assert.Equal(2, calls.Count);
        Assert.Equal(["h1", true], calls[0].Arguments);
        Assert.Equal(["h1", false], calls[1].Arguments);
    }
}
