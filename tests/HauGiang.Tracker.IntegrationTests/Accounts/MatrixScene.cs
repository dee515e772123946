using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// One copy of the seeded database with the app's services over it, and the arranging steps the access
/// matrix needs (a submitted report, a draft with evidence, an open explanation request …), done as the
/// people who may do them, before anything is measured.
/// </summary>
public sealed class MatrixScene : IAsyncDisposable
{
    private MatrixScene(TestDatabase database, ServiceProvider services, IReadOnlyDictionary<string, int> units) =>
        (Database, Services, Units) = (database, services, units);

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IReadOnlyDictionary<string, int> Units { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly Actor Admin = new("arrange-admin", "Quản trị (chuẩn bị)", new HashSet<string> { Roles.Administrator }, new HashSet<int>());
    public static readonly Actor Leader = new("arrange-leader", "Lãnh đạo (chuẩn bị)", new HashSet<string> { Roles.Leader }, new HashSet<int>());

    public static async Task<MatrixScene> CreateAsync(DatabaseTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var database = await templates.CreateAsync();
        await using var db = database.NewContext();
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, u => u.Id, Ct);
        return new MatrixScene(database, TestServices.Build(database), units);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Actor Staff(string unitCode) => new($"arrange-staff-{unitCode}", $"Cán bộ {unitCode} (chuẩn bị)", new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { Units[unitCode] });

    public async Task<(int Id, uint Version)> ItemAsync(string code)
    {
        await using var db = Database.NewContext();
        var item = await db.WorkItems.Where(i => i.Code == code).Select(i => new { i.Id, i.Version }).SingleAsync(Ct);
        return (item.Id, item.Version);
    }

    public async Task<ReportingPeriod> PeriodAsync(Func<ReportingPeriod, bool> which)
    {
        await using var db = Database.NewContext();
        return (await db.Periods.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync(Ct)).First(which);
    }

    public Task<ReportingPeriod> CurrentPeriodAsync() => PeriodAsync(p => p.Label == "Quý IV/2026");

    public async Task<ReportInput> ReportInputAsync(string itemCode) =>
        new((await ItemAsync(itemCode)).Id, (await CurrentPeriodAsync()).Id, 10, "Đang triển khai.", null, null, "Tiếp tục.", null);

    /// <summary>A report of the lead unit's staff on the item, as a draft or submitted.</summary>
    public async Task<(int Id, uint Version)> ReportAsync(string itemCode, string unitCode, bool submit)
    {
        var (result, id) = await Get<ProgressReportService>().SaveAsync(Staff(unitCode), await ReportInputAsync(itemCode), null, null, submit, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await using var db = Database.NewContext();
        return (id!.Value, await db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Ct));
    }

    /// <summary>A link on a draft report of the unit: evidence that may still be removed.</summary>
    public async Task<int> EvidenceAsync(string itemCode, string unitCode)
    {
        var (reportId, _) = await ReportAsync(itemCode, unitCode, submit: false);
        Assert.True((await Get<EvidenceService>().AddLinkAsync(Staff(unitCode), reportId, "https://haugiang.gov.vn/tin", null, Ct)).Succeeded);
        await using var db = Database.NewContext();
        return await db.Evidence.Where(e => e.ReportId == reportId).Select(e => e.Id).SingleAsync(Ct);
    }

    /// <summary>A file on a report of the unit's staff (a contribution where the unit coordinates), left as a draft or then submitted.</summary>
    public async Task<int> FileEvidenceAsync(string itemCode, string unitCode, bool submit)
    {
        var reports = Get<ProgressReportService>();
        var evidence = Get<EvidenceService>();
        var (reportId, version) = await ReportAsync(itemCode, unitCode, submit: false);
        Assert.True((await evidence.AddFileAsync(Staff(unitCode), reportId, new EvidenceFile("bien-ban.pdf", null, SampleFiles.Pdf()), null, Ct)).Succeeded);
        if (submit)
        {
            await using var current = Database.NewContext();
            version = await current.Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync(Ct);
            var (result, _) = await reports.SaveAsync(Staff(unitCode), await ReportInputAsync(itemCode), version, null, submit: true, Ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        }
        await using var db = Database.NewContext();
        return await db.Evidence.Where(e => e.ReportId == reportId).Select(e => e.Id).SingleAsync(Ct);
    }

    /// <summary>VB-02 with its issuance recorded and the signed text uploaded; the document's id.</summary>
    public async Task<int> IssuedTextAsync()
    {
        var (id, version) = await ItemAsync("VB-02");
        var (result, _) = await Get<DocumentService>().RecordIssuanceAsync(Staff("CT-TU"), id, version, Issuance with { File = new EvidenceFile("45-DA-TU.pdf", null, SampleFiles.Pdf()) }, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return id;
    }

    /// <summary>An explanation a leader asked of the item's lead unit, not yet answered.</summary>
    public async Task<ExplanationView> ExplanationAsync(string itemCode)
    {
        var explanations = Get<ExplanationService>();
        var (item, _) = await ItemAsync(itemCode);
        Assert.True((await explanations.RequestAsync(Leader, item, "Vì sao chậm?", null, Ct)).Succeeded);
        return (await explanations.ForItemAsync(item, Ct)).Single(e => !e.IsAnswered);
    }

    public async Task<DocumentStage> StageAsync(string documentCode)
    {
        await using var db = Database.NewContext();
        return await db.Documents.Where(d => d.Code == documentCode).Select(d => d.Stage).SingleAsync(Ct);
    }

    public async Task<int> IssuedDocumentIdAsync()
    {
        await using var db = Database.NewContext();
        return await db.Documents.Where(d => d.Stage == DocumentStage.Issued).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
    }

    /// <summary>VB-02 (Thành ủy Cần Thơ leads, taken over from Ban Tổ chức Tỉnh ủy) with its issuance recorded, waiting for the office to confirm it.</summary>
    public async Task<(int Id, uint Version)> IssuanceAwaitingConfirmationAsync()
    {
        var (id, version) = await ItemAsync("VB-02");
        var (result, _) = await Get<DocumentService>().RecordIssuanceAsync(Staff("CT-TU"), id, version, Issuance, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return await ItemAsync("VB-02");
    }

    public static IssuanceInput Issuance => new("45-ĐA/TU", new DateOnly(2026, 11, 20), null, "Đề án đào tạo, bồi dưỡng cán bộ trẻ", null, null);

    public async Task<(int IndicatorId, int PeriodId)> IndicatorAsync(string code) =>
        ((await Get<IndicatorValueService>().ListAsync(Ct)).Single(i => i.Code == code).Id, (await CurrentPeriodAsync()).Id);

    /// <summary>A document an administrator just added, led by the unit and not started; without a unit nothing refers to it, so it may be deleted.</summary>
    public async Task<(int Id, uint Version)> NewDocumentAsync(string code, string? leadUnitCode = null)
    {
        var result = await Get<StructureEditor>().CreateItemAsync(Admin, new ItemInput(WorkItemKind.Document, code, "Kế hoạch bổ sung", DocumentType: DocumentType.Plan),
            leadUnitCode is null ? null : new AssignmentInput(leadUnitCode, [], null), Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return await ItemAsync(code);
    }

    /// <summary>A quarter of next year, generated and not yet open.</summary>
    /// <summary>The program after its end-of-term review, with no period left open: ready to end its reporting.</summary>
    public async Task<uint> ProgramReadyToEndAsync()
    {
        await Database.ExecuteAsync("UPDATE reporting_periods SET state = 'Closed', closed_at = now(), closed_by = 'arrange' WHERE state = 'Open'");
        await using var db = Database.NewContext();
        return await db.Programs.Select(p => p.Version).FirstAsync(Ct);
    }

    public async Task<ReportingPeriod> PlannedPeriodAsync()
    {
        Assert.True((await Get<PeriodAdministration>().GenerateYearAsync(Admin, 2027, Ct)).Result.Succeeded);
        return await PeriodAsync(p => p.State == PeriodState.Planned);
    }

    /// <summary>An account a test may change, as the administration list shows it.</summary>
    public async Task<UserSummary> AccountAsync()
    {
        var user = await TestUsers.CreateAsync(Services, "muc-tieu@thu.local", Roles.Leader);
        return (await Get<UserAdministrationService>().ListAsync(Admin, Ct)).Single(u => u.Id == user.Id);
    }

    /// <summary>The program as exported, and the fingerprint of its previewed import plan.</summary>
    public async Task<(byte[] Workbook, string Fingerprint)> WorkbookAsync()
    {
        using var output = new MemoryStream();
        await Get<StructureWorkbookService>().ExportAsync(Admin, output, Ct);
        using var input = new MemoryStream(output.ToArray());
        var preview = await Get<StructureWorkbookService>().PreviewAsync(Admin, input, Ct);
        return (output.ToArray(), preview.Plan.Fingerprint);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
