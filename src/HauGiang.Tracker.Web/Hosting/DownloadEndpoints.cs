using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Workbook;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>Files the browser downloads: the structure workbook and its blank template (any signed-in user).</summary>
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
        return endpoints;
    }

    private static void Attach(HttpContext context, string fileName)
    {
        context.Response.ContentType = Xlsx;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
