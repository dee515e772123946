using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>Accounts without the web: users, roles, password rules and hashing. The host adds sign-in and cookies.</summary>
public static class AccountsSetup
{
    /// <summary>OWASP (2023) asks at least 210,000 iterations of PBKDF2-HMAC-SHA512, the hash Identity's v3 format uses.</summary>
    public const int PasswordHashIterations = 210_000;

    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddTrackerAccounts(this IServiceCollection services)
    {
        services.AddSingleton<UserSessions>();
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);
        return services.AddIdentityCore<AppUser>(options =>
            {
                // Length, not composition (NIST SP 800-63B); CommonPasswordValidator refuses the guessable ones.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrackerDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<AppUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
