using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>
/// Notes whether the user did anything in a live circuit (clicks, input, navigation) since the last
/// revalidation: work in an open page makes no HTTP request, yet it is activity for the idle limit.
/// </summary>
internal sealed class CircuitActivity : CircuitHandler
{
    private int _active;

    /// <summary>Whether there was activity since the last call.</summary>
    public bool TakeSinceLastCheck() => Interlocked.Exchange(ref _active, 0) == 1;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            Volatile.Write(ref _active, 1);
            return next(context);
        };
}
