using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// The real app (Program.cs and all) on a test database, with a fixed clock. With
/// <see cref="StartOnRealPort"/> it listens on a Kestrel port a browser can reach.
/// </summary>
public sealed class TrackerApp(TestDatabase database, FixedClock? clock = null) : WebApplicationFactory<Program>
{
    public FixedClock Clock { get; } = clock ?? new FixedClock();

    public Uri? RootUri { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Tracker", database.ConnectionString);
        builder.UseSetting("Database:SeedSamples", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "haugiang-tracker-tests", "tracker-.json"));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>Starts the app on a free 127.0.0.1 port and returns its root address.</summary>
    public Uri StartOnRealPort()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        RootUri = new Uri($"http://127.0.0.1:{port}/");
        return RootUri;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
