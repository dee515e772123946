namespace HauGiang.Tracker.Core.Domain.Access;

/// <summary>The roles of the system; a user may hold several.</summary>
public static class Roles
{
    /// <summary>Quản trị: users, units, the program structure, reporting periods.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Cán bộ đơn vị: reports on their unit's items.</summary>
    public const string UnitStaff = "UnitStaff";
    /// <summary>Văn phòng theo dõi: verifies or returns reported progress.</summary>
    public const string MonitoringOffice = "MonitoringOffice";
    /// <summary>Lãnh đạo: reads everything, asks units for explanations.</summary>
    public const string Leader = "Leader";
    /// <summary>Kiểm tra: reads everything, exports, reads the audit trail.</summary>
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Administrator, UnitStaff, MonitoringOffice, Leader, Auditor];

    /// <summary>The role claim an administrator sets to require two-factor sign-in for a role.</summary>
    public const string RequireTwoFactorClaim = "tracker:require-2fa";
}
