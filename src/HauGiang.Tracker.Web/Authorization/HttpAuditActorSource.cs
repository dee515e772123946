using System.Security.Claims;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain.Access;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>Attributes saves made during an HTTP request (Identity's pages) to the signed-in user.</summary>
internal sealed class HttpAuditActorSource(IHttpContextAccessor accessor) : IAuditActorSource
{
    public Actor? Current
    {
        get
        {
            var user = accessor.HttpContext?.User;
            var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
            if (user?.Identity?.IsAuthenticated != true || id is null)
            {
                return null;
            }
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new Actor(id, user.FindFirstValue(TrackerClaims.FullName) ?? user.Identity.Name ?? id, roles, new HashSet<int>());
        }
    }

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
