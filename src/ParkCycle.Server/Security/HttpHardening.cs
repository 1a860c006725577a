using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ParkCycle.Server.Security;

/// <summary>
/// Security headers on every response (dashboard, API, docs) and the <c>/metrics</c> restriction (docs/security.md).
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// The dashboard's policy: scripts, styles and data only from the server itself, no inline script or style, no
    /// framing, no plugins. The API reference (<c>/scalar</c>) and the Orleans dashboard (<c>/orleans</c>), third-party
    /// pages that configure themselves with inline script, get the same policy with inline script and style allowed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ToolsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers; first in the pipeline, so static files and errors carry them too.</summary>
    public static WebApplication UseParkCycleSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            var tools = http.Request.Path.StartsWithSegments("/scalar") || http.Request.Path.StartsWithSegments("/orleans");
            headers.ContentSecurityPolicy = tools ? ToolsPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// <c>/metrics</c> answers loopback callers (a Prometheus beside the server), or anyone presenting
    /// <c>Authorization: Bearer &lt;ParkCycle:MetricsToken&gt;</c> when that token is configured; everyone else gets 404.
    /// </summary>
    public static WebApplication UseParkCycleMetricsGuard(this WebApplication app)
    {
        var token = app.Configuration["ParkCycle:MetricsToken"];
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/metrics") || IsLoopback(http) || HasToken(http, token))
            {
                return next(http);
            }

            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    // The in-process test server has no remote address: it is the machine itself.
    private static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);

    private static bool HasToken(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token) || http.Request.Headers.Authorization.ToString() is not { } header || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..]), Encoding.UTF8.GetBytes(token));
    }
}
