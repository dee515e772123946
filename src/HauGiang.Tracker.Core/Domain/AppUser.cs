using Microsoft.AspNetCore.Identity;

namespace HauGiang.Tracker.Core.Domain;

/// <summary>A person who signs in. Staff belong to one or more units; disabling ends every session.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<UserUnit> Units { get; } = [];
}

/// <summary>A user's membership of a responsible unit.</summary>
public sealed class UserUnit
{
    public string UserId { get; set; } = "";
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}
