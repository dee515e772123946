using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>"Production" for what only a real installation does (the error page, HSTS, HTTPS redirect, Secure cookies).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Services a test adds to the app's own (after them), e.g. a fault to provoke.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (EnvironmentName != "Development")
        {
            // A published app serves the framework's scripts (blazor.web.js) from its own wwwroot; run from the build
            // output, they are found through the static web assets manifest, which only Development reads by default.
            builder.UseStaticWebAssets();
        }
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
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            ExtraServices?.Invoke(services);
        });
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

    /// <summary>
    /// Starts the app with TLS only on a free 127.0.0.1 port, as it runs behind nothing, and returns its root address
    /// under <paramref name="host"/> (which the browser must resolve to 127.0.0.1).
    /// </summary>
    public Uri StartOnRealTlsPort(X509Certificate2 certificate, string host)
    {
        var port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        StartServer();
        RootUri = new Uri($"https://{host}:{port}/");
        return RootUri;
    }

    /// <summary>A throwaway self-signed certificate for <paramref name="host"/>, valid for a day.</summary>
    public static X509Certificate2 SelfSignedCertificate(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so the private key is one the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
