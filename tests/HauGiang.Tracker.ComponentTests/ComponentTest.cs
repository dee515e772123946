using Bunit;
using HauGiang.Tracker.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HauGiang.Tracker.ComponentTests;

/// <summary>A bUnit context with what every page of the app has: MudBlazor and the Vietnamese strings.</summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        _ = typeof(SharedResource);
    }
}
