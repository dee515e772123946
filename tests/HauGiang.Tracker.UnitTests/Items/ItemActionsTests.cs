using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Items;

namespace HauGiang.Tracker.UnitTests.Items;

public class ItemActionsTests
{
    private const int Lead = 1, Coordinating = 2;
    private static readonly UnitScope Scope = new(Lead, new HashSet<int> { Coordinating });

    private static Actor Staff(int unit) => new("s", "s", new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { unit });

    private static Actor In(string role) => new("r", "r", new HashSet<string> { role }, new HashSet<int>());

    [Fact]
    public void The_lead_unit_reports_and_moves_its_document_on()
    {
        var actions = ItemActions.For(Staff(Lead), ItemState.Active, Scope, (DocumentStage.Drafting, false));

        Assert.Equal(new ItemActions(true, DocumentStage.SubmittedForSignature, true, false, false, false), actions);
    }

    [Fact]
    public void A_coordinating_unit_only_adds_its_contribution()
    {
        Assert.Equal(ItemActions.None with { Report = true }, ItemActions.For(Staff(Coordinating), ItemState.Active, Scope, (DocumentStage.Drafting, false)));
        Assert.Equal(ItemActions.None, ItemActions.For(Staff(3), ItemState.Active, Scope, null));
    }

    [Fact]
    public void The_office_confirms_an_issued_document_once_and_adjusts_deadlines()
    {
        Assert.Equal(ItemActions.None with { ConfirmIssuance = true, AdjustDeadline = true },
            ItemActions.For(In(Roles.MonitoringOffice), ItemState.Active, Scope, (DocumentStage.Issued, false)));
        Assert.False(ItemActions.For(In(Roles.MonitoringOffice), ItemState.Active, Scope, (DocumentStage.Issued, true)).ConfirmIssuance);
        Assert.Equal(ItemActions.None with { RequestExplanation = true }, ItemActions.For(In(Roles.Leader), ItemState.Active, Scope, null));
    }

    [Fact]
    public void A_confirmed_issuance_is_not_recorded_again_and_tasks_have_no_document_actions()
    {
        Assert.Equal(ItemActions.None with { Report = true }, ItemActions.For(Staff(Lead), ItemState.Active, Scope, (DocumentStage.Issued, true)));
        Assert.Equal(ItemActions.None with { Report = true }, ItemActions.For(Staff(Lead), ItemState.Active, Scope, null));
    }

    [Theory]
    [InlineData(ItemState.Closed)]
    [InlineData(ItemState.Dropped)]
    public void Closed_and_dropped_items_offer_nothing(ItemState state)
    {
        Assert.Equal(ItemActions.None, ItemActions.For(Staff(Lead), state, Scope, (DocumentStage.Drafting, false)));
        Assert.Equal(ItemActions.None, ItemActions.For(In(Roles.MonitoringOffice), state, Scope, (DocumentStage.Issued, false)));
        Assert.Equal(ItemActions.None, ItemActions.For(null, ItemState.Active, Scope, null));
    }
}
