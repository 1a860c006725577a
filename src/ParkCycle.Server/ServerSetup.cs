using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using ParkCycle.Grains;
using ParkCycle.Server.Security;
using ParkCycle.Grains.Hosting;

namespace ParkCycle.Server;

/// <summary>The host's wiring, one concern per method, so Program.cs reads as a table of contents.</summary>
public static class ServerSetup
{
    /// <summary>Co-hosts the silo (the same wiring as the silo-only host).</summary>
    public static WebApplicationBuilder AddParkCycleSilo(this WebApplicationBuilder builder)
    {
        // One clock for the host, the API and the grains; tests register a FakeTimeProvider first.
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The served park is required here (the silo-only host needs none): the health check and the forecast ask for it.
        builder.Services.AddOptions<ParkCycleOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.ParkId), "ParkCycle:ParkId is required: the park the dashboard, health check and forecast serve")
            .ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            silo.UseParkCycle(builder.Configuration);
            silo.AddDashboard(); // the Orleans dashboard, mapped for administrators only
        });
        return builder;
    }

    /// <summary>The HttpOnly, SameSite=Strict cookie that also carries the token for navigated pages.</summary>
    public const string TokenCookie = "parkcycle_token";

    /// <summary>The request item that marks a request authorised by the session cookie rather than a bearer header.</summary>
    internal const string CookieAuthorised = "parkcycle.cookie-authorised";

    /// <summary>The header a write authorised by the session cookie must carry (any value); a cross-site form or image cannot add one.</summary>
    public const string AntiforgeryHeader = "X-Requested-With";

    /// <summary>JWT bearer tokens issued by this server, role policies, accounts, the bootstrap administrator, rate limits.</summary>
    public static WebApplicationBuilder AddParkCycleSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ParkCycle");
        var accountsPath = section["AccountsPath"] ?? "data/accounts.db";
        var accounts = new AccountStore(accountsPath);
        // Before the host is built, so the bootstrap administrator exists when the first request arrives.
        accounts.UpsertAsync(section["Admin:Username"] ?? "admin", section["Admin:Password"] ?? "parkcycle-admin", Roles.Administrator, null).GetAwaiter().GetResult();
        // A configured key, or the one generated on the first start and kept beside the accounts: tokens survive restarts.
        var key = section["JwtKey"] is { Length: > 0 } configured
            ? TokenIssuer.KeyFrom(configured)
            : SigningKeyFile.LoadOrCreate(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(accountsPath))!, SigningKeyFile.FileName));
        builder.Services.AddSingleton(_ => accounts); // a factory, so the container disposes it (its writer) at shutdown
        builder.Services.AddSingleton(sp => new TokenIssuer(key, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            // Pages opened by navigation (the Orleans dashboard) carry the token in the HttpOnly cookie set at login.
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // A bearer header wins over the cookie; a request authorised by the cookie alone is marked, so
                    // its writes need the anti-forgery header (UseParkCycleAntiforgery).
                    if (string.IsNullOrEmpty(context.Token) && string.IsNullOrEmpty(context.Request.Headers.Authorization)
                        && context.Request.Cookies.TryGetValue(TokenCookie, out var cookie))
                    {
                        context.Token = cookie;
                        context.HttpContext.Items[CookieAuthorised] = true;
                    }

                    return Task.CompletedTask;
                },
                // A token lives only as long as its account's security stamp: logout, a password or a role change end it.
                OnTokenValidated = context =>
                {
                    var principal = context.Principal;
                    var name = principal?.Identity?.Name;
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
                    if (name is null || !accounts.IsCurrent(name, principal!.FindFirstValue(TokenIssuer.StampClaim)))
                    {
                        context.Fail("the session has ended (logout, or a password or role change)");
                    }

                    return Task.CompletedTask;
                },
            };
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ClockSkew = TimeSpan.FromSeconds(30), // the library's default is 5 minutes
                ValidIssuer = TokenIssuer.Issuer,
                ValidAudience = TokenIssuer.Issuer,
                IssuerSigningKey = key,
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
            };
        });
        // Token lifetimes are checked on the host's clock, the one that issued them (the library's default reads the
        // system clock): an expiry is required, both ends allow the configured clock skew.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, clock) => o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now - parameters.ClockSkew < end && (notBefore is not { } start || start <= now + parameters.ClockSkew);
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<LoginThrottle>();
        // A body or query value the binder cannot read is thrown, so RequestGuard answers it naming the field (never a bare 400 or a 500).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        var permits = int.Parse(section["ReportRateLimit"] ?? "600", System.Globalization.CultureInfo.InvariantCulture);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Ceiling(after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy("reports", http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>OpenTelemetry in one place: traces from HTTP through Orleans; metrics with a Prometheus endpoint; OTLP when configured.</summary>
    public static WebApplicationBuilder AddParkCycleObservability(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(ParkCycleMetrics.MeterName, "Microsoft.Orleans").AddAspNetCoreInstrumentation().AddPrometheusExporter())
            .WithTracing(t => t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddAspNetCoreInstrumentation());
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithMetrics(m => m.AddOtlpExporter()).WithTracing(t => t.AddOtlpExporter());
        }

        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: ["ready"]);
        return builder;
    }

    /// <summary>JSON in snake_case, problem details for every error, OpenAPI.</summary>
    public static WebApplicationBuilder AddParkCycleApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            // A number may be sent as a JSON number or as a string holding one ("10"), as in dataset documents and CSV
            // cells; both pass the same range checks (docs/security.md).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Api.ProblemTitles.Localise);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<ForecastService>();
        return builder;
    }

    /// <summary>
    /// Anti-forgery for the cookie: a state-changing request authorised by the session cookie alone (no bearer header)
    /// is refused 403 unless it carries <see cref="AntiforgeryHeader"/>. A browser adds a custom header only to
    /// same-origin script requests (cross-origin it needs a CORS preflight, which this server never grants), so a
    /// forged form post or link riding the cookie is stopped, on top of the cookie's SameSite=Strict. Call after
    /// authentication.
    /// </summary>
    public static WebApplication UseParkCycleAntiforgery(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsWrite(http.Request.Method) && http.Items.ContainsKey(CookieAuthorised) && http.User.Identity?.IsAuthenticated == true
                && string.IsNullOrWhiteSpace(http.Request.Headers[AntiforgeryHeader]))
            {
                await TypedResults.Problem(title: $"a write authorised by the session cookie needs the {AntiforgeryHeader} header (anti-forgery); or send the token as a bearer header",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        return app;
    }

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Records every state-changing request: who, what, when, and how it ended.</summary>
    public static WebApplication UseParkCycleAudit(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            await next();
            // Authenticated writes only (anonymous requests would let anyone grow the table); failed logins are
            // audited by the token endpoint itself.
            if (http.User.Identity?.IsAuthenticated == true
                && (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsPatch(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method)))
            {
                await http.RequestServices.GetRequiredService<AccountStore>().AuditAsync(
                    http.User.Identity?.Name ?? "anonymous", http.Request.Method, http.Request.Path, http.Response.StatusCode,
                    http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            }
        });
        return app;
    }
}

/// <summary>Ready when the co-hosted silo answers a grain call that reads storage (the park's snapshot).</summary>
public sealed class SiloReadyCheck(IGrainFactory grains, Microsoft.Extensions.Options.IOptions<ParkCycleOptions> options) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var info = await grains.GetGrain<Grains.Abstractions.IParkGrain>(options.Value.ParkId!).GetSnapshotInfoAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"park {info.ParkId} snapshot v{info.Version}");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("the silo does not answer", ex);
        }
    }
}
