namespace HauGiang.Tracker.Web.Authorization;

/// <summary>
/// The circuit's hub (negotiate and WebSocket) refuses a page from another site: WebSockets are not
/// bound by CORS, so without this a foreign page could drive a signed-in user's circuit.
/// </summary>
internal static class HubOriginCheck
{
    public const string HubPath = "/_blazor";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        // Extra origins, e.g. when the proxy rewrites the Host header: Security__AllowedOrigins=https://a.example,https://b.example
        var allowed = (configuration["Security:AllowedOrigins"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(HubPath) && request.Headers.Origin.Count > 0)
            {
                var own = Normalize($"{request.Scheme}://{request.Host.Value}");
                var from = Normalize(request.Headers.Origin.ToString());
                if (from is null || (!string.Equals(from, own, StringComparison.OrdinalIgnoreCase) && !allowed.Contains(from)))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync("Kết nối bị từ chối: trang gửi yêu cầu không thuộc hệ thống này.", context.RequestAborted);
                    return;
                }
            }
            await next(context);
        });
    }

    // Scheme, host and port as a browser writes an Origin (default ports left out), or null when it is no address.
    private static string? Normalize(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
            : null;
}
