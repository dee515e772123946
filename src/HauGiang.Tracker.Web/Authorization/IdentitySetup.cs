using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Tracker.Web.Authorization;

internal static class IdentitySetup
{
    public static WebApplicationBuilder AddTrackerIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuditActorSource, HttpAuditActorSource>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AccountRedirects>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitActivity>());

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SecurityPipeline.SignInPath;
            options.AccessDeniedPath = "/tai-khoan/khong-co-quyen";
            options.Cookie.Name = "hgt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // The cookie lives no longer than its session may; idle and absolute limits are kept on the server (UserSessions).
            options.ExpireTimeSpan = UserSessions.AbsoluteLifetime;
            options.SlidingExpiration = false;
            options.Events.OnValidatePrincipal = SessionCookie.ValidatePrincipalAsync;
        });
        // A disabled account or a changed security stamp ends cookie sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = RevalidatingIdentityStateProvider.Interval;
            options.OnRefreshingPrincipal = SessionCookie.KeepSessionClaim;
        });
        services.AddTrackerAccounts()
            .AddSignInManager<TrackerSignInManager>()
            .AddClaimsPrincipalFactory<TrackerClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Keys in the database: cookies and antiforgery tokens survive restarts and work across instances.
        services.AddDataProtection().PersistKeysToDbContext<TrackerDbContext>().SetApplicationName("HauGiang.Tracker");

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSignInRateLimit(builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10));
        return builder;
    }
}
