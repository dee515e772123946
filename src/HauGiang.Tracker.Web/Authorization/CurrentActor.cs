using System.Security.Claims;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>The signed-in user as an <see cref="Actor"/>, read fresh from the database each time it is asked for.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ActorDirectory directory)
{
    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await directory.FindAsync(state.User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
    }

    /// <summary>The actor, or an exception when the session no longer stands for an active user.</summary>
    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new SessionEndedException();
}

/// <summary>The circuit outlived the account or its session: the user must sign in again.</summary>
public sealed class SessionEndedException() : Exception("Phiên làm việc đã hết hoặc tài khoản đã bị vô hiệu hóa. Vui lòng đăng nhập lại.");
