using HauGiang.Tracker.Core.Domain.Access;

namespace HauGiang.Tracker.Core.Data.Auditing;

/// <summary>
/// Who the current request acts for, when code (ASP.NET Core Identity's stores, say) saves without
/// setting <see cref="TrackerDbContext.Actor"/>. The web host provides it from the signed-in user.
/// </summary>
public interface IAuditActorSource
{
    Actor? Current { get; }

    string? ClientAddress { get; }
}
