using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests;

/// <summary>
/// A test class's own database, copied from the migrated and seeded template, with the app's services over it
/// and actors for each role; "today" is 27/11/2026 (Quý IV/2026 open).
/// </summary>
public abstract class ServiceFixture(DatabaseTemplates templates) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;
    protected Dictionary<string, int> Units { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static readonly Actor Office = new("office-1", "Văn phòng thử", new HashSet<string> { Roles.MonitoringOffice }, new HashSet<int>());
    protected static readonly Actor Leader = new("leader-1", "Lãnh đạo thử", new HashSet<string> { Roles.Leader }, new HashSet<int>());
    protected static readonly Actor Admin = new("admin-1", "Quản trị thử", new HashSet<string> { Roles.Administrator }, new HashSet<int>());

    public virtual async ValueTask InitializeAsync()
    {
        Database = await templates.CreateAsync();
        Services = TestServices.Build(Database);
        await using var db = Database.NewContext();
        Units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, u => u.Id, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected Actor Staff(string unitCode) => new($"staff-{unitCode}", $"Cán bộ {unitCode}", new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { Units[unitCode] });

    protected async Task<int> ItemIdAsync(string code)
    {
        await using var db = Database.NewContext();
        return await db.WorkItems.Where(i => i.Code == code).Select(i => i.Id).SingleAsync(Ct);
    }

    protected async Task<uint> ItemVersionAsync(string code)
    {
        await using var db = Database.NewContext();
        return await db.WorkItems.Where(i => i.Code == code).Select(i => i.Version).SingleAsync(Ct);
    }

    protected async Task<ReportingPeriod> PeriodAsync(string label)
    {
        await using var db = Database.NewContext();
        return await db.Periods.AsNoTracking().SingleAsync(p => p.Label == label, Ct);
    }

    protected async Task<ItemRow> RowAsync(string code) =>
        (await Get<ProgramStructureService>().GetAsync(ct: Ct))!.AllItems.Single(i => i.Code == code);

    protected Task<IReadOnlyDictionary<string, (long Rows, long MaxXmin)>> FingerprintAsync() => DatabaseFingerprint.TakeAsync(Database, Ct);
}
