using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Units;
using HauGiang.Tracker.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// The rest of the matrix: every write of progress reporting, periods, structure and units, for every
/// role, as a member of the unit the item belongs to and of a unit it does not.
/// </summary>
public partial class AccessMatrixTests
{
    private const string Outsider = "SNV";

    public static TheoryData<string, bool> RolesByUnit()
    {
        var data = new TheoryData<string, bool>();
        foreach (var role in Roles.All)
        {
            data.Add(role, true);
            data.Add(role, false);
        }
        return data;
    }

    private async Task<(int Id, uint Version)> ItemAsync(string code) => (await ItemIdAsync(code), await ItemVersionAsync(code));

    private async Task<int> CurrentPeriodAsync() => (await PeriodAsync("Quý IV/2026")).Id;

    [Theory]
    [MemberData(nameof(RolesByUnit))]
    public async Task Reporting_is_for_staff_of_the_lead_or_a_coordinating_unit(string role, bool ownUnit)
    {
        var period = await CurrentPeriodAsync();
        var reports = Get<ProgressReportService>();
        var staffOfUnit = role == Roles.UnitStaff && ownUnit;

        // NV-04: Sở GD&ĐT leads. NV-01: Sở LĐ-TB&XH leads, Sở GD&ĐT coordinates (its report is a contribution).
        var (lead, _) = await ItemAsync("NV-04");
        await AssertAllowedOrRefusedAsync(staffOfUnit, () => reports.SaveAsync(As(role, ownUnit ? "SGDDT" : Outsider), new ReportInput(lead, period, 10, "Đang làm.", null, null, "Tiếp tục.", null), null, null, false, Ct));
        var (coordinated, _) = await ItemAsync("NV-01");
        await AssertAllowedOrRefusedAsync(staffOfUnit, () => reports.SaveAsync(As(role, ownUnit ? "SGDDT" : Outsider), new ReportInput(coordinated, period, 10, "Phối hợp.", null, null, "Tiếp tục.", null), null, null, false, Ct));
    }

    [Theory]
    [MemberData(nameof(RolesByUnit))]
    public async Task Evidence_is_changed_only_by_the_unit_that_made_the_report(string role, bool ownUnit)
    {
        var (item, _) = await ItemAsync("NV-04");
        var (saved, reportId) = await Get<ProgressReportService>().SaveAsync(As(Roles.UnitStaff, "SGDDT"), new ReportInput(item, await CurrentPeriodAsync(), 10, "Đang làm.", null, null, "Tiếp.", null), null, null, false, Ct);
        Assert.True(saved.Succeeded);
        var actor = As(role, ownUnit ? "SGDDT" : Outsider);
        var allowed = role == Roles.UnitStaff && ownUnit;

        await AssertAllowedOrRefusedAsync(allowed, () => Get<ProgressReportService>().AddLinkAsync(actor, reportId!.Value, "https://haugiang.gov.vn/tin", null, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => Get<ProgressReportService>().AddFileAsync(actor, reportId!.Value, new EvidenceFile("a.pdf", null, [.. "%PDF-1.4"u8]), null, Ct));
    }

    [Theory]
    [MemberData(nameof(RolesByUnit))]
    public async Task Issuance_is_recorded_by_staff_of_the_lead_unit(string role, bool ownUnit)
    {
        var documents = Get<DocumentService>();
        await using var db = Database.NewContext();
        // A document still being drafted (the seeded VB-05 is already issued and confirmed).
        var document = await db.Documents.Where(d => d.Stage < DocumentStage.SubmittedForSignature && d.State == ItemState.Active
                && d.Assignments.Any(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && a.OrgUnit!.Code != Outsider)).OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Stage, Lead = d.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null).Select(a => a.OrgUnit!.Code).First() })
            .FirstAsync(Ct);
        Assert.NotEqual(Outsider, document.Lead);
        var actor = As(role, ownUnit ? document.Lead : Outsider);
        var allowed = role == Roles.UnitStaff && ownUnit;

        var (id, version) = await ItemAsync(document.Code);
        await AssertAllowedOrRefusedAsync(allowed, () => documents.AdvanceAsync(actor, id, version, document.Stage + 1, Ct));
        (id, version) = await ItemAsync(document.Code);
        await AssertAllowedOrRefusedAsync(allowed, () => documents.RecordIssuanceAsync(actor, id, version, new IssuanceInput("12-KH/UBND", new DateOnly(2026, 11, 2), null, "Kế hoạch nâng cao chất lượng giáo dục", null, null), Ct));
    }

    [Theory]
    [MemberData(nameof(RolesByUnit))]
    public async Task Explanations_are_asked_by_leaders_and_answered_by_the_lead_unit(string role, bool ownUnit)
    {
        var explanations = Get<ExplanationService>();
        var (item, _) = await ItemAsync("NV-04");
        Assert.True((await explanations.RequestAsync(As(Roles.Leader), item, "Vì sao chậm?", null, Ct)).Succeeded);
        var request = (await explanations.ForItemAsync(item, Ct)).First();

        await AssertAllowedOrRefusedAsync(role == Roles.Leader, () => explanations.RequestAsync(As(role, ownUnit ? "SGDDT" : Outsider), item, "Câu hỏi thêm", null, Ct));
        await AssertAllowedOrRefusedAsync(role == Roles.UnitStaff && ownUnit, () => explanations.AnswerAsync(As(role, ownUnit ? "SGDDT" : Outsider), request.Id, request.Version, "Do thiếu kinh phí.", Ct));
    }

    [Theory]
    [MemberData(nameof(RolesByUnit))]
    public async Task Indicator_values_are_entered_by_the_responsible_unit(string role, bool ownUnit)
    {
        var values = Get<IndicatorValueService>();
        var indicator = (await values.ListAsync(Ct)).Single(i => i.Code == "CT-M01"); // Sở LĐ-TB&XH
        var period = await CurrentPeriodAsync();

        await AssertAllowedOrRefusedAsync(role == Roles.UnitStaff && ownUnit,
            () => values.RecordAsync(As(role, ownUnit ? "SLDTBXH" : Outsider), indicator.Id, period, 70m, "Báo cáo của Sở", null, Ct));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Reviewing_and_adjusting_deadlines_are_for_the_monitoring_office(string role)
    {
        var actor = As(role, "SGDDT");
        var (item, _) = await ItemAsync("NV-04");
        var (_, reportId) = await Get<ProgressReportService>().SaveAsync(As(Roles.UnitStaff, "SGDDT"), new ReportInput(item, await CurrentPeriodAsync(), 10, "Đang làm.", null, null, "Tiếp.", null), null, null, true, Ct);
        await using (var db = Database.NewContext())
        {
            var version = await db.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync(Ct);
            await AssertAllowedOrRefusedAsync(role == Roles.MonitoringOffice, () => Get<ReviewService>().QueueAsync(actor, Ct));
            await AssertAllowedOrRefusedAsync(role == Roles.MonitoringOffice, () => Get<ReviewService>().ReviewAsync(actor, reportId!.Value, version, false, "Bổ sung số liệu.", Ct));
        }
        var (_, itemVersion) = await ItemAsync("NV-04");
        await AssertAllowedOrRefusedAsync(role is Roles.MonitoringOffice or Roles.Administrator,
            () => Get<DeadlineAdjustmentService>().AdjustAsync(actor, item, itemVersion, new DeadlineAdjustmentInput("Năm 2027", "12/QĐ-UBND", new DateOnly(2026, 11, 2), null), Ct));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Periods_structure_and_units_are_managed_by_administrators(string role)
    {
        var actor = As(role, "SGDDT");
        var allowed = role == Roles.Administrator;
        await using var db = Database.NewContext();
        var current = await db.Periods.AsNoTracking().SingleAsync(p => p.Label == "Quý IV/2026", Ct);
        var periods = Get<PeriodAdministration>();

        await AssertAllowedOrRefusedAsync(allowed, () => periods.GenerateYearAsync(actor, 2027, Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => periods.AdjustWindowAsync(actor, current.Id, current.Version, current.StartsOn, current.EndsOn.AddDays(-1), Ct));
        await AssertAllowedOrRefusedAsync(allowed, () => Get<UnitAdministration>().SaveUnitAsync(actor, null, new UnitInput($"MOI-{role}", "Đơn vị mới", null, OrgUnitKind.Department, null, null), null, Ct));
        var (item, _) = await ItemAsync("NV-04");
        await AssertAllowedOrRefusedAsync(allowed, () => Get<ItemRetirement>().SetClosedAsync(actor, item, true, "Đã hoàn thành theo quyết định.", Ct));
    }
}
