using HauGiang.Tracker.Core.Features.Audit;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// Writes the counted refusals of each closed minute (see <see cref="SecurityEventThrottle"/>), and
/// whatever is still counted when the app stops, so a restart loses no count.
/// </summary>
internal sealed partial class SecurityEventFlusher(SecurityEvents events, TimeProvider clock, ILogger<SecurityEventFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await events.FlushAsync(all: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed write keeps its counts for the next round; the loop must live on
            catch (Exception error)
#pragma warning restore CA1031
            {
                LogFlushFailed(logger, error);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await events.FlushAsync(all: true, cancellationToken);
        }
        catch (ObjectDisposedException error)
        {
            // Several hosts in one process (the tests) share EF's cached internal services, which can hold on to a
            // host already disposed: say so rather than fail the shutdown. One app per process never meets this.
            LogFlushFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Counted security events could not be written; they are kept for the next attempt")]
    private static partial void LogFlushFailed(ILogger logger, Exception error);
}
