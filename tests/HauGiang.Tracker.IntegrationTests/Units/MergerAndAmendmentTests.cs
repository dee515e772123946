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
        // Sở Công Thương TP Cần Thơ leads VB-19 (open) and coordinates NV-09 (open) and NV-14 (finished 01/03/2026).
        var staff = await TestUsers.CreateAsync(Services, "canbo.sct@thu.local", Roles.UnitStaff, "CT-SCT");
        await using var before = Database.NewContext();
        var tradeId = await before.OrgUnits.Where(u => u.Code == "CT-SCT").Select(u => u.Id).SingleAsync(Ct);
        var reportsBefore = await before.Reports.Where(r => r.WorkItem!.Code == "VB-19").Select(r => r.ReportingUnit!.Code).ToListAsync(Ct);
        var doneBefore = await RowAsync("NV-14");

        var (result, outcome) = await Get<UnitAdministration>().RecordMergerAsync(Admin,
            new MergerInput(["CT-SCT"], "CT-SXD", new DateOnly(2026, 11, 1), "Quyết định số 25/QĐ-UBND ngày 20/10/2026"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal((2, 1, 1), (outcome!.ItemsMoved, outcome.ItemsKept, outcome.StaffMoved));
        var open = await RowAsync("VB-19");
        Assert.Equal(("Sở Xây dựng thành phố Cần Thơ", "Sở Công Thương thành phố Cần Thơ"), (open.Lead!.Name, open.Lead.FormerName));
        Assert.Equal(doneBefore.Status, (await RowAsync("NV-14")).Status);
        await using var db = Database.NewContext();
        Assert.True(await db.Assignments.AnyAsync(a => a.WorkItem!.Code == "NV-14" && a.OrgUnitId == tradeId && a.EndsOn == null, Ct));
        Assert.Equal(reportsBefore, await db.Reports.Where(r => r.WorkItem!.Code == "VB-19").Select(r => r.ReportingUnit!.Code).ToListAsync(Ct));
        Assert.Equal(new DateOnly(2026, 10, 31), (await db.OrgUnits.SingleAsync(u => u.Id == tradeId, Ct)).ValidTo);
        var history = await db.Assignments.Include(a => a.OrgUnit).Where(a => a.WorkItem!.Code == "VB-19" && a.Role == AssignmentRole.Lead).OrderBy(a => a.StartsOn).ToListAsync(Ct);
        Assert.Equal([("SCT", (DateOnly?)new DateOnly(2025, 6, 30)), ("CT-SCT", new DateOnly(2026, 10, 31)), ("CT-SXD", null)], history.Select(a => (a.OrgUnit!.Code, a.EndsOn)));
        Assert.Contains("Quyết định số 25/QĐ-UBND", history[2].Note, StringComparison.Ordinal);
        Assert.Equal([history[2].OrgUnitId], (await TestUsers.ActorAsync(Services, staff)).UnitIds);
        Assert.True(await db.AuditEntries.AnyAsync(e => EF.Functions.Like(e.Reason!, "Sáp nhập đơn vị%") && e.EntityType == nameof(WorkItemAssignment), Ct));
    }

    [Fact]
    public async Task A_merger_into_a_new_unit_creates_it_from_the_effective_day()
    {
        var (result, _) = await Get<UnitAdministration>().RecordMergerAsync(Admin,
            new MergerInput(["CT-SGDDT", "CT-SCT"], "SGD-CT", new DateOnly(2026, 11, 1), "Quyết định sáp nhập thử",
                new UnitInput("SGD-CT", "Sở Giáo dục và Công Thương", null, OrgUnitKind.Department, null, null)), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.Equal("Sở Giáo dục và Công Thương", (await RowAsync("NV-04")).Lead!.Name);
        await using var db = Database.NewContext();
        Assert.Equal(new DateOnly(2026, 11, 1), (await db.OrgUnits.SingleAsync(u => u.Code == "SGD-CT", Ct)).ValidFrom);
        Assert.Equal(2, await db.UnitSuccessions.CountAsync(s => s.Successor!.Code == "SGD-CT", Ct));
    }

    [Fact]
    public async Task A_merger_with_bad_input_changes_nothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);
        var admin = Get<UnitAdministration>();

        var (noBasis, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["CT-SCT"], "CT-SXD", new DateOnly(2026, 11, 1), " "), Ct);
        var (intoItself, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["CT-SNV"], "CT-SNV", new DateOnly(2026, 11, 1), "QĐ"), Ct);
        var (ended, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SKHDT"], "CT-STC", new DateOnly(2025, 12, 1), "QĐ"), Ct);

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
