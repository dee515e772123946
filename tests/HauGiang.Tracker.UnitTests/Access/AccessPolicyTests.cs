using HauGiang.Tracker.Core.Domain.Access;

namespace HauGiang.Tracker.UnitTests.Access;

public class AccessPolicyTests
{
    private const int OwnUnit = 1, OtherUnit = 2;

    private static Actor As(string role) => new("u", "u", new HashSet<string> { role }, new HashSet<int> { OwnUnit });

    public enum Target { OwnLead, OwnCoordinating, OtherUnit }

    private static UnitScope Scope(Target target) => target switch
    {
        Target.OwnLead => new UnitScope(OwnUnit, new HashSet<int>()),
        Target.OwnCoordinating => new UnitScope(OtherUnit, new HashSet<int> { OwnUnit }),
        _ => new UnitScope(OtherUnit, new HashSet<int> { 3 }),
    };

    // The expected matrix, written out: (operation, role, target) → allowed. Anything not listed is refused.
    private static readonly HashSet<(Operation, string, Target)> Allowed =
    [
        .. new[] { Operation.ReportProgress, Operation.RecordIssuance, Operation.AnswerExplanation, Operation.EnterIndicatorValue }
            .Select(op => (op, Roles.UnitStaff, Target.OwnLead)),
        (Operation.AddContribution, Roles.UnitStaff, Target.OwnCoordinating),
        (Operation.ReadDraftEvidence, Roles.UnitStaff, Target.OwnLead),
        .. Enum.GetValues<Target>().SelectMany(t => new[]
        {
            (Operation.ReviewReport, Roles.MonitoringOffice, t),
            (Operation.AdjustDeadline, Roles.MonitoringOffice, t),
            (Operation.AdjustDeadline, Roles.Administrator, t),
            (Operation.ReadDraftEvidence, Roles.Administrator, t),
            (Operation.RequestExplanation, Roles.Leader, t),
            (Operation.ManagePeriods, Roles.Administrator, t),
            (Operation.ManageStructure, Roles.Administrator, t),
            (Operation.ManageUnits, Roles.Administrator, t),
            (Operation.ManageUsers, Roles.Administrator, t),
            (Operation.ManageHolidays, Roles.Administrator, t),
            (Operation.ReadAuditTrail, Roles.Auditor, t),
            (Operation.ExportReview, Roles.Leader, t),
            (Operation.ExportReview, Roles.Auditor, t),
            (Operation.ExportReview, Roles.MonitoringOffice, t),
        }),
    ];

    public static TheoryData<Operation, string, Target> Matrix()
    {
        var data = new TheoryData<Operation, string, Target>();
        foreach (var op in Enum.GetValues<Operation>())
        {
            foreach (var role in Roles.All)
            {
                foreach (var target in Enum.GetValues<Target>())
                {
                    data.Add(op, role, target);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_role_and_operation_on_own_and_other_units_follows_the_matrix(Operation operation, string role, Target target)
    {
        Assert.Equal(Allowed.Contains((operation, role, target)), AccessPolicy.Allows(As(role), operation, Scope(target)));
    }

    [Fact]
    public void A_user_with_no_role_may_do_nothing()
    {
        var nobody = new Actor("u", "u", new HashSet<string>(), new HashSet<int> { OwnUnit });
        Assert.All(Enum.GetValues<Operation>(), op => Assert.False(AccessPolicy.Allows(nobody, op, Scope(Target.OwnLead))));
    }

    [Fact]
    public void Staff_of_a_unit_may_not_report_on_an_item_nobody_leads()
    {
        Assert.False(AccessPolicy.Allows(As(Roles.UnitStaff), Operation.ReportProgress, UnitScope.None));
    }

    [Fact]
    public void Roles_add_up()
    {
        var both = new Actor("u", "u", new HashSet<string> { Roles.Leader, Roles.Auditor }, new HashSet<int>());
        Assert.True(AccessPolicy.Allows(both, Operation.RequestExplanation));
        Assert.True(AccessPolicy.Allows(both, Operation.ReadAuditTrail));
        Assert.False(AccessPolicy.Allows(both, Operation.ManageUsers));
    }

    [Fact]
    public void System_actors_are_allowed_nothing_through_the_policy()
    {
        Assert.All(Enum.GetValues<Operation>(), op => Assert.False(AccessPolicy.Allows(Actor.System("seed"), op, Scope(Target.OwnLead))));
    }
}
