using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Seeding;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Units;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace HauGiang.Tracker.IntegrationTests.Units;

/// <summary>From 01/07/2025 Hậu Giang is part of thành phố Cần Thơ: the seeded succession, and mergers recorded after the fact.</summary>
public class CanThoSuccessionTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private static readonly DateOnly LastDay = new(2025, 6, 30);
    private static readonly DateOnly FirstDay = new(2025, 7, 1);
    private static readonly string[] Districts = ["HX-VITHANH", "HX-NGABAY", "HX-TXLONGMY", "HX-CHAUTHANH", "HX-CHAUTHANHA", "HX-PHUNGHIEP", "HX-VITHUY", "HX-LONGMY"];

    private static readonly Dictionary<string, string> SeededSuccessors = new(Districts.Select(d => KeyValuePair.Create(d, "CT-UBND")))
    {
        ["UBND"] = "CT-UBND",
        ["TU-BTC"] = "CT-TU",
        ["TU-BTG"] = "CT-TU",
        ["TU-BDV"] = "CT-TU",
        ["TU-UBKT"] = "CT-TU",
        ["TU-VP"] = "CT-TU",
        ["STC"] = "CT-STC",
        ["SNV"] = "CT-SNV",
        ["SGDDT"] = "CT-SGDDT",
        ["STP"] = "CT-STP",
        ["SXD"] = "CT-SXD",
        ["SCT"] = "CT-SCT",
        ["SKHCN"] = "CT-SKHCN",
        ["SNNMT"] = "CT-SNNMT",
    };

    [Fact]
    public async Task Hau_Giang_units_end_on_30_June_2025_and_their_successors_begin_the_next_day()
    {
        await using var db = Database.NewContext();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, Ct);
        var successions = await db.UnitSuccessions.AsNoTracking().Where(s => s.EffectiveOn == FirstDay)
            .Select(s => new { Predecessor = s.Predecessor!.Code, Successor = s.Successor!.Code, s.Basis }).ToListAsync(Ct);

        Assert.All(SeededSuccessors.Keys, code => Assert.Equal(LastDay, units[code].ValidTo));
        Assert.All(SeededSuccessors.Values.Distinct(), code => Assert.Equal((FirstDay, (DateOnly?)null), (units[code].ValidFrom, units[code].ValidTo)));
        Assert.Equal(SeededSuccessors.OrderBy(p => p.Key), successions.Select(s => KeyValuePair.Create(s.Predecessor, s.Successor)).OrderBy(p => p.Key));
        Assert.All(successions, s => Assert.StartsWith("Hợp nhất tỉnh Hậu Giang, tỉnh Sóc Trăng và thành phố Cần Thơ", s.Basis, StringComparison.Ordinal));
        Assert.Equal(("Ủy ban nhân dân thành phố Cần Thơ", OrgUnitKind.ProvincialLeadership), (units["CT-UBND"].Name, units["CT-UBND"].Kind));
        Assert.Equal("Thành ủy Cần Thơ", units["CT-TU"].Name);
    }

    [Fact]
    public async Task Sample_units_are_flagged_and_follow_the_2025_reorganisation()
    {
        await using var db = Database.NewContext();
        var samples = await db.OrgUnits.Where(u => u.IsSample).Select(u => u.Code).ToListAsync(Ct);
        var february = await db.UnitSuccessions.Where(s => s.EffectiveOn == new DateOnly(2025, 2, 19))
            .Select(s => s.Predecessor!.Code + "→" + s.Successor!.Code).ToListAsync(Ct);

        Assert.Equal(
            ["CT-SCT", "CT-SGDDT", "CT-SKHCN", "CT-SNNMT", "CT-STP", "CT-SXD", "SCT", "SGDDT", "SKHCN", "SLDTBXH", "SNNMT", "STNMT", "STP", "STTTT", "SXD"],
            samples.Order(StringComparer.Ordinal));
        Assert.Equal(["SKHDT→STC", "SLDTBXH→SNV", "STNMT→SNNMT", "STTTT→SKHCN"], february.Order(StringComparer.Ordinal));
        Assert.False(await db.OrgUnits.AnyAsync(u => u.IsSample && (u.Code == "SNV" || u.Code == "CT-UBND"), Ct));
    }

    [Fact]
    public async Task Open_sample_work_is_led_by_units_that_exist_today_and_reports_stay_with_the_unit_that_reported()
    {
        await using var db = Database.NewContext();
        var program = await db.Programs.Select(p => p.Id).SingleAsync(Ct);
        var completed = await CompletionQuery.CompletedByAsync(db, program, LastDay, Ct);
        var leads = await db.Assignments.AsNoTracking().Include(a => a.OrgUnit).Include(a => a.WorkItem)
            .Where(a => a.WorkItem!.IsSample && a.Role == AssignmentRole.Lead && a.EndsOn == null).ToListAsync(Ct);
        var reports = await db.Reports.AsNoTracking().Include(r => r.ReportingUnit).Include(r => r.WorkItem)
            .Where(r => r.WorkItem!.IsSample && r.SubmittedAt != null).ToListAsync(Ct);

        // Work finished before Hậu Giang ended stays with the unit that did it; everything else has moved on.
        Assert.All(leads, a => Assert.True(a.OrgUnit!.IsActiveOn(Today) || completed.Contains(a.WorkItemId), $"{a.WorkItem!.Code}: {a.OrgUnit.Code}"));
        Assert.All(reports, r => Assert.True(r.ReportingUnit!.IsActiveOn(DateOnly.FromDateTime(r.SubmittedAt!.Value)), $"{r.WorkItem!.Code}: {r.ReportingUnit.Code}"));
        var vb03 = await db.Assignments.Include(a => a.OrgUnit).Where(a => a.WorkItem!.Code == "VB-03" && a.Role == AssignmentRole.Lead).OrderBy(a => a.StartsOn).ToListAsync(Ct);
        Assert.Equal([("SLDTBXH", (DateOnly?)new DateOnly(2025, 2, 18)), ("SNV", LastDay), ("CT-SNV", null)], vb03.Select(a => (a.OrgUnit!.Code, a.EndsOn)));
        Assert.Contains(reports, r => r.ReportingUnit!.Code == "SNV" && leads.Any(a => a.WorkItemId == r.WorkItemId && a.OrgUnit!.Code == "CT-SNV"));
        Assert.Equal("CT-SNV", await db.Indicators.Where(i => i.Code == "CT-M01").Select(i => i.ResponsibleUnit!.Code).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_merger_of_units_that_already_ended_is_recorded_after_the_fact_and_defaults_to_UBND_thanh_pho_Can_Tho()
    {
        await ForgetDistrictSuccessionAsync();
        await using var before = Database.NewContext();
        var reportsBefore = await before.Reports.Where(r => r.WorkItem!.Code == "NV-13").Select(r => r.ReportingUnit!.Code).ToListAsync(Ct);

        var (result, outcome) = await Get<UnitAdministration>().RecordMergerAsync(Admin,
            new MergerInput(Districts, "", FirstDay, "Không tổ chức cấp huyện (từ 01/07/2025)"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.True(outcome!.ItemsMoved > 0 && outcome.ItemsKept > 0, $"{outcome.ItemsMoved} moved, {outcome.ItemsKept} kept");
        var open = await RowAsync("VB-22");
        Assert.Equal(("Ủy ban nhân dân thành phố Cần Thơ", "Thị xã Long Mỹ"), (open.Lead!.Name, open.Lead.FormerName));
        Assert.Equal("Thành phố Vị Thanh", (await RowAsync("NV-13")).Lead!.Name); // finished in 2024: stays
        await using var db = Database.NewContext();
        Assert.Equal(reportsBefore, await db.Reports.Where(r => r.WorkItem!.Code == "NV-13").Select(r => r.ReportingUnit!.Code).ToListAsync(Ct));
        Assert.All(await db.OrgUnits.Where(u => Districts.Contains(u.Code)).ToListAsync(Ct), u => Assert.Equal(LastDay, u.ValidTo));
        Assert.Equal(8, await db.UnitSuccessions.CountAsync(s => s.Successor!.Code == "CT-UBND" && s.Predecessor!.Kind == OrgUnitKind.DistrictLevel && s.EffectiveOn == FirstDay, Ct));
        var history = await db.Assignments.Where(a => a.WorkItem!.Code == "VB-22" && a.Role == AssignmentRole.Lead).OrderBy(a => a.StartsOn).Select(a => a.EndsOn).ToListAsync(Ct);
        Assert.Equal([LastDay, null], history);
    }

    [Fact]
    public async Task A_merger_is_refused_when_a_unit_ended_earlier_or_the_successor_did_not_exist_that_day()
    {
        var before = await FingerprintAsync();
        var admin = Get<UnitAdministration>();

        var (endedEarlier, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SLDTBXH"], "CT-SNV", FirstDay, "QĐ"), Ct);
        var (notYet, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SNV"], "CT-UBND", new DateOnly(2025, 3, 1), "QĐ"), Ct);
        var (successorEnded, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["CT-SCT"], "SXD", new DateOnly(2026, 11, 1), "QĐ"), Ct);
        var (twice, _) = await admin.RecordMergerAsync(Admin, new MergerInput(["SNV"], "CT-SNV", FirstDay, "QĐ"), Ct);

        Assert.Equal("Sở Lao động - Thương binh và Xã hội đã kết thúc hoạt động hết ngày 18/02/2025, trước ngày hiệu lực 01/07/2025 hơn một ngày; ngày hiệu lực của việc sáp nhập phải là 19/02/2025.", endedEarlier.For("Merged"));
        Assert.Equal("Đơn vị tiếp nhận Ủy ban nhân dân thành phố Cần Thơ không hoạt động vào ngày 01/03/2025 (thành lập từ 01/07/2025).", notYet.For("Successor"));
        Assert.Equal("Đơn vị tiếp nhận Sở Xây dựng không hoạt động vào ngày 01/11/2026 (đã kết thúc hoạt động hết ngày 30/06/2025).", successorEnded.For("Successor"));
        Assert.Equal("Việc chuyển giao từ các đơn vị này cho đơn vị tiếp nhận đã được ghi nhận.", twice.For("Successor"));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_a_database_without_the_succession_gets_it()
    {
        await ForgetDistrictSuccessionAsync();
        var seeder = new DatabaseSeeder(Database.Factory, Database.Clock, NullLogger<DatabaseSeeder>.Instance);

        await seeder.SeedAsync(includeSamples: true, Ct);
        var once = await FingerprintAsync();
        await seeder.SeedAsync(includeSamples: true, Ct);

        Assert.Equal(once, await FingerprintAsync());
        Assert.Equal(("Ủy ban nhân dân thành phố Cần Thơ", "Thị xã Long Mỹ"), ((await RowAsync("VB-22")).Lead!.Name, (await RowAsync("VB-22")).Lead!.FormerName));
        await using var db = Database.NewContext();
        Assert.Equal(8, await db.UnitSuccessions.CountAsync(s => s.Successor!.Code == "CT-UBND" && s.Predecessor!.Kind == OrgUnitKind.DistrictLevel, Ct));
    }

    private static DateOnly Today => DateOnly.FromDateTime(FixedClock.SeedDay.UtcDateTime);

    /// <summary>The state of a database seeded before the succession was known: the districts ended, their open work still on them.</summary>
    private async Task ForgetDistrictSuccessionAsync()
    {
        await Database.ExecuteAsync("""
            DELETE FROM work_item_assignments a USING org_units u
             WHERE a.org_unit_id = u.id AND u.code = 'CT-UBND' AND a.starts_on = DATE '2025-07-01';
            UPDATE work_item_assignments a SET ends_on = NULL FROM org_units u
             WHERE a.org_unit_id = u.id AND u.code LIKE 'HX-%' AND a.ends_on = DATE '2025-06-30';
            DELETE FROM unit_successions s USING org_units u
             WHERE s.predecessor_id = u.id AND u.code LIKE 'HX-%';
            """);
    }
}
