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
public sealed class TrackerApp(TestDatabase database, FixedClock? clock = null, Dictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public FixedClock Clock { get; } = clock ?? database.Clock;

    public Uri? RootUri { get; private set; }

    /// <summary>"Production" for what only a real installation does (HSTS, HTTPS redirect, Secure cookies); HTTP-level tests only,
    /// since the build output in Production serves no blazor.web.js.</summary>
    public string EnvironmentName { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Tracker", database.ConnectionString);
        builder.UseSetting("Database:SeedSamples", "false");
        // Notices and digests are computed by the tests themselves, with the fixed clock, not by the schedule.
        builder.UseSetting("Notifications:Schedule", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:HauGiang.Tracker.Startup", "Error");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "haugiang-tracker-tests", "tracker-.json"));
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A client that follows no redirect (tests look at them) and keeps cookies.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new account in the role (and units), signed in on a fresh client.</summary>
    public async Task<(HttpClient Client, HauGiang.Tracker.Core.Domain.AppUser User)> SignedInAsync(string role, params string[] unitCodes)
    {
        var user = await TestUsers.CreateAsync(Services, $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@thu.local", role, unitCodes);
        var client = CreatePlainClient();
        using var response = await FormPost.SignInAsync(client, user.Email!);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user.Email} answered {response.StatusCode}.");
        }
        return (client, user);
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
