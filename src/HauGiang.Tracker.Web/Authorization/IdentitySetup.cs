using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
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
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        // A disabled account or a changed security stamp ends cookie sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = RevalidatingIdentityStateProvider.Interval);
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
