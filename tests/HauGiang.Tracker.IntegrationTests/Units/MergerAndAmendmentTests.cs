using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Units;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Units;

public class MergerAndAmendmentTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    [Fact]
    public async Task A_merger_moves_open_items_and_staff_and_keeps_finished_work_and_reports_with_the_original_unit()
    {
        var staff = await TestUsers.CreateAsync(Services, "canbo.ldtbxh@thu.local", Roles.UnitStaff, "SLDTBXH");
        await using var before = Database.NewContext();
        var labourId = await before.OrgUnits.Where(u => u.Code == "SLDTBXH").Select(u => u.Id).SingleAsync(Ct);
        var reportsBefore = await before.Reports.Where(r => r.ReportingUnitId == labourId).CountAsync(Ct);
        var doneBefore = await RowAsync("NV-01");

        var (result, outcome) = await Get<UnitAdministration>().RecordMergerAsync(Admin,
            new MergerInput(["SLDTBXH"], "SNV", new DateOnly(2025, 3, 1), "Quyết định số 25/QĐ-UBND ngày 20/02/2025"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal((1, 1, 1), (outcome!.ItemsMoved, outcome.ItemsKept, outcome.StaffMoved));
        var open = await RowAsync("VB-03");
        Assert.Equal(("Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"), (open.Lead!.Name, open.Lead.FormerName));
        var done = await RowAsync("NV-01");
        Assert.Equal("Sở Lao động - Thương binh và Xã hội", done.Lead!.Name);
        Assert.Equal(doneBefore.Status, done.Status);
        await using var db = Database.NewContext();
        Assert.Equal(reportsBefore, await db.Reports.CountAsync(r => r.ReportingUnitId == labourId, Ct));
        Assert.Equal(new DateOnly(2025, 2, 28), (await db.OrgUnits.SingleAsync(u => u.Id == labourId, Ct)).ValidTo);
        var history = await db.Assignments.Include(a => a.OrgUnit).Where(a => a.WorkItem!.Code == "VB-03" && a.Role == AssignmentRole.Lead).OrderBy(a => a.StartsOn).ToListAsync(Ct);
        Assert.Equal([("SLDTBXH", (DateOnly?)new DateOnly(2025, 2, 28)), ("SNV", null)], history.Select(a => (a.OrgUnit!.Code, a.EndsOn)));
        Assert.Contains("Quyết định số 25/QĐ-UBND", history[1].Note, StringComparison.Ordinal);
        Assert.Equal([history[1].OrgUnitId], (await TestUsers.ActorAsync(Services, staff)).UnitIds);
        Assert.True(await db.AuditEntries.AnyAsync(e => EF.Functions.Like(e.Reason!, "Sáp nhập đơn vị%") && e.EntityType == nameof(WorkItemAssignment), Ct));
    }

    [Fact]
    public async Task A_merger_into_a_new_unit_creates_it_from_the_effective_day()
    {
        var (result, _) = await Get<UnitAdministration>().RecordMergerAsync(Admin,
            new MergerInput(["SGDDT", "SLDTBXH"], "SGD-LD", new DateOnly(2025, 3, 1), "Quyết định sáp nhập thử",
                new UnitInput("SGD-LD", "Sở Giáo dục và Lao động", null, OrgUnitKind.Department, null, null)), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal("Sở Giáo dục và Lao động", (await RowAsync("NV-04")).Lead!.Name);
        await using var db = Database.NewContext();
        Assert.Equal(new DateOnly(2025, 3, 1), (await db.OrgUnits.SingleAsync(u => u.Code == "SGD-LD", Ct)).ValidFrom);
        Assert.Equal(2, await db.UnitSuccessions.CountAsync(s => s.Successor!.Code == "SGD-LD", Ct));
    }

    [Fact]
    public async Task A_merger_with_bad_input_changes_nothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);
        var admin = Get<UnitAdministration>();

        var (noBasis, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SLDTBXH"], "SNV", new DateOnly(2025, 3, 1), " "), Ct);
        var (intoItself, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SNV"], "SNV", new DateOnly(2025, 3, 1), "QĐ"), Ct);
        var (ended, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SKHDT"], "SNV", new DateOnly(2025, 12, 1), "QĐ"), Ct);

        Assert.Equal("Nhập căn cứ (số, ngày văn bản quyết định sáp nhập).", noBasis.For("Basis"));
        Assert.NotNull(intoItself.For("Successor"));
        Assert.NotNull(ended.For("Merged"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
    }

    [Fact]
    public async Task An_amendment_redates_adds_and_drops_in_one_step_and_both_deadlines_stay_visible()
    {
        var amendments = Get<AmendmentService>();

        var result = await amendments.RecordAsync(Admin, new AmendmentInput("Kết luận số 99-KL/TU", new DateOnly(2025, 1, 15), "Điều chỉnh, bổ sung Chương trình 50-CTr/TU", null,
            [new ItemInput(WorkItemKind.Task, "NV-20", "Nhiệm vụ bổ sung theo kết luận", BreakthroughOrdinal: 2, Deadline: "Năm 2026")],
            ["NV-12"],
            [new Redating("NV-03", "Quý IV/2026")]), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var redated = await RowAsync("NV-03");
        Assert.Equal(("Quý IV/2026", "Năm 2023"), (redated.Deadline.Label, redated.OriginalDeadline.Label));
        Assert.Equal(ProgressAxis.OpenWithinDeadline, redated.Status.Axis);
        Assert.Equal(ProgressAxis.Overdue, redated.Status.AgainstOriginal);
        Assert.Equal(ItemState.Dropped, (await RowAsync("NV-12")).State);
        Assert.Equal(new DateOnly(2026, 12, 31), (await RowAsync("NV-20")).Deadline.DueDate);
        var recorded = (await amendments.ListAsync(Ct)).First(a => a.DecisionNumber == "Kết luận số 99-KL/TU");
        Assert.Equal([("NV-20", AmendmentChangeKind.Added), ("NV-12", AmendmentChangeKind.Dropped), ("NV-03", AmendmentChangeKind.Redated)], recorded.Changes.Select(c => (c.ItemCode, c.Kind)));
        Assert.Contains("Năm 2023", recorded.Changes[2].Before, StringComparison.Ordinal);
        await using var db = Database.NewContext();
        var itemId = await db.WorkItems.Where(i => i.Code == "NV-03").Select(i => i.Id).SingleAsync(Ct);
        var revisions = await db.DeadlineRevisions.Where(r => r.WorkItemId == itemId).OrderBy(r => r.Sequence).ToListAsync(Ct);
        Assert.Equal([0, 1], revisions.Select(r => r.Sequence));
        Assert.Equal(("Kết luận số 99-KL/TU", new DateOnly(2025, 1, 15)), (revisions[1].BasisNumber!, revisions[1].EffectiveOn));
    }

    [Fact]
    public async Task An_amendment_with_a_bad_change_records_nothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);

        var result = await Get<AmendmentService>().RecordAsync(Admin, new AmendmentInput("Kết luận số 100-KL/TU", new DateOnly(2025, 1, 15), "Điều chỉnh", null,
            [], ["NV-13"], [new Redating("NV-03", "sớm nhất"), new Redating("NV-99", "Năm 2026")]), Ct);

        Assert.NotNull(result.For("Redated[0].NewDeadline"));
        Assert.NotNull(result.For("Redated[1].Code"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
    }
}
