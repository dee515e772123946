using System.Net;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.IntegrationTests.Roadmap;

/// <summary>The roadmap's PDF through the host: the page's query decides what is printed; only signed-in users get it.</summary>
public sealed class RoadmapDownloadTests(DatabaseTemplates templates)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leader_downloads_the_roadmap_as_it_stood_on_a_day_on_A3()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        var (leader, _) = await app.SignedInAsync(Roles.Leader);
        using (leader)
        {
            using var response = await leader.GetAsync(new Uri("lo-trinh.pdf?ngay=2024-06-30&thu-phong=quy&kho=a3", UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("lo-trinh-20240630-a3.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
            var first = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("Lộ trình thực hiện", first, StringComparison.Ordinal);
            Assert.Contains("Số liệu tính đến ngày 30/06/2024", first, StringComparison.Ordinal);
            Assert.Contains("Thu phóng theo: Quý", first, StringComparison.Ordinal);
            Assert.Contains($"Trang 1/{pdf.NumberOfPages}", first, StringComparison.Ordinal);
            Assert.True(pdf.GetPage(1).Width > 1100, "A3 landscape is 1191 points wide");
        }
    }

    [Fact]
    public async Task Nobody_signed_out_gets_the_roadmap()
    {
        await using var database = await templates.CreateAsync();
        await using var app = new TrackerApp(database);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(new Uri("lo-trinh.pdf", UriKind.Relative), Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
