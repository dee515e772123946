using System.Security.Claims;
using System.Threading.RateLimiting;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.AspNetCore.Antiforgery;

namespace HauGiang.Tracker.Web.Authorization;

/// <summary>Headers, sign-in rate limit, forged-form and 2FA-enrolment checks, in the order the pipeline needs them.</summary>
internal static class SecurityPipeline
{
    public const string SignInPath = "/tai-khoan/dang-nhap";
    public const string TwoFactorSignInPath = "/tai-khoan/xac-thuc-hai-buoc";
    public const string RecoveryCodePath = "/tai-khoan/ma-khoi-phuc";
    public const string EnableAuthenticatorPath = "/tai-khoan/bao-mat/kich-hoat";

    // MudBlazor sets inline style attributes on its components, so styles need 'unsafe-inline'; scripts
    // do not: only the app's own files run. connect-src 'self' covers the circuit's WebSocket.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, int attemptsPerMinute)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignInPost(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = attemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = async (context, ct) =>
            {
                var events = context.HttpContext.RequestServices.GetRequiredService<SecurityEvents>();
                await events.RecordAsync(SecurityEvents.RateLimited, null, "(chưa đăng nhập)", new { path = context.HttpContext.Request.Path.Value },
                    ClientKey(context.HttpContext), ct);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Đăng nhập quá nhiều lần trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.", ct);
            };
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool isDevelopment) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>Logs and refuses a form post whose antiforgery token failed, with a message in Vietnamese.</summary>
    public static IApplicationBuilder UseForgedFormRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            var events = context.RequestServices.GetRequiredService<SecurityEvents>();
            await events.RecordAsync(SecurityEvents.AntiforgeryRejected, context.User.FindFirstValue(ClaimTypes.NameIdentifier),
                context.User.Identity?.Name ?? "(chưa đăng nhập)", new { path = context.Request.Path.Value }, ClientKey(context), context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Biểu mẫu không hợp lệ hoặc đã hết hạn. Tải lại trang rồi gửi lại.", context.RequestAborted);
            return;
        }
        await next(context);
    });

    /// <summary>While a role requires two-factor sign-in the user has not set up, every page leads to setting it up.</summary>
    public static IApplicationBuilder UseTwoFactorEnrollment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(TrackerClaims.TwoFactorEnrollmentRequired, "true")
            && !path.StartsWithSegments("/tai-khoan") && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content")
            && !path.StartsWithSegments("/health") && !Path.HasExtension(path.Value))
        {
            context.Response.Redirect($"{EnableAuthenticatorPath}?batbuoc=1");
            return;
        }
        await next(context);
    });

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments(SignInPath) || request.Path.StartsWithSegments(TwoFactorSignInPath) || request.Path.StartsWithSegments(RecoveryCodePath));

    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
