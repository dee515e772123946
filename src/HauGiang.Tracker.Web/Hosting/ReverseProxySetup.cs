using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// A real installation runs behind a TLS proxy. X-Forwarded-For and X-Forwarded-Proto count only when
/// they come from an address in <c>ReverseProxy:KnownProxies</c> or <c>ReverseProxy:KnownNetworks</c>
/// (none by default), so the rate limit and the audit trail see the client, and HSTS, the HTTPS
/// redirect and Secure cookies see TLS; from anywhere else the headers are ignored.
/// </summary>
internal static class ReverseProxySetup
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section, "KnownProxies").Select(ParseAddress).ToList();
        var networks = Values(section, "KnownNetworks").Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // None configured, none read: a connection without a remote address (a test server) would otherwise count as trusted.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            // The framework trusts loopback by default: another process on the host could then forge a client address.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        if (proxies.Count + networks.Count > 0)
        {
            // The proxy terminates TLS, usually on 443; the app itself has no HTTPS endpoint to discover.
            services.AddHttpsRedirection(options => options.HttpsPort = section.GetValue("HttpsPort", 443));
        }
        if (!isDevelopment)
        {
            // Every cookie (sign-in, two-factor, antiforgery) only over TLS; browsers accept this on http://localhost too.
            services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        }
        return services;
    }

    /// <summary>Outside development, after the forwarded headers: HSTS, the HTTPS redirect and the cookie policy.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        app.UseHsts();
        // A load balancer's probe of /health comes over the internal plain-HTTP hop and must not be redirected.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        return app.UseCookiePolicy();
    }

    // Either a list (ReverseProxy__KnownProxies__0=…) or one comma-separated value (ReverseProxy__KnownProxies=a,b).
    private static IEnumerable<string> Values(IConfigurationSection section, string key)
    {
        var entry = section.GetSection(key);
        var values = entry.Value is { } single ? single.Split(',') : entry.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static IPAddress ParseAddress(string value) => IPAddress.TryParse(value, out var address)
        ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies: “{value}” không phải là một địa chỉ IP.");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var network)
        ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks: “{value}” không phải là một dải địa chỉ dạng 10.0.0.0/8.");
}
