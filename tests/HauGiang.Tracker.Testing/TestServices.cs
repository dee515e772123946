using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HauGiang.Tracker.Testing;

/// <summary>The app's services without the web host: what service-level tests call directly, bypassing every page.</summary>
public static class TestServices
{
    /// <param name="configure">Changes after the app's own registrations (e.g. the mail settings).</param>
    public static ServiceProvider Build(TestDatabase database, FixedClock? clock = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrackerCore(database.ConnectionString);
        services.AddTrackerAccounts();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock ?? database.Clock));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
