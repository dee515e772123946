using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HauGiang.Tracker.Testing;

public enum Template
{
    /// <summary>No schema at all.</summary>
    Empty,
    /// <summary>All migrations applied, no rows.</summary>
    Migrated,
    /// <summary>Migrated and seeded with the program and the samples, on <see cref="FixedClock.SeedDay"/>.</summary>
    Seeded,
}

/// <summary>
/// Builds each template database once per test process; every test then gets its own copy
/// (CREATE DATABASE … TEMPLATE, a file copy on the server) so tests never see each other's rows.
/// </summary>
public sealed class DatabaseTemplates : IAsyncLifetime
{
    private readonly string _prefix = $"t{Environment.ProcessId}_{Guid.NewGuid():N}"[..20];
    private int _counter;

    public string TemplateName(Template template) => $"{_prefix}_{template.ToString().ToLowerInvariant()}";

    public async ValueTask InitializeAsync()
    {
        await TestPostgres.ExecuteAsync($"CREATE DATABASE {TemplateName(Template.Empty)}");
        await TestPostgres.ExecuteAsync($"CREATE DATABASE {TemplateName(Template.Migrated)}");
        await MigrateAsync(TestPostgres.ConnectionStringFor(TemplateName(Template.Migrated)));
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.ExecuteAsync($"CREATE DATABASE {TemplateName(Template.Seeded)} TEMPLATE {TemplateName(Template.Migrated)}");
        await SeedAsync(TestPostgres.ConnectionStringFor(TemplateName(Template.Seeded)));
        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// A seeded database made from scratch on another cluster (the templates live on the shared one), the same
    /// way as the <see cref="Template.Seeded"/> template: for tests that stop their cluster.
    /// </summary>
    public static async Task<TestDatabase> CreateSeededOnAsync(string adminConnectionString, string name)
    {
        await TestPostgres.ExecuteOnAsync(adminConnectionString, $"CREATE DATABASE {name}");
        var database = new TestDatabase(name, adminConnectionString);
        await MigrateAsync(database.ConnectionString);
        await SeedAsync(database.ConnectionString);
        return database;
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var db = ContextFor(connectionString);
        await db.Database.MigrateAsync();
    }

    private static Task SeedAsync(string connectionString) =>
        new DatabaseSeeder(new Factory(connectionString, new FixedClock()), new FixedClock(), NullLogger<DatabaseSeeder>.Instance).SeedAsync(includeSamples: true);

    public async Task<TestDatabase> CreateAsync(Template template = Template.Seeded)
    {
        var name = $"{_prefix}_db{Interlocked.Increment(ref _counter)}";
        await TestPostgres.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName(template)}");
        return new TestDatabase(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var template in Enum.GetValues<Template>())
        {
            await TestPostgres.ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateName(template)} WITH (FORCE)");
        }
    }

    internal static TrackerDbContext ContextFor(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase(connectionString);
        return new TrackerDbContext(options.Options);
    }

    internal sealed class Factory(string connectionString, TimeProvider? clock = null) : IDbContextFactory<TrackerDbContext>
    {
        public TrackerDbContext CreateDbContext()
        {
            var db = ContextFor(connectionString);
            db.Clock = clock ?? db.Clock;
            return db;
        }
    }
}

/// <summary>One test's own database (on the shared cluster unless another is named); dropped when the test ends.</summary>
public sealed class TestDatabase(string name, string? adminConnectionString = null) : IAsyncDisposable
{
    private readonly string _admin = adminConnectionString ?? TestPostgres.AdminConnectionString;

    public string Name { get; } = name;

    public string ConnectionString { get; } = TestPostgres.ConnectionStringFor(adminConnectionString ?? TestPostgres.AdminConnectionString, name);

    /// <summary>"Now" for everything this database records: audit instants, review stamps.</summary>
    public FixedClock Clock { get; } = new();

    public IDbContextFactory<TrackerDbContext> Factory => new DatabaseTemplates.Factory(ConnectionString, Clock);

    public TrackerDbContext NewContext()
    {
        var db = DatabaseTemplates.ContextFor(ConnectionString);
        db.Clock = Clock;
        return db;
    }

    public Task ExecuteAsync(string sql) => TestPostgres.ExecuteOnAsync(_admin, sql, Name);

    public async ValueTask DisposeAsync()
    {
        // The contexts' pool is keyed by the string they connect with (DatabaseSetup adds its session settings).
        await using (var connection = new NpgsqlConnection(DatabaseSetup.WithSessionSettings(ConnectionString)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await TestPostgres.ExecuteOnAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
