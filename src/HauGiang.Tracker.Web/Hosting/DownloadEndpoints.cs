using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.Workbook;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>Files the browser downloads (any signed-in user): the structure workbook, its blank template, evidence and issued texts.</summary>
internal static class DownloadEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/quan-tri/cau-truc.xlsx", async (HttpContext context, StructureWorkbookService workbooks, TimeProvider clock) =>
        {
            Attach(context, $"cau-truc-chuong-trinh-{VietnamClock.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
            await workbooks.ExportAsync(context.Response.Body, context.RequestAborted);
        });
        endpoints.MapGet("/quan-tri/mau-cau-truc.xlsx", async (HttpContext context, StructureWorkbookService workbooks) =>
        {
            Attach(context, "mau-cau-truc-chuong-trinh.xlsx");
            await workbooks.TemplateAsync(context.Response.Body, context.RequestAborted);
        });
        // Evidence and issued texts: any signed-in user may read them (reading is open); sent as attachments so nothing uploaded runs in the page.
        endpoints.MapGet("/tep/minh-chung/{evidenceId:int}", async (int evidenceId, ItemDetailService details, CancellationToken ct) =>
            await details.EvidenceFileAsync(evidenceId, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        endpoints.MapGet("/tep/van-ban/{documentId:int}", async (int documentId, ItemDetailService details, CancellationToken ct) =>
            await details.IssuedFileAsync(documentId, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        return endpoints;
    }

    private static void Attach(HttpContext context, string fileName)
    {
        context.Response.ContentType = Xlsx;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
