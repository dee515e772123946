using System.Globalization;
using System.Security.Claims;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Workbook;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// Files the browser downloads: the structure workbook and its blank template (administrators), evidence and
/// issued texts (as the item page shows them). Each is decided by the Core service for the current actor.
/// </summary>
internal static class DownloadEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/quan-tri/cau-truc.xlsx", (HttpContext context, StructureWorkbookService workbooks, TimeProvider clock) =>
            WorkbookAsync(context, $"cau-truc-chuong-trinh-{VietnamClock.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx", workbooks.ExportAsync));
        endpoints.MapGet("/quan-tri/mau-cau-truc.xlsx", (HttpContext context, StructureWorkbookService workbooks) =>
            WorkbookAsync(context, "mau-cau-truc-chuong-trinh.xlsx", workbooks.TemplateAsync));
        // Sent as attachments so nothing uploaded runs in the page.
        endpoints.MapGet("/tep/minh-chung/{evidenceId:int}", (int evidenceId, HttpContext context, ItemFiles files) =>
            FileAsync(context, (actor, ct) => files.EvidenceAsync(actor, evidenceId, ct)));
        endpoints.MapGet("/tep/van-ban/{documentId:int}", (int documentId, HttpContext context, ItemFiles files) =>
            FileAsync(context, (actor, ct) => files.IssuedTextAsync(actor, documentId, ct)));
        return endpoints;
    }

    private static async Task<Actor?> ActorAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<ActorDirectory>().FindAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.RequestAborted);

    /// <summary>A refused file answers 404 like a missing one, so its number tells nobody that it exists.</summary>
    private static async Task<IResult> FileAsync(HttpContext context, Func<Actor, CancellationToken, Task<StoredDownload?>> read)
    {
        if (await ActorAsync(context) is not { } actor)
        {
            return Results.Challenge();
        }
        try
        {
            return await read(actor, context.RequestAborted) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound();
        }
        catch (AccessDeniedException)
        {
            return Results.NotFound();
        }
    }

    private static async Task<IResult> WorkbookAsync(HttpContext context, string fileName, Func<Actor, Stream, CancellationToken, Task> write)
    {
        if (await ActorAsync(context) is not { } actor)
        {
            return Results.Challenge();
        }
        using var buffer = new MemoryStream();
        try
        {
            await write(actor, buffer, context.RequestAborted);
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
        return Results.File(buffer.ToArray(), Xlsx, fileName);
    }
}
