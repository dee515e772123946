using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>The item page lists a draft's evidence only to those who may download it, and everyone's once the report is submitted.</summary>
public class DraftEvidenceVisibilityTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private async Task<IReadOnlyList<EvidenceView>> EvidenceSeenByAsync(Actor viewer, int itemId, int reportId) =>
        (await Get<ItemDetailService>().GetAsync(viewer, itemId, Ct))!.Reports.Single(r => r.Id == reportId).Evidence;

    [Fact]
    public async Task Another_units_draft_is_listed_without_its_evidence_until_it_is_submitted()
    {
        var reports = Get<ProgressReportService>();
        var evidence = Get<EvidenceService>();
        var staff = Staff("CT-SGDDT");
        var item = await ItemIdAsync("NV-04");
        var input = new ReportInput(item, (await PeriodAsync("Quý IV/2026")).Id, 20, "Kết quả", null, null, "Tiếp", null);
        var (_, id) = await reports.SaveAsync(staff, input, null, null, false, Ct);
        Assert.True((await evidence.AddFileAsync(staff, id!.Value, new EvidenceFile("bien-ban.pdf", null, SampleFiles.Pdf()), null, Ct)).Succeeded);

        Assert.Empty(await EvidenceSeenByAsync(Staff("CT-STC"), item, id.Value));
        Assert.Empty(await EvidenceSeenByAsync(Office, item, id.Value));
        Assert.Single(await EvidenceSeenByAsync(staff, item, id.Value));
        Assert.Single(await EvidenceSeenByAsync(Admin, item, id.Value));

        var version = (await Get<ItemDetailService>().ReportAsync(staff, id.Value, Ct))!.Version;
        Assert.True((await reports.SaveAsync(staff, input, version, null, true, Ct)).Result.Succeeded);

        Assert.Single(await EvidenceSeenByAsync(Staff("CT-STC"), item, id.Value));
        Assert.Single(await EvidenceSeenByAsync(Office, item, id.Value));
    }
}
