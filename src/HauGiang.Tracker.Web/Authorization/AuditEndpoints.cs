using System.Globalization;
using System.Security.Claims;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Audit;

namespace HauGiang.Tracker.Web.Authorization;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The trail as CSV: a plain download the browser saves, streamed row by row.
        endpoints.MapGet("/kiem-tra/nhat-ky.csv", async (HttpContext context, ActorDirectory actors, AccessGuard guard, AuditTrailService trail, TimeProvider clock) =>
        {
            var actor = await actors.FindAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.RequestAborted);
            if (actor is null)
            {
                return Results.Challenge();
            }
            try
            {
                await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "nhat-ky.csv", context.RequestAborted);
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
            var filter = AuditQuery.Parse(context.Request.Query);
            var name = $"nhat-ky-thay-doi-{VietnamClock.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            await AuditCsv.WriteAsync(context.Response.Body, trail.ExportAsync(actor, filter, context.RequestAborted), context.RequestAborted);
            return Results.Empty;
        });
        return endpoints;
    }
}

/// <summary>The audit filter as query-string parameters, shared by the page and the CSV link.</summary>
public static class AuditQuery
{
    public static AuditFilter Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new AuditFilter(
            UserId: Text(query["nguoi"]),
            UnitId: Int(query["donvi"]),
            ItemId: Int(query["muc"]),
            PeriodId: Int(query["ky"]),
            From: Day(query["tu"]),
            To: Day(query["den"]),
            Category: Enum.TryParse<AuditCategory>(query["loai"], out var category) ? category : null);
    }

    public static string ToQuery(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("nguoi", filter.UserId);
        Add("donvi", filter.UnitId?.ToString(CultureInfo.InvariantCulture));
        Add("muc", filter.ItemId?.ToString(CultureInfo.InvariantCulture));
        Add("ky", filter.PeriodId?.ToString(CultureInfo.InvariantCulture));
        Add("tu", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("den", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("loai", filter.Category?.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
