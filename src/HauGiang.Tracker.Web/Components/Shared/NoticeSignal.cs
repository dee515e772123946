namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>One per circuit: the notices page says when it marked notices read, and the bell reads its count again.</summary>
public sealed class NoticeSignal
{
    public event Action? Read;

    public void NoticesRead() => Read?.Invoke();
}
