using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Notifications;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.ReviewReports;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Core.Features.Search;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.Seeding;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Units;
using HauGiang.Tracker.Core.Features.Workbook;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HauGiang.Tracker.Core;

public static class DependencyInjection
{
    /// <summary>The model, the database and the feature services; the host adds who the user is.</summary>
    /// <param name="readOnlyConnectionString">A read-only copy (hot standby) the read model may compute its facts on; null: the primary only.</param>
    public static IServiceCollection AddTrackerCore(this IServiceCollection services, string connectionString, string? readOnlyConnectionString = null)
    {
        services.AddDbContextFactory<TrackerDbContext>(options => options.UseTrackerDatabase(connectionString));
        services.AddSingleton(new ReadOnlyDatabase(readOnlyConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseSeeder>();
        services.AddSingleton<ProgramStructureService>();
        services.AddSingleton<OrgUnitDirectory>();
        services.AddSingleton<ReportingPeriodService>();
        services.AddSingleton<SecurityEventThrottle>();
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<AccessGuard>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditTrailService>();
        services.AddSingleton<ActorDirectory>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<AccountSeeder>();
        services.AddSingleton<StructureEditor>();
        services.AddSingleton<ItemRetirement>();
        services.AddSingleton<ProgramEditor>();
        services.AddSingleton<UnitAdministration>();
        services.AddSingleton<AmendmentService>();
        services.AddSingleton<IndicatorAdministration>();
        services.AddSingleton<IndicatorDirectory>();
        services.AddSingleton<StructureWorkbookService>();
        services.AddSingleton<ProgressReportService>();
        services.AddSingleton<EvidenceService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<DeadlineAdjustmentService>();
        services.AddSingleton<ExplanationService>();
        services.AddSingleton<IndicatorValueService>();
        services.AddSingleton<UnitWorkService>();
        services.AddSingleton<ItemDetailService>();
        services.AddSingleton<ItemFiles>();
        services.AddSingleton<PeriodAdministration>();
        services.AddSingleton<HolidayService>();
        services.AddSingleton<ProgramFactsStore>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<RoadmapService>();
        services.AddSingleton<ReviewReportBuilder>();
        services.AddSingleton<IReviewReportWriter, XlsxReportWriter>();
        services.AddSingleton<IReviewReportWriter, PdfReportWriter>();
        services.AddSingleton<IReviewReportWriter, DocxReportWriter>();
        services.AddSingleton<IReviewReportWriter, CsvReportWriter>();
        services.AddSingleton<ReviewExportService>();
        services.AddSingleton<IssuedExportChecker>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<INoticeInbox>(provider => provider.GetRequiredService<NoticeService>());
        services.AddSingleton<NoticeScanner>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<MailDispatcher>();
        services.AddSingleton<MailQueueService>();
        services.AddTrackerMail(new MailOptions());
        return services;
    }

    /// <summary>
    /// Where e-mail goes: SMTP when a host is set, .eml files when an outbox folder is (development), nowhere
    /// otherwise (<see cref="IMailTransport"/> is then null, and digests are not made). Called again to replace the settings.
    /// </summary>
    public static IServiceCollection AddTrackerMail(this IServiceCollection services, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.RemoveAll<MailOptions>();
        services.RemoveAll<IMailTransport>();
        services.AddSingleton(options);
        if (!string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            services.AddSingleton<IMailTransport>(new SmtpMailTransport(options));
        }
        else if (!string.IsNullOrWhiteSpace(options.OutboxFolder))
        {
            services.AddSingleton<IMailTransport>(new OutboxFolderTransport(options));
        }
        return services;
    }
}
