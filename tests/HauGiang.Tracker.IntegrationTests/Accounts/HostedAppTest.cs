using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>The whole app (Program.cs and all) on a database of its own, for tests that sign in over HTTP.</summary>
public abstract class HostedAppTest(DatabaseTemplates templates) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected TrackerApp App { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await templates.CreateAsync();
        App = new TrackerApp(Database);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
