using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Core.Features.Overview;
using Quartz;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// The reminders' schedule, run by Quartz: the notices every minute (so a return, a confirmation or a question
/// reaches the bell within a minute; deadlines and periods are recomputed each time from today's facts), the
/// mail queue every minute, the digests from 07:00 Vietnam time, every quarter of an hour until 17:45 (daily)
/// and every hour from Monday to Friday (weekly). Only the first run that finds something makes a person's
/// digest for the day (the week); the later runs catch up after a restart or a stop over 07:00. Running twice,
/// after a restart or on a second instance, adds nothing: each notice and each digest has its own unique key in
/// the database, and queued mail is taken with SKIP LOCKED.
/// </summary>
public static class NotificationJobs
{
    public const string SectionName = "Notifications";

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static WebApplicationBuilder AddTrackerNotifications(this WebApplicationBuilder builder)
    {
        var mail = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        builder.Services.AddTrackerMail(mail);
        builder.Services.AddHostedService<MailSwitchLog>();
        // Tests compute notices and digests by calling the services with a fixed clock; the schedule stays off there.
        if (!builder.Configuration.GetValue($"{SectionName}:Schedule", true))
        {
            return builder;
        }
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ScheduleJob<NoticeScanJob>(trigger => On(trigger, "0 * * * * ?"), job => job.WithIdentity(nameof(NoticeScanJob)));
            quartz.ScheduleJob<MailSendJob>(trigger => On(trigger, "30 * * * * ?"), job => job.WithIdentity(nameof(MailSendJob)));
            quartz.ScheduleJob<DailyDigestJob>(trigger => On(trigger, "0 0/15 7-17 * * ?"), job => job.WithIdentity(nameof(DailyDigestJob)));
            quartz.ScheduleJob<WeeklyDigestJob>(trigger => On(trigger, "0 30 7-17 ? * MON-FRI"), job => job.WithIdentity(nameof(WeeklyDigestJob)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }

    private static void On<TJob>(ITriggerConfigurator<TJob> trigger, string cron)
        where TJob : IJob =>
        trigger.WithIdentity($"{typeof(TJob).Name}-trigger")
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(Vietnam));

    /// <summary>Says once at start where e-mail goes, or that it is off.</summary>
    private sealed class MailSwitchLog(IServiceProvider services, ILogger<MailSwitchLog> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (services.GetService<IMailTransport>() is { } transport)
            {
                logger.LogInformation("E-mail goes to {Route}.", transport.Describe());
            }
            else
            {
                logger.LogWarning("E-mail is off (set {Section}:SmtpHost, or {Section}:OutboxFolder in development): notices stay in the app only.",
                    MailOptions.Section, MailOptions.Section);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

[DisallowConcurrentExecution]
internal sealed class NoticeScanJob(NoticeScanner scanner, ProgramFactsStore facts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await scanner.ScanAsync(cancellationToken);
        // The scan has just read every program's facts for today: keep their folds for a new process to start from.
        await facts.KeepFoldsAsync(cancellationToken);
    }
}

[DisallowConcurrentExecution]
internal sealed class MailSendJob(MailDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.SendDueAsync(cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class DailyDigestJob(DigestService digests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await digests.QueueDailyAsync(cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class WeeklyDigestJob(DigestService digests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await digests.QueueWeeklyAsync(cancellationToken);
}
