using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Overview;

/// <summary>
/// Issue 17: the read side's cache is keyed per program. The seeded program is A; B is a second program with one
/// item led by the education department and its own open quarter. A change in B must leave A's cached facts alone,
/// and nothing that may concern A may leave A's stamp where it was.
/// </summary>
public class ProgramChangeStampTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private const string Reporter = "CT-SGDDT";
    private static readonly Actor Auditor = new("auditor-1", "Kiểm tra thử", new HashSet<string> { Roles.Auditor }, new HashSet<int>());
    private int _programA;
    private int _programB;
    private int _itemB;
    private int _periodB;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.NewContext();
        db.Actor = Admin;
        var a = await db.Programs.OrderBy(p => p.Id).FirstAsync(Ct);
        var open = await db.Periods.AsNoTracking().Where(p => p.ProgramId == a.Id && p.State == PeriodState.Open && p.Kind == PeriodKind.Quarter).FirstAsync(Ct);
        var b = new ActionProgram
        {
            Code = "99-CTr/TU",
            Title = "Chương trình thử thứ hai",
            IssuingBody = a.IssuingBody,
            IssuedOn = a.IssuedOn,
            TermStartYear = a.TermStartYear,
            TermEndYear = a.TermEndYear,
            Implements = a.Implements,
        };
        db.Programs.Add(b);
        await db.SaveChangesAsync(Ct);
        var period = ReportingPeriod.Default(b.Id, open.Kind, open.Year, open.Number, b.TermStartYear, b.TermEndYear);
        period.State = PeriodState.Open;
        db.Periods.Add(period);
        var item = new TaskItem { Code = "B-01", Title = "Nhiệm vụ của chương trình thứ hai", ProgramId = b.Id, Ordinal = 1 };
        item.SetOriginalDeadline(Deadline.Unspecified, VietnamClock.Today(Database.Clock));
        ItemRules.Stamp(item.DeadlineRevisions[0], Admin, Database.Clock);
        item.Assignments.Add(new WorkItemAssignment { OrgUnitId = Units[Reporter], Role = AssignmentRole.Lead, StartsOn = a.IssuedOn });
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(Ct);
        (_programA, _programB, _itemB, _periodB) = (a.Id, b.Id, item.Id, period.Id);
    }

    [Fact]
    public async Task A_report_in_another_program_keeps_this_programs_stamp_and_cached_facts_and_a_report_here_moves_them()
    {
        var store = Get<ProgramFactsStore>();
        var factsA = (await store.GetAsync(new FactsRequest(_programA), Ct))!;
        var (stampA, stampB) = (await StampAsync(_programA), await StampAsync(_programB));

        var (savedB, reportB) = await Get<ProgressReportService>().SaveAsync(Staff(Reporter), new ReportInput(_itemB, _periodB, 40, "Đạt 40%.", null, null, "Tiếp tục.", null), null, null, false, Ct);
        Assert.True(savedB.Succeeded, string.Join(" ", savedB.Errors.Values));
        Assert.True((await Get<EvidenceService>().AddLinkAsync(Staff(Reporter), reportB!.Value, "https://haugiang.gov.vn/tin", null, Ct)).Succeeded);
        // Submitting writes a review event too, which names no item or period of its own.
        var draftB = (await Get<ProgressReportService>().OpenAsync(Staff(Reporter), _itemB, _periodB, Ct))!.Report!;
        var (submittedB, _) = await Get<ProgressReportService>().SaveAsync(Staff(Reporter), draftB.Input, draftB.Version, draftB.Input, true, Ct);
        Assert.True(submittedB.Succeeded, string.Join(" ", submittedB.Errors.Values));

        Assert.Equal(stampA, await StampAsync(_programA));
        Assert.Same(factsA, await store.GetAsync(new FactsRequest(_programA), Ct));
        Assert.True(await StampAsync(_programB) > stampB);

        var periodA = factsA.Period!.Id;
        var (savedA, _) = await Get<ProgressReportService>().SaveAsync(Staff(Reporter), new ReportInput(await ItemIdAsync("NV-04"), periodA, 70, "Đạt 70%.", null, null, "Tiếp tục.", null), null, null, true, Ct);
        Assert.True(savedA.Succeeded, string.Join(" ", savedA.Errors.Values));
        Assert.True(await StampAsync(_programA) > stampA);
        Assert.NotSame(factsA, await store.GetAsync(new FactsRequest(_programA), Ct));
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task A_change_to_a_unit_moves_every_programs_stamp()
    {
        var (stampA, stampB) = (await StampAsync(_programA), await StampAsync(_programB));

        await using (var db = Database.NewContext())
        {
            db.Actor = Admin;
            (await db.OrgUnits.SingleAsync(u => u.Id == Units[Reporter], Ct)).ShortName = "Sở GD&ĐT (đổi tên)";
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(await StampAsync(_programA) > stampA);
        Assert.True(await StampAsync(_programB) > stampB);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Deleting_an_item_moves_its_programs_stamp_though_its_row_is_gone_when_the_trail_is_written()
    {
        var created = await Get<StructureEditor>().CreateItemAsync(Admin, new ItemInput(WorkItemKind.Task, "NV-90", "Nhiệm vụ nhập nhầm"), null, Ct);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        var id = await ItemIdAsync("NV-90");
        await using (var db = Database.NewContext())
        {
            Assert.Equal(_programA, await db.AuditEntries.Where(e => e.ItemId == id).Select(e => e.ProgramId).FirstAsync(Ct));
        }
        var stampA = await StampAsync(_programA);

        var deleted = await Get<ItemRetirement>().DeleteItemAsync(Admin, id, Ct);

        Assert.True(deleted.Succeeded, string.Join(" ", deleted.Errors.Values));
        Assert.True(await StampAsync(_programA) > stampA);
        await using (var db = Database.NewContext())
        {
            var deletions = await db.AuditEntries.Where(e => e.ItemId == id && e.Action == "delete").ToListAsync(Ct);
            Assert.Contains(deletions, e => e.EntityType == nameof(TaskItem));
            Assert.All(deletions, e => Assert.Null(e.ProgramId));
        }
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task The_database_names_the_program_whatever_the_app_sends()
    {
        await using (var db = Database.NewContext())
        {
            db.Actor = Admin;
            var item = await db.WorkItems.SingleAsync(i => i.Id == _itemB, Ct);
            item.Title = "Nhiệm vụ của chương trình thứ hai (sửa)";
            await db.SaveChangesAsync(Ct);
        }
        await using var check = Database.NewContext();
        var rows = await check.AuditEntries.Where(e => e.Category == AuditCategory.Data).OrderByDescending(e => e.Id).Take(1).ToListAsync(Ct);
        Assert.Equal(_programB, rows[0].ProgramId);
        var periodRow = await check.AuditEntries.Where(e => e.PeriodId == _periodB && e.ItemId == null).Select(e => e.ProgramId).SingleAsync(Ct);
        Assert.Equal(_programB, periodRow);
        Assert.Null(await check.AuditEntries.Where(e => e.EntityType == nameof(ActionProgram)).OrderByDescending(e => e.Id).Select(e => e.ProgramId).FirstAsync(Ct));
    }

    [Fact]
    public async Task The_migration_gives_the_rows_written_before_it_their_program_and_the_chain_still_verifies()
    {
        var before = await ProgramsByRowAsync();
        Assert.Contains(before.Values, p => p == _programB);
        await using (var db = Database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("AddNotifications", Ct);
            await migrator.MigrateAsync(null, Ct);
        }

        Assert.Equal(before, await ProgramsByRowAsync());
        await AssertChainIntactAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Database.ExecuteAsync("UPDATE audit_entries SET program_id = NULL"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private async Task<Dictionary<long, int?>> ProgramsByRowAsync()
    {
        await using var db = Database.NewContext();
        return await db.AuditEntries.ToDictionaryAsync(e => e.Id, e => e.ProgramId, Ct);
    }

    private async Task<long> StampAsync(int programId)
    {
        await using var db = Database.NewContext();
        return await ProgramFactsStore.ChangeStampAsync(db, programId, Ct);
    }

    private async Task AssertChainIntactAsync()
    {
        var verification = await Get<AuditVerifier>().VerifyAsync(Auditor, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
