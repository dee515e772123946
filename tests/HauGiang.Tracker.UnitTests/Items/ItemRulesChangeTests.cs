using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Items;
using static HauGiang.Tracker.UnitTests.Items.InMemoryProgram;

namespace HauGiang.Tracker.UnitTests.Items;

public class ItemRulesChangeTests
{
    [Fact]
    public void Apply_resolves_codes_to_ids_and_trims_the_text()
    {
        var context = Build();
        var item = new TaskItem { Code = "", Title = "", ResponsiblePerson = "Bà Tư" };
        ItemRules.Apply(context, item, Task(" 2 ", " Làm đường ") with { Description = "  ", ParentCode = "1.1", BreakthroughOrdinal = 1, GroupOrdinal = 1, Weight = 2.5m });
        Assert.Equal(("2", "Làm đường", null, 2, 11, 21, 2.5m), (item.Code, item.Title, item.Description, item.ParentId, item.BreakthroughId, item.GroupId, item.Weight));
        Assert.Equal("Bà Tư", item.ResponsiblePerson); // a blank person in the item form keeps the assigned one
    }

    [Fact]
    public void Apply_sets_what_only_a_document_has()
    {
        var document = new RequiredDocument { Code = "", Title = "" };
        ItemRules.Apply(Build(), document, Task() with { Kind = WorkItemKind.Document, DocumentType = DocumentType.Plan, IssuingAuthority = " UBND tỉnh " });
        Assert.Equal((DocumentType.Plan, "UBND tỉnh"), (document.DocumentType, document.IssuingAuthority));
    }

    [Fact]
    public void Assign_ends_changed_assignments_yesterday_removes_same_day_ones_and_opens_new_ones_today()
    {
        var context = Build();
        var item = context.Items["1"];
        var lead = new WorkItemAssignment { OrgUnitId = 101, Role = AssignmentRole.Lead, StartsOn = new DateOnly(2024, 1, 1) };
        var kept = new WorkItemAssignment { OrgUnitId = 102, Role = AssignmentRole.Coordinating, StartsOn = new DateOnly(2024, 1, 1) };
        var madeToday = new WorkItemAssignment { OrgUnitId = 103, Role = AssignmentRole.Coordinating, StartsOn = Today };
        var ended = new WorkItemAssignment { OrgUnitId = 104, Role = AssignmentRole.Lead, StartsOn = new DateOnly(2022, 1, 1), EndsOn = new DateOnly(2023, 12, 31) };
        item.Assignments.AddRange([lead, kept, madeToday, ended]);

        ItemRules.Assign(context, item, new AssignmentInput("C", ["B"], " Ông Năm "));

        Assert.Equal(Today.AddDays(-1), lead.EndsOn);
        Assert.Null(kept.EndsOn);
        Assert.DoesNotContain(madeToday, item.Assignments);
        Assert.Equal(new DateOnly(2023, 12, 31), ended.EndsOn); // history is left as it was
        var opened = Assert.Single(item.Assignments, a => a.StartsOn == Today);
        Assert.Equal((103, AssignmentRole.Lead, (DateOnly?)null), (opened.OrgUnitId, opened.Role, opened.EndsOn));
        Assert.Equal("Ông Năm", item.ResponsiblePerson);
    }

    [Fact]
    public void Assign_with_nothing_changed_touches_nothing()
    {
        var context = Build();
        var item = context.Items["1"];
        var lead = new WorkItemAssignment { OrgUnitId = 101, Role = AssignmentRole.Lead, StartsOn = new DateOnly(2024, 1, 1) };
        item.Assignments.Add(lead);
        ItemRules.Assign(context, item, new AssignmentInput("A", [], null));
        Assert.Equal([lead], item.Assignments);
        Assert.Null(lead.EndsOn);
    }

    [Fact]
    public void SyncMilestones_removes_missing_updates_matching_and_adds_new_by_ordinal()
    {
        var item = new TaskItem { Code = "1", Title = "Gốc" };
        var first = new Milestone { Ordinal = 1, Title = "Khảo sát" };
        var second = new Milestone { Ordinal = 2, Title = "Dự thảo", Note = "cũ" };
        item.Milestones.AddRange([first, second]);

        ItemRules.SyncMilestones(item, [new MilestoneInput(2, " Trình ký ", new DateOnly(2024, 6, 1), null, " "), new MilestoneInput(3, "Ban hành", null, null, "ghi chú")]);

        Assert.DoesNotContain(first, item.Milestones);
        Assert.Same(second, item.Milestones.Single(m => m.Ordinal == 2));
        Assert.Equal(("Trình ký", (DateOnly?)new DateOnly(2024, 6, 1), (string?)null), (second.Title, second.DueDate, second.Note));
        var added = item.Milestones.Single(m => m.Ordinal == 3);
        Assert.Equal(("Ban hành", "ghi chú"), (added.Title, added.Note));
        Assert.Equal(2, item.Milestones.Count);
    }

    [Fact]
    public void Stamp_records_who_and_when()
    {
        var at = new DateTimeOffset(2024, 5, 10, 3, 4, 5, TimeSpan.Zero);
        var revision = new DeadlineRevision();
        ItemRules.Stamp(revision, new Actor("u1", "admin@haugiang.gov.vn", new HashSet<string>(), new HashSet<int>()), new FixedClock(at));
        Assert.Equal((at.UtcDateTime, "admin@haugiang.gov.vn"), (revision.RecordedAt, revision.RecordedBy));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
