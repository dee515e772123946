using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using static HauGiang.Tracker.UnitTests.Items.InMemoryProgram;

namespace HauGiang.Tracker.UnitTests.Items;

public class ItemRulesTests
{
    private static OperationResult Check(ItemInput input, WorkItem? existing = null) =>
        ItemRules.Validate(Build(), input, existing, out _).ToResult();

    private static OperationResult CheckAssignment(AssignmentInput assignment)
    {
        var errors = new ValidationErrors();
        ItemRules.ValidateAssignment(Build(), assignment, errors);
        return errors.ToResult();
    }

    [Fact]
    public void A_complete_new_item_passes() =>
        Assert.True(Check(Task() with { ParentCode = "1", BreakthroughOrdinal = 1, GroupOrdinal = 1, Deadline = "30/06/2022" }).Succeeded);

    [Theory]
    [InlineData("", "Nhập mã.")]
    [InlineData("2 a", "Mã chỉ gồm chữ, số và các dấu . - _ /, không có khoảng trắng.")]
    public void A_bad_code_is_named(string code, string message) => Assert.Equal(message, Check(Task(code)).For("Code"));

    [Fact]
    public void A_code_already_used_by_another_item_is_refused_but_an_item_keeps_its_own()
    {
        var context = Build();
        Assert.Equal("Mã 1.1 đã có.", ItemRules.Validate(context, Task("1.1"), null, out _).ToResult().For("Code"));
        Assert.Null(ItemRules.Validate(context, Task("1.1"), context.Items["1.1"], out _).ToResult().For("Code"));
    }

    [Fact]
    public void A_task_cannot_become_a_document()
    {
        var context = Build();
        var input = Task("1.1") with { Kind = WorkItemKind.Document };
        Assert.Equal("Không đổi được nhiệm vụ thành văn bản hay ngược lại.", ItemRules.Validate(context, input, context.Items["1.1"], out _).ToResult().For("Kind"));
    }

    [Fact]
    public void The_title_is_required_and_limited()
    {
        Assert.Equal("Nhập nội dung.", Check(Task(title: "  ")).For("Title"));
        Assert.Equal($"Nội dung không quá {TextLimits.Paragraph} ký tự (đang có {TextLimits.Paragraph + 1}).", Check(Task(title: new string('a', TextLimits.Paragraph + 1))).For("Title"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000.5)]
    public void A_weight_outside_the_range_is_refused(decimal weight) =>
        Assert.Equal("Trọng số phải lớn hơn 0 và không quá 1000.", Check(Task() with { Weight = weight }).For("Weight"));

    [Fact]
    public void Unknown_breakthrough_group_and_parent_are_named()
    {
        var result = Check(Task() with { BreakthroughOrdinal = 9, GroupOrdinal = 8, ParentCode = "X" });
        Assert.Equal("Không có đột phá thứ 9.", result.For("BreakthroughOrdinal"));
        Assert.Equal("Không có nhóm nhiệm vụ, giải pháp thứ 8.", result.For("GroupOrdinal"));
        Assert.Equal("Không có nhiệm vụ cha mã X.", result.For("ParentCode"));
    }

    [Fact]
    public void Moving_an_item_under_its_own_child_is_a_cycle()
    {
        var context = Build();
        var result = ItemRules.Validate(context, Task("1", "Gốc") with { ParentCode = "1.1" }, context.Items["1"], out _).ToResult();
        Assert.Equal("Nhiệm vụ cha 1.1 nằm dưới chính 1: cây nhiệm vụ sẽ thành vòng lặp.", result.For("ParentCode"));
    }

    [Fact]
    public void A_deadline_is_read_as_the_program_words_it_or_named_when_not_understood()
    {
        ItemRules.Validate(Build(), Task() with { Deadline = "30/06/2022" }, null, out var deadline);
        Assert.Equal(new DateOnly(2022, 6, 30), deadline.DueDate);
        Assert.StartsWith("Không hiểu thời hạn “ngày mai”.", Check(Task() with { Deadline = "ngày mai" }).For("Deadline"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_after_the_deadline_is_refused() =>
        Assert.Equal("Thời hạn (30/06/2022) không được trước ngày bắt đầu (01/07/2022).",
            Check(Task() with { Deadline = "30/06/2022", StartsOn = new DateOnly(2022, 7, 1) }).For("Deadline"));

    [Fact]
    public void An_adjusted_original_deadline_is_not_edited_in_place()
    {
        var context = Build();
        var item = context.Items["1.1"];
        item.SetOriginalDeadline(StructureRules.ReadDeadline("30/06/2022", 2021, 2025).Deadline, Today);
        item.AdjustDeadline(Deadline.On(new DateOnly(2023, 6, 30)), new AdjustmentBasis("1-QĐ", Today));
        var input = Task("1.1", "Con") with { ParentCode = "1", Deadline = "31/12/2022" };
        Assert.StartsWith("Thời hạn đã được điều chỉnh; thời hạn ban đầu giữ nguyên.", ItemRules.Validate(context, input, item, out _).ToResult().For("Deadline"), StringComparison.Ordinal);
        Assert.True(ItemRules.Validate(context, input with { Deadline = "30/06/2022" }, item, out _).ToResult().Succeeded);
    }

    [Fact]
    public void An_unknown_or_ended_lead_unit_is_refused()
    {
        Assert.Equal("Không có đơn vị mã ZZ.", CheckAssignment(new AssignmentInput("ZZ", [], null)).For("LeadUnit"));
        Assert.Equal("Đơn vị Sở Cũ đã kết thúc hoạt động; hãy giao cho đơn vị kế thừa.", CheckAssignment(new AssignmentInput("OLD", [], null)).For("LeadUnit"));
        Assert.True(CheckAssignment(new AssignmentInput("A", ["B"], "Ông Ba")).Succeeded);
    }

    [Fact]
    public void Coordinating_units_must_exist_and_not_include_the_lead()
    {
        Assert.Equal("Không có đơn vị mã ZZ.", CheckAssignment(new AssignmentInput("A", ["ZZ"], null)).For("CoordinatingUnits"));
        Assert.Equal("Đơn vị chủ trì không đồng thời là đơn vị phối hợp.", CheckAssignment(new AssignmentInput("A", ["B", "A"], null)).For("CoordinatingUnits"));
    }

    [Fact]
    public void Milestones_need_a_title_and_an_ordinal_of_their_own()
    {
        var result = ItemRules.ValidateMilestones([new MilestoneInput(1, "Khảo sát", null, null, null), new MilestoneInput(1, " ", null, null, null)]).ToResult();
        Assert.Equal("Nhập nội dung mốc.", result.For("Milestones[1].Title"));
        Assert.Equal("Mỗi mốc cần một số thứ tự riêng.", result.For("Milestones"));
        Assert.Null(result.For("Milestones[0].Title"));
    }
}
