using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Data;

public class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : DbContext(options)
{
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrackerDbContext).Assembly);
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
        configurationBuilder.Properties<string>().HaveMaxLength(TextLimits.Line);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
