using System.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace HauGiang.Tracker.Core.Data;

/// <summary>
/// The program's data, the accounts and the audit trail in one database. Every save of tracked data
/// writes its audit rows in the same transaction, attributed to <see cref="Actor"/>; a save with
/// tracked changes and no actor is refused.
/// </summary>
public class TrackerDbContext : IdentityDbContext<AppUser, IdentityRole, string>, IDataProtectionKeyContext
{
    private readonly IAuditActorSource? _actorSource;

    public TrackerDbContext(DbContextOptions<TrackerDbContext> options) : base(options)
    {
        // Created by the DI factory, the context can see the app's clock and who the request is for.
        var services = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        Clock = Resolve<TimeProvider>(services) ?? TimeProvider.System;
        _actorSource = Resolve<IAuditActorSource>(services);
    }

    // The last write of a stopping app (the security events' final flush) can make a context while the host
    // tears its provider down: it then runs on the system clock and no ambient actor, which it does not need.
    private static T? Resolve<T>(IServiceProvider? services) where T : class
    {
        try
        {
            return services?.GetService(typeof(T)) as T;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Who the changes of the next save are attributed to.</summary>
    public Actor? Actor { get; set; }

    /// <summary>The reason the user gave for the changes of the next save, if any.</summary>
    public string? AuditReason { get; set; }

    public TimeProvider Clock { get; set; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ActionProgram> Programs => Set<ActionProgram>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<StrategicBreakthrough> Breakthroughs => Set<StrategicBreakthrough>();
    public DbSet<SolutionGroup> Groups => Set<SolutionGroup>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<RequiredDocument> Documents => Set<RequiredDocument>();
    public DbSet<DeadlineRevision> DeadlineRevisions => Set<DeadlineRevision>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
    public DbSet<WorkItemAssignment> Assignments => Set<WorkItemAssignment>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<ReviewEvent> ReviewEvents => Set<ReviewEvent>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ExplanationRequest> ExplanationRequests => Set<ExplanationRequest>();
    public DbSet<PeriodSnapshot> PeriodSnapshots => Set<PeriodSnapshot>();
    public DbSet<IssuedExport> IssuedExports => Set<IssuedExport>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);
        SearchFunctions.Map(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StripNulCharacters();
        var recorder = AuditRecorder.Capture(ChangeTracker);
        if (!recorder.HasChanges)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (!acceptAllChangesOnSuccess)
        {
            // The audit rows are a second save in the same transaction; unaccepted changes would be written twice.
            throw new NotSupportedException("Tracked data is saved with acceptAllChangesOnSuccess: true only.");
        }
        var actor = Actor ?? _actorSource?.Current
            ?? throw new InvalidOperationException("Tracked data changed with no actor to attribute it to: set TrackerDbContext.Actor.");

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = AuditHash.Truncate(Clock.GetUtcNow().UtcDateTime);
            await AuditChain.AppendAsync(this, recorder.Complete(actor, at, AuditReason?.Replace("\0", "", StringComparison.Ordinal), _actorSource?.ClientAddress), cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        catch (InvalidOperationException ex) when (ConnectionBroke())
        {
            throw ConnectionFailure(ex);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Npgsql can find the connection dead only after a command's answer was read (the server stopped between two
    /// commands of one transaction); the next command then meets a completed transaction, an InvalidOperationException
    /// that reads like a bug. Nothing was committed: it is the database going away, and is reported as such.
    /// </summary>
    internal bool ConnectionBroke() =>
        Database.GetDbConnection() is NpgsqlConnection connection && (connection.FullState == ConnectionState.Closed || connection.FullState.HasFlag(ConnectionState.Broken));

    internal static NpgsqlException ConnectionFailure(Exception ex) =>
        new("The connection to the database broke in the middle of a transaction; nothing was committed.", ex);

    /// <summary>
    /// PostgreSQL text cannot hold U+0000, which a paste or a crafted request can carry; it means nothing
    /// to a reader, so it is dropped here, once for every write, rather than failing the save.
    /// </summary>
    private void StripNulCharacters()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
                {
                    property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, in exports and in the audit trail, and safe to reorder.
        configurationBuilder.Properties<DeadlineKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Recurrence>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PeriodKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<WorkItemKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ItemState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DocumentType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<DocumentStage>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<OrgUnitKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AssignmentRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PeriodState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EvidenceKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AmendmentChangeKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IndicatorDirection>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AuditCategory>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NoticeKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<MailKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MailState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<string>().HaveMaxLength(TextLimits.Line);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
