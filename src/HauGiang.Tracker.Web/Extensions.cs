using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Web.Authorization;
using HauGiang.Tracker.Web.Components;
using HauGiang.Tracker.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using MudBlazor.Services;
using Serilog;

namespace HauGiang.Tracker.Web;

public static class Extensions
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Largest message the browser may send on the circuit: still a bound, against memory exhaustion.</summary>
    public const int MaximumCircuitMessageBytes = 256 * 1024;

    public static WebApplicationBuilder AddTrackerServices(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: several hosts (tests) may run in one process.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);

        var connectionString = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName) ?? string.Empty;
        builder.Services.AddTrackerCore(connectionString, builder.Configuration.GetConnectionString(ReadOnlyDatabase.ConnectionStringName));
        builder.Services.AddHostedService<SecurityEventFlusher>();
        builder.Services.AddSingleton<ReviewExportFiles>();
        builder.AddTrackerNotifications();
        builder.Services.AddScoped<HauGiang.Tracker.Web.Components.Shared.NoticeSignal>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TrackerDbContext>("database");

        builder.AddTrackerIdentity();
        builder.Services.AddReverseProxySupport(builder.Configuration, builder.Environment.IsDevelopment());

        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Vietnamese text goes out as UTF-8, not as a numeric entity per accented letter.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // A report field holds 20,000 characters; in Vietnamese (3 bytes a letter in UTF-8) one change event
        // carries the text about twice, far past SignalR's 32 KB default, which dropped the circuit and the text.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = MaximumCircuitMessageBytes);
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseTrackerPipeline(this WebApplication app)
    {
        // First: everything after it (HSTS, redirect, rate limit, audit, origin check) sees the client and its scheme.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseTransportSecurity();
        }
        app.UseSerilogRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        });
        app.UseSecurityHeaders(app.Environment.IsDevelopment());
        app.UseHubOriginCheck(app.Configuration);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorEnrollment();
        app.UseAntiforgery();
        app.UseForgedFormRefusal();

        app.MapAccountEndpoints();
        app.MapAuditEndpoints();
        app.MapDownloadEndpoints();
        app.MapRoadmapEndpoints();
        app.MapReviewExportEndpoints();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            // For the benchmark's circuits measure: the managed heap after full collections, from this machine only.
            app.MapGet("/_dev/managed-heap", (HttpContext context) => context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? Results.Text(ManagedHeapBytes().ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Results.NotFound()).AllowAnonymous();
        }
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static long ManagedHeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // Anonymous callers (probes) learn only healthy or not; what failed goes to the log, never to the caller.
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }
}
