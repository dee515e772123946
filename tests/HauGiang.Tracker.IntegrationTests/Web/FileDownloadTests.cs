using System.Net;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Web;

/// <summary>Files are fetched by number: the number must not open another unit's unsubmitted work.</summary>
public sealed class FileDownloadTests(DatabaseTemplates templates)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evidence_of_a_draft_goes_to_its_unit_and_administrators_and_to_no_other_unit_by_url()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var (unitA, userA) = await app.SignedInAsync(Roles.UnitStaff, "CT-SGDDT");
        var (unitB, _) = await app.SignedInAsync(Roles.UnitStaff, "CT-STC");
        var (admin, _) = await app.SignedInAsync(Roles.Administrator);
        var content = SampleFiles.Pdf("Nhap cua So GD");
        var evidenceId = await DraftEvidenceAsync(app, database, await TestUsers.ActorAsync(app.Services, userA), content);
        using (unitA)
        using (unitB)
        using (admin)
        {
            using var refused = await unitB.GetAsync(new Uri($"tep/minh-chung/{evidenceId}", UriKind.Relative), Ct);
            using var missing = await unitB.GetAsync(new Uri($"tep/minh-chung/{evidenceId + 1000}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode); // the same answer as a number that holds nothing
            Assert.DoesNotContain("Nhap cua So GD", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            foreach (var client in new[] { unitA, admin })
            {
                using var served = await client.GetAsync(new Uri($"tep/minh-chung/{evidenceId}", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, served.StatusCode);
                Assert.Equal(content, await served.Content.ReadAsByteArrayAsync(Ct));
            }
        }
    }

    [Fact]
    public async Task The_structure_workbooks_are_for_administrators_only()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var (staff, _) = await app.SignedInAsync(Roles.Leader);
        var (admin, _) = await app.SignedInAsync(Roles.Administrator);
        using (staff)
        using (admin)
        {
            foreach (var path in new[] { "quan-tri/cau-truc.xlsx", "quan-tri/mau-cau-truc.xlsx" })
            {
                using var refused = await staff.GetAsync(new Uri(path, UriKind.Relative), Ct);
                using var served = await admin.GetAsync(new Uri(path, UriKind.Relative), Ct);
                Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
                Assert.Equal(HttpStatusCode.OK, served.StatusCode);
                Assert.Equal("PK"u8.ToArray(), (await served.Content.ReadAsByteArrayAsync(Ct))[..2]);
            }
        }
    }

    private static async Task<int> DraftEvidenceAsync(TrackerApp app, TestDatabase database, Actor staff, byte[] content)
    {
        await using var db = database.NewContext();
        var itemId = await db.WorkItems.Where(i => i.Code == "NV-04").Select(i => i.Id).SingleAsync(Ct);
        var periodId = await db.Periods.Where(p => p.Label == "Quý IV/2026").Select(p => p.Id).SingleAsync(Ct);
        var reports = app.Services.GetRequiredService<ProgressReportService>();
        var (saved, reportId) = await reports.SaveAsync(staff, new ReportInput(itemId, periodId, 10, "Đang triển khai.", null, null, "Tiếp tục.", null), null, null, false, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        Assert.True((await app.Services.GetRequiredService<EvidenceService>().AddFileAsync(staff, reportId!.Value, new EvidenceFile("bien-ban.pdf", null, content), null, Ct)).Succeeded);
        Assert.Equal(ReviewState.Draft, await db.Reports.Where(r => r.Id == reportId).Select(r => r.State).SingleAsync(Ct));
        return await db.Evidence.Where(e => e.ReportId == reportId).Select(e => e.Id).SingleAsync(Ct);
    }
}
