using System.Security.Claims;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>The REST API under <c>/api</c>: auth, accounts, parks, enterprises and their reports, audit.</summary>
public static class ParkCycleApi
{
    public static WebApplication MapParkCycleApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithName("IssueToken");
        api.MapPost("/auth/logout", LogOut).AllowAnonymous();
        api.MapPost("/accounts", CreateAccount).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        api.MapGet("/audit", ReadAudit).RequireAuthorization(p => p.RequireRole(Roles.Administrator));

        var parks = api.MapGroup("/parks/{parkId}").RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            // A park that was never loaded is 404 on every route, and asking stores nothing.
            var parkId = (string)context.HttpContext.Request.RouteValues["parkId"]!;
            var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
            return await grains.GetGrain<IParkGrain>(parkId).IsSeededAsync()
                ? await next(context)
                : Results.Problem(title: $"unknown park '{parkId}'", statusCode: StatusCodes.Status404NotFound);
        });
        parks.MapGet("/", GetPark);
        parks.MapGet("/analysis", GetAnalysis).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapGet("/enterprises", ListEnterprises);
        parks.MapGet("/sankey", async (string parkId, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetSankeyAsync()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapGet("/dataset", ExportDataset).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        parks.MapGet("/scenario", RunScenario).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        api.MapPost("/datasets", ImportDataset).RequireAuthorization(p => p.RequireRole(Roles.Administrator)).DisableAntiforgery()
            .WithMetadata(new BodyLimit(BodyLimit.DatasetBytes));
        parks.MapGet("/quarantine", async (string parkId, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetQuarantineAsync()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        parks.MapHeatApi();
        parks.MapGet("/forecast", GetForecast).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapProjectsApi();
        parks.MapReconciliation();

        var enterprises = api.MapGroup("/enterprises/{id}").RequireAuthorization();
        enterprises.MapGet("/", GetEnterprise);
        enterprises.MapGet("/reports", GetReports);
        enterprises.MapPost("/offers", ReportOffer).RequireRateLimiting("reports");
        enterprises.MapPost("/needs", ReportNeed).RequireRateLimiting("reports");
        enterprises.MapPost("/connections", Connect);
        return app;
    }

    private static async Task<IResult> IssueToken(TokenRequest request, AccountStore accounts, TokenIssuer tokens, LoginThrottle throttle, TimeProvider clock, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["a value is required"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["a value is required"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (throttle.RetryAfter(request.Username!, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "too many failed logins; wait before trying again", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var account = request.Password!.Length > PasswordPolicy.MaxLength ? null : accounts.Verify(request.Username!, request.Password!);
        if (account is null)
        {
            throttle.Failed(request.Username!, address);
            // Failed logins are audited (bounded: the throttle stops a flood after a few per account and address).
            var who = new string([.. request.Username!.Where(ch => !char.IsControl(ch)).Take(64)]);
            await accounts.AuditAsync($"login-failed:{who}", http.Request.Method, http.Request.Path, StatusCodes.Status401Unauthorized, clock.GetUtcNow());
            return Results.Problem(title: "wrong username or password", statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = tokens.Issue(account);
        http.Response.Cookies.Append(ServerSetup.TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        return Results.Ok(new TokenResponse(token, "Bearer", account.Role, account.Enterprise));
    }

    private static async Task<IResult> CreateAccount(AccountRequest request, AccountStore accounts, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (PasswordPolicy.UsernameProblem(request.Username) is { } usernameProblem)
        {
            errors["username"] = [usernameProblem];
        }

        if (PasswordPolicy.Problem(request.Password, request.Username) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }

        if (request.Enterprise is { Length: > Domain.Model.Identifier.MaxLength })
        {
            errors["enterprise"] = ["not an enterprise id"];
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors["role"] = [$"one of: {string.Join(", ", Roles.All)}"];
        }
        else if (request.Role == Roles.Enterprise && (request.Enterprise is null || await grains.GetGrain<IEnterpriseGrain>(request.Enterprise).GetProfileAsync() is null))
        {
            errors["enterprise"] = [request.Enterprise is null ? "an enterprise user needs its enterprise id" : $"unknown enterprise '{request.Enterprise}'"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        await accounts.UpsertAsync(request.Username!, request.Password!, request.Role!, request.Role == Roles.Enterprise ? request.Enterprise : null);
        return Results.Created($"/api/accounts/{request.Username}", new { username = request.Username, role = request.Role, enterprise = request.Enterprise });
    }

    private static IResult ReadAudit(AccountStore accounts, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = Paging(page, pageSize);
        var items = accounts.ReadAudit((p - 1) * size, size);
        return Results.Ok(new Paged<AuditEntry>(items, p, size, -1));
    }

    private static async Task<IResult> GetPark(string parkId, IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetSnapshotInfoAsync());

    private static async Task<IResult> GetAnalysis(string parkId, IGrainFactory grains)
    {
        var analysis = await grains.GetGrain<IParkGrain>(parkId).GetAnalysisAsync();
        return Results.Text(analysis.ReportJson, "application/json");
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> ExportDataset(string parkId, IGrainFactory grains, string? format)
    {
        format ??= "zip";
        if (format is not ("zip" or "json" or "xlsx"))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["one of: zip, json, xlsx"] });
        }

        var bytes = await grains.GetGrain<IParkGrain>(parkId).ExportAsync(format);
        var type = format switch { "zip" => "application/zip", "xlsx" => Xlsx, _ => "application/json" };
        return Results.File(bytes, type, $"{parkId}.{format}");
    }

    private static async Task<IResult> RunScenario(string parkId, IGrainFactory grains, string? remove)
    {
        var ids = (remove ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["remove"] = ["name one or more enterprise ids, comma-separated"] });
        }

        var members = await grains.GetGrain<IParkGrain>(parkId).GetMembersAsync();
        var unknown = ids.Where(i => !members.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["remove"] = [$"unknown enterprise(s): {string.Join(", ", unknown)}"] });
        }

        return Results.Text(await grains.GetGrain<IParkGrain>(parkId).ScenarioAsync(ids), "application/json");
    }

    /// <summary>
    /// Imports a dataset (a zip of the CSV folder, or one JSON document) with the CLI's validation; a dataset with
    /// any error is refused with every problem listed, and nothing is stored. A park id already loaded is a conflict.
    /// </summary>
    private static async Task<IResult> ImportDataset(HttpRequest request, IGrainFactory grains)
    {
        // One import at a time: the memory bound of docs/security.md holds for the server, not per request.
        if (!await Imports.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Problem(title: "another import is running; retry shortly", statusCode: StatusCodes.Status429TooManyRequests);
        }

        try
        {
            return await ImportBoundedAsync(request, grains);
        }
        catch (Domain.Datasets.ArchiveTooLargeException ex)
        {
            return Results.Problem(title: $"the archive is over the import limits: {ex.Message}", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        finally
        {
            Imports.Release();
        }
    }

    private static readonly SemaphoreSlim Imports = new(1, 1);

    private static async Task<IResult> ImportBoundedAsync(HttpRequest request, IGrainFactory grains)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var type = request.ContentType ?? string.Empty;
        Domain.Datasets.DatasetLoadResult result;
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            result = Domain.Datasets.DatasetReader.ReadJsonDocument(bytes, "upload.json", Domain.Datasets.CatalogReader.Default);
        }
        else if (type.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase))
        {
            IReadOnlyDictionary<string, byte[]> files;
            try
            {
                files = Domain.Datasets.ZipFiles.Read(new MemoryStream(bytes), Domain.Datasets.ArchiveLimits.Default);
            }
            catch (InvalidDataException ex)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not a zip archive: {ex.Message}"] });
            }

            result = Domain.Datasets.DatasetReader.ReadFiles(files, Domain.Datasets.CatalogReader.Default);
        }
        else if (type.StartsWith(Xlsx, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // An xlsx is a zip: its limits are checked by decompressing it once to nowhere before it is parsed.
                Domain.Datasets.ZipFiles.Check(new MemoryStream(bytes), Domain.Datasets.ArchiveLimits.Default);
                result = Domain.Datasets.DatasetReader.ReadFiles(Domain.Excel.ExcelDataset.ToFiles(new MemoryStream(bytes)), Domain.Datasets.CatalogReader.Default);
            }
            catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException
                or System.Xml.XmlException or InvalidOperationException or ArgumentException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not an Excel workbook: {ex.Message}"] });
            }
        }
        else
        {
            return Results.Problem(title: $"send the dataset as application/zip (the CSV folder), application/json (one document) or {Xlsx} (a workbook)", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (result.Dataset is not { } dataset)
        {
            return Results.Problem(title: "the dataset has errors; nothing was stored", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems.Select(p => new { file = p.File, line = p.Line, column = p.Column, reason = p.Reason, severity = p.Severity.ToString().ToLowerInvariant() }).ToList() });
        }

        // Enterprise and project ids belong to one park: a new park reusing one would move it (and rename it for the
        // other park's users), so the import is refused naming them.
        if (!await grains.GetGrain<IParkGrain>(dataset.Manifest.Id).IsSeededAsync())
        {
            var profiles = await Task.WhenAll(dataset.Enterprises.Select(e => grains.GetGrain<IEnterpriseGrain>(e.Id).GetProfileAsync()));
            var taken = profiles.Where(p => p is not null && p.ParkId != dataset.Manifest.Id).Select(p => $"{p!.Id} (park {p.ParkId})").ToList();
            var projects = await Task.WhenAll(dataset.Projects.Select(p => grains.GetGrain<IRetrofitProjectGrain>(p.Id).GetAsync()));
            var ownerParks = profiles.Where(p => p is not null).ToDictionary(p => p!.Id, p => p!.ParkId, StringComparer.Ordinal);
            taken.AddRange(projects.Where(p => p is not null && !(ownerParks.TryGetValue(p.Enterprise, out var owner) && owner == dataset.Manifest.Id)).Select(p => $"project {p!.Id}"));
            if (taken.Count > 0)
            {
                return Results.Problem(title: $"park '{dataset.Manifest.Id}' reuses ids that belong to another park; rename them", statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["ids"] = taken.Take(50).ToList() });
            }
        }

        if (!await Grains.SeedParkStartupTask.SeedAsync(grains, dataset))
        {
            return Results.Problem(title: $"park '{dataset.Manifest.Id}' is already loaded", statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Created($"/api/parks/{dataset.Manifest.Id}/", new { park = dataset.Manifest.Id, enterprises = dataset.Enterprises.Count, flows = dataset.Flows.Count });
    }

    private static async Task<IResult> GetForecast(string parkId, ForecastService forecasts) =>
        await forecasts.CurrentAsync(parkId) is { } forecast
            ? Results.Ok(forecast)
            : Results.Problem(title: $"no forecast for park '{parkId}': it has no retrofit projects or the trained model is missing", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ListEnterprises(string parkId, ClaimsPrincipal user, IGrainFactory grains, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = Paging(page, pageSize);
        var members = await grains.GetGrain<IParkGrain>(parkId).GetMembersAsync();
        // An enterprise sees itself in the list, nobody else.
        var visible = user.IsInRole(Roles.Enterprise) ? [.. members.Where(m => m == user.FindFirstValue(TokenIssuer.EnterpriseClaim))] : members;
        var profiles = await Task.WhenAll(visible.Skip((p - 1) * size).Take(size).Select(id => grains.GetGrain<IEnterpriseGrain>(id).GetProfileAsync()));
        return Results.Ok(new Paged<EnterpriseProfile>([.. profiles.OfType<EnterpriseProfile>()], p, size, visible.Count));
    }

    private static async Task<IResult> GetEnterprise(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!MayRead(user, id))
        {
            return Forbidden();
        }

        var profile = await grains.GetGrain<IEnterpriseGrain>(id).GetProfileAsync();
        return profile is null ? Results.Problem(title: $"unknown enterprise '{id}'", statusCode: StatusCodes.Status404NotFound) : Results.Ok(profile);
    }

    private static async Task<IResult> GetReports(string id, ClaimsPrincipal user, IGrainFactory grains, bool? history, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (!MayRead(user, id))
        {
            return Forbidden();
        }

        if (PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = Paging(page, pageSize);
        var reports = await grains.GetGrain<IEnterpriseGrain>(id).GetReportsAsync(history == true);
        // Investment staff see what is offered, not the commercial terms.
        var visible = user.IsInRole(Roles.Investment) ? [.. reports.Select(r => r with { Offer = r.Offer is null ? null : r.Offer with { PriceCnyPerUnit = null } })] : reports;
        return Results.Ok(new Paged<ReportRecord>([.. visible.Skip((p - 1) * size).Take(size)], p, size, visible.Count));
    }

    private static async Task<IResult> ReportOffer(string id, OfferRequest request, HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        if (!MayWrite(http.User, id))
        {
            return Forbidden();
        }

        var errors = Required(http, (request.Material, "material"), (request.Unit, "unit"));
        Require(errors, request.Quantity is not null, "quantity");
        Require(errors, request.AvailableFrom is not null, "available_from");
        Require(errors, request.AvailableTo is not null, "available_to");
        var period = Enum(errors, request.Period, "period", ReportPeriod.Year);
        var visibility = Enum(errors, request.Visibility, "visibility", OfferVisibility.Park);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var report = new ByproductReport(request.Material!, request.Quantity!.Value, request.Unit!, period, request.AvailableFrom!.Value, request.AvailableTo!.Value,
            request.QualityNotes, request.PriceCnyPerUnit, visibility);
        var outcome = await grains.GetGrain<IEnterpriseGrain>(id).ReportByproductAsync(report, new Submission(http.Request.Headers["Idempotency-Key"]!, http.User.Identity!.Name!));
        return await Answer(outcome, http.User, id, grains);
    }

    private static async Task<IResult> ReportNeed(string id, NeedRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!MayWrite(http.User, id))
        {
            return Forbidden();
        }

        var errors = Required(http, (request.Material, "material"), (request.Unit, "unit"));
        Require(errors, request.Quantity is not null, "quantity");
        Require(errors, request.NeededBy is not null, "needed_by");
        var period = Enum(errors, request.Period, "period", ReportPeriod.Year);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var report = new NeedReport(request.Material!, request.Quantity!.Value, request.Unit!, period, request.NeededBy!.Value, request.Notes);
        var outcome = await grains.GetGrain<IEnterpriseGrain>(id).ReportNeedAsync(report, new Submission(http.Request.Headers["Idempotency-Key"]!, http.User.Identity!.Name!));
        return await Answer(outcome, http.User, id, grains);
    }

    /// <summary>The field the enterprise grain names when a key is reused with a different report.</summary>
    private const string EnterpriseKeyReused = "idempotency_key";

    private static async Task<IResult> Answer(ReportOutcome outcome, ClaimsPrincipal user, string self, IGrainFactory grains)
    {
        if (!outcome.Accepted && outcome.Errors.Any(e => e.Field == EnterpriseKeyReused))
        {
            return Results.Problem(title: "this Idempotency-Key was already used for a different report; use a new key for new data",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (!outcome.Accepted)
        {
            return Results.ValidationProblem(outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        }

        var anonymous = user.IsInRole(Roles.Enterprise);
        // Counterparts' zones and connection states are asked all at once (a report can match dozens of needs).
        var counterparts = outcome.Matches.Select(m => m.Supplier == self ? m.Consumer : m.Supplier).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await Task.WhenAll(counterparts.Select(c => grains.GetGrain<IEnterpriseGrain>(c).GetProfileAsync()));
        var zones = counterparts.Zip(profiles, (c, p) => (c, p?.Zone)).ToDictionary(x => x.c, x => x.Zone, StringComparer.Ordinal);
        // A connection names both report ids and can only be agreed on reports that exist, so a report's first
        // version (not a retry) has none yet: no connection grain need be woken to say so.
        var fresh = outcome.Version == 1 && !outcome.Duplicate;
        var connections = fresh
            ? new Connection?[outcome.Matches.Count]
            : await Task.WhenAll(outcome.Matches.Select(m => grains.GetGrain<IConnectionGrain>($"{m.OfferReportId}|{m.NeedReportId}").GetAsync()));
        var views = outcome.Matches.Select((m, i) =>
        {
            var other = m.Supplier == self ? m.Consumer : m.Supplier;
            var connected = connections[i]?.Agreed == true;
            // Until both sides agree to connect, an enterprise learns material, quantity, zone and distance, not who.
            return new MatchView(anonymous && !connected ? "anonymous" : other, zones[other], m.SourceMaterial, m.ReplacedMaterial, m.Quantity, m.Unit, m.DistanceKm, m.Co2eAvoidedT,
                $"{m.OfferReportId}|{m.NeedReportId}", connected);
        }).ToList();

        var body = new ReportAccepted(outcome.ReportId!, outcome.Version, outcome.Duplicate, views);
        return outcome.Duplicate ? Results.Ok(body) : Results.Created($"/api/enterprises/{self}/reports", body);
    }

    /// <summary>
    /// An enterprise (or the administration for it) agrees to connect on a match; once both sides have agreed, each
    /// learns who the other is. The connection id is the one a match carries (<c>offer-report|need-report</c>).
    /// </summary>
    private static async Task<IResult> Connect(string id, ConnectRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!MayWrite(user, id))
        {
            return Forbidden();
        }

        var parts = request.ConnectionId?.Split('|') ?? [];
        if (parts.Length != 2)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["connection_id"] = ["expected 'offer-report-id|need-report-id' as a match gives it"] });
        }

        // Report ids start with their enterprise's id; a declared flow (flow:…) belongs to the enterprise the park
        // knows declared it.
        var park = parts.Any(IsDeclaredFlow) ? (await grains.GetGrain<IEnterpriseGrain>(id).GetProfileAsync())?.ParkId : null;
        var supplier = await OwnerAsync(parts[0], park, grains);
        var consumer = await OwnerAsync(parts[1], park, grains);
        if (supplier is null || consumer is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["connection_id"] = ["unknown offer or need"] });
        }

        var connection = await grains.GetGrain<IConnectionGrain>(request.ConnectionId!).AgreeAsync(supplier, consumer, id);
        if (connection is null)
        {
            return Forbidden();
        }

        return Results.Ok(new
        {
            connection_id = request.ConnectionId,
            supplier_agreed = connection.SupplierAgreed,
            consumer_agreed = connection.ConsumerAgreed,
            agreed = connection.Agreed,
            counterpart = connection.Agreed ? (id == supplier ? consumer : supplier) : null,
        });
    }

    private static bool IsDeclaredFlow(string positionId) => positionId.StartsWith("flow:", StringComparison.Ordinal);

    private static async Task<string?> OwnerAsync(string reportId, string? park, IGrainFactory grains)
    {
        if (IsDeclaredFlow(reportId))
        {
            return park is null ? null : await grains.GetGrain<IParkGrain>(park).GetStandingOwnerAsync(reportId);
        }

        var index = reportId.LastIndexOf("-r", StringComparison.Ordinal);
        var enterprise = index > 0 ? reportId[..index] : null;
        if (enterprise is null)
        {
            return null;
        }

        var reports = await grains.GetGrain<IEnterpriseGrain>(enterprise).GetReportsAsync();
        return reports.Any(r => r.ReportId == reportId) ? enterprise : null;
    }

    private static Dictionary<string, string[]> Required(HttpContext http, params (string? Value, string Field)[] fields)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (value, field) in fields)
        {
            Require(errors, !string.IsNullOrWhiteSpace(value), field);
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            errors["Idempotency-Key"] = ["the header is required so a retry never doubles a report"];
        }
        else if (key.Length > 128 || key.Any(ch => ch is < '!' or > '~'))
        {
            errors["Idempotency-Key"] = ["at most 128 printable ASCII characters"];
        }

        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, bool ok, string field)
    {
        if (!ok)
        {
            errors[field] = ["a value is required"];
        }
    }

    private static T Enum<T>(Dictionary<string, string[]> errors, string? value, string field, T fallback)
        where T : struct, System.Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (Domain.Model.Codes<T>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of: {string.Join(", ", Domain.Model.Codes<T>.All)}"];
        return fallback;
    }

    private static bool MayRead(ClaimsPrincipal user, string enterprise) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Investment) || user.FindFirstValue(TokenIssuer.EnterpriseClaim) == enterprise;

    private static bool MayWrite(ClaimsPrincipal user, string enterprise) =>
        user.IsInRole(Roles.Administrator) || (user.IsInRole(Roles.Enterprise) && user.FindFirstValue(TokenIssuer.EnterpriseClaim) == enterprise);

    private static IResult Forbidden() =>
        Results.Problem(title: "this account may not access that enterprise's data", statusCode: StatusCodes.Status403Forbidden);

    private static (int Page, int Size) Paging(int? page, int? pageSize) => (page ?? 1, pageSize ?? 50);

    /// <summary>The most pages a list is read to (with page_size 500, half a billion items): past it a page number is an error, never a wrap.</summary>
    private const int MaxPage = 1_000_000;

    private static IResult? PagingProblem(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"{page} is out of range (1 to {MaxPage})"];
        }

        if (pageSize is < 1 or > 500)
        {
            errors["page_size"] = [$"{pageSize} is out of range (1 to 500)"];
        }

        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }

    /// <summary>Logs out: the session cookie is cleared (it is HttpOnly, so only the server can) and the browser forgets the token.</summary>
    private static IResult LogOut(HttpContext http)
    {
        http.Response.Cookies.Delete(ServerSetup.TokenCookie, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        http.Response.Headers["Clear-Site-Data"] = "\"cookies\", \"storage\"";
        return Results.NoContent();
    }
}
