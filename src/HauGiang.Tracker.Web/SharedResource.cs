using System.Resources;

[assembly: NeutralResourcesLanguage("vi")]

namespace HauGiang.Tracker.Web;

/// <summary>
/// Marker for the UI strings in Resources/SharedResource.resx (Vietnamese, the neutral language).
/// An English SharedResource.en.resx can follow without touching a component.
/// </summary>
public sealed class SharedResource;
