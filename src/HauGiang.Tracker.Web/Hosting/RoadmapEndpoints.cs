using System.Globalization;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.Web.Components.Pages.Roadmap;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// The roadmap as a PDF: the page's own query (program, day or period, comparison, filters, zoom, grouping) plus
/// the paper (kho=a4|a3), so what is printed is what the user was looking at. Open to whoever may see the page
/// (every signed-in user, by the fallback policy).
/// </summary>
internal static class RoadmapEndpoints
{
    public static IEndpointRouteBuilder MapRoadmapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoadmapPage.PdfPath, async (HttpContext context, RoadmapService roadmaps, IStringLocalizer<SharedResource> L) =>
        {
            var q = context.Request.Query;
            var request = OverviewQuery.Request(q[OverviewQuery.ProgramKey], q[OverviewQuery.DayKey], q[OverviewQuery.PeriodKey]);
            var filter = OverviewQuery.Filter(q[OverviewQuery.BreakthroughKey], q[OverviewQuery.GroupKey], q[OverviewQuery.UnitKey], q[OverviewQuery.SamplesKey],
                q[OverviewQuery.KindKey], q[OverviewQuery.BucketKey]);
            var compareDay = OverviewQuery.Day(q[OverviewQuery.CompareDayKey]);
            var comparePeriod = QueryValue.Int(q[OverviewQuery.ComparePeriodKey]);
            var compare = compareDay is null && comparePeriod is null ? null : new Core.Features.Overview.FactsRequest(request.ProgramId, compareDay, comparePeriod);
            var zoom = OverviewQuery.Zoom(q[OverviewQuery.ZoomKey]);
            var paper = string.Equals(q[RoadmapPage.PaperKey], "a3", StringComparison.OrdinalIgnoreCase) ? RoadmapPaper.A3 : RoadmapPaper.A4;
            var roadmap = await roadmaps.GetAsync(new RoadmapRequest(request, filter, OverviewQuery.Grouping(q[OverviewQuery.GroupByKey]), compare), context.RequestAborted);
            if (roadmap is null)
            {
                return Results.NotFound();
            }
            var buffer = new MemoryStream();
            RoadmapPdf.Write(roadmap, zoom, paper, RoadmapPrint.Words(L, roadmap, zoom), buffer);
            buffer.Position = 0;
            var name = $"lo-trinh-{roadmap.Facts.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{paper.ToString().ToLowerInvariant()}.pdf";
            return Results.File(buffer, "application/pdf", name);
        }).RequireAuthorization();
        return endpoints;
    }
}
