using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Testing;

/// <summary>Accounts made for a test, straight through Identity (no admin page in the way).</summary>
public static class TestUsers
{
    /// <summary>Long, uncommon, and the same for every test account.</summary>
    public const string Password = "Mùa lúa chín trên sông Hậu 2026";

    public static async Task<AppUser> CreateAsync(IServiceProvider services, string email, string role, params string[] unitCodes)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDbContext>();
        db.Actor = Actor.System("test");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, FullName = $"Người thử {role}", EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        foreach (var code in unitCodes)
        {
            db.UserUnits.Add(new UserUnit { UserId = user.Id, OrgUnitId = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync() });
        }
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>The actor the services would see for the user, read as the app reads it.</summary>
    public static async Task<Actor> ActorAsync(IServiceProvider services, AppUser user) =>
        await services.GetRequiredService<ActorDirectory>().FindAsync(user.Id) ?? throw new InvalidOperationException($"{user.Email} is not active.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
