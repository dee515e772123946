namespace HauGiang.Tracker.Core.Domain.Access;

/// <summary>
/// Who is acting, as the permission rules and the audit trail need it: read fresh from the database
/// for every operation, so a role or unit change (or a disabled account) counts at once.
/// </summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles, IReadOnlySet<int> UnitIds)
{
    /// <summary>The seeder, a command-line task: attributable, but no person.</summary>
    public static Actor System(string name) => new($"system:{name}", name, new HashSet<string>(), new HashSet<int>());

    public bool IsSystem => UserId.StartsWith("system:", StringComparison.Ordinal);

    public bool IsIn(string role) => Roles.Contains(role);

    public bool BelongsTo(int? unitId) => unitId is { } id && UnitIds.Contains(id);
}
