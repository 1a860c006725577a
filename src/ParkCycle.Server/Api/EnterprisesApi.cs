using System.Security.Claims;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>An enterprise's profile, its reports (offers and needs) and connections on matches (<c>/api/enterprises/{id}</c>).</summary>
internal static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprisesApi(this RouteGroupBuilder enterprises)
    {
        enterprises.MapGet("/", GetEnterprise);
        enterprises.MapGet("/reports", GetReports);
        enterprises.MapPost("/offers", ReportOffer).RequireRateLimiting("reports");
        enterprises.MapPost("/needs", ReportNeed).RequireRateLimiting("reports");
        enterprises.MapPost("/connections", Connect);
        return enterprises;
    }

    private static async Task<IResult> GetEnterprise(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ApiChecks.MayRead(user, id))
        {
            return ApiChecks.Forbidden();
        }

        var profile = await grains.GetGrain<IEnterpriseGrain>(id).GetProfileAsync();
        return profile is null ? Results.Problem(title: $"unknown enterprise '{id}'", statusCode: StatusCodes.Status404NotFound) : Results.Ok(profile);
    }

    private static async Task<IResult> GetReports(string id, ClaimsPrincipal user, IGrainFactory grains, bool? history, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (!ApiChecks.MayRead(user, id))
        {
            return ApiChecks.Forbidden();
        }

        if (ApiChecks.PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = ApiChecks.Paging(page, pageSize);
        var reports = await grains.GetGrain<IEnterpriseGrain>(id).GetReportsAsync(history == true);
        // Investment staff see what is offered to the park, not the commercial terms nor what was offered to the administration only.
        var visible = user.IsInRole(Roles.Investment)
            ? [.. reports.Where(r => r.Offer?.Visibility != OfferVisibility.AdministrationOnly).Select(r => r with { Offer = r.Offer is null ? null : r.Offer with { PriceCnyPerUnit = null } })]
            : reports;
        return Results.Ok(new Paged<ReportRecord>([.. visible.Skip((p - 1) * size).Take(size)], p, size, visible.Count));
    }

    private static async Task<IResult> ReportOffer(string id, OfferRequest request, HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        if (!ApiChecks.MayWrite(http.User, id))
        {
            return ApiChecks.Forbidden();
        }

        var errors = ApiChecks.Required(http, (request.Material, "material"), (request.Unit, "unit"));
        ApiChecks.Require(errors, request.Quantity is not null, "quantity");
        ApiChecks.Require(errors, request.AvailableFrom is not null, "available_from");
        ApiChecks.Require(errors, request.AvailableTo is not null, "available_to");
        var period = ApiChecks.Enum(errors, request.Period, "period", ReportPeriod.Year);
        var visibility = ApiChecks.Enum(errors, request.Visibility, "visibility", OfferVisibility.Park);
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
        if (!ApiChecks.MayWrite(http.User, id))
        {
            return ApiChecks.Forbidden();
        }

        var errors = ApiChecks.Required(http, (request.Material, "material"), (request.Unit, "unit"));
        ApiChecks.Require(errors, request.Quantity is not null, "quantity");
        ApiChecks.Require(errors, request.NeededBy is not null, "needed_by");
        var period = ApiChecks.Enum(errors, request.Period, "period", ReportPeriod.Year);
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
        var pairs = outcome.Matches.Select(m => new MatchPair(m.OfferReportId, m.NeedReportId, m.Supplier, m.Consumer)).ToList();
        // The enterprise the report is for gets an opaque handle per match: report ids name their enterprise, and a
        // declared flow's id can be looked up in the public seed.
        var handles = pairs.Count == 0 ? [] : await grains.GetGrain<IMatchHandlesGrain>(self).HandlesForAsync(pairs);
        // A connection can only be agreed on reports that exist, so a report's first version (not a retry) has none
        // yet: no connection grain need be woken to say so.
        var fresh = outcome.Version == 1 && !outcome.Duplicate;
        var connections = fresh
            ? new Connection?[outcome.Matches.Count]
            : await Task.WhenAll(pairs.Select(p => grains.GetGrain<IConnectionGrain>(p.ConnectionKey).GetAsync()));
        var views = outcome.Matches.Select((m, i) =>
        {
            var other = m.Supplier == self ? m.Consumer : m.Supplier;
            var connected = connections[i]?.Agreed == true;
            // Until both sides agree to connect, an enterprise learns material, quantity, zone and distance, not who.
            return new MatchView(anonymous && !connected ? "anonymous" : other, zones[other], m.SourceMaterial, m.ReplacedMaterial, m.Quantity, m.Unit, m.DistanceKm, m.Co2eAvoidedT,
                handles[i], connected);
        }).ToList();

        var body = new ReportAccepted(outcome.ReportId!, outcome.Version, outcome.Duplicate, views);
        return outcome.Duplicate ? Results.Ok(body) : Results.Created($"/api/enterprises/{self}/reports", body);
    }

    /// <summary>
    /// An enterprise (or the administration for it) agrees to connect on a match; once both sides have agreed, each
    /// learns who the other is. The connection id is the opaque handle the match carried to this enterprise: a
    /// handle given to another enterprise, a forgotten one and a made-up one all get the same answer.
    /// </summary>
    private static async Task<IResult> Connect(string id, ConnectRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ApiChecks.MayWrite(user, id))
        {
            return ApiChecks.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(request.ConnectionId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["connection_id"] = ["a value is required"] });
        }

        var pair = request.ConnectionId.Length <= MaxHandleLength ? await grains.GetGrain<IMatchHandlesGrain>(id).ResolveAsync(request.ConnectionId) : null;
        var connection = pair is null ? null : await grains.GetGrain<IConnectionGrain>(pair.ConnectionKey).AgreeAsync(pair.Supplier, pair.Consumer, id);
        if (pair is null || connection is null)
        {
            return NoSuchMatch();
        }

        return Results.Ok(new
        {
            connection_id = request.ConnectionId,
            supplier_agreed = connection.SupplierAgreed,
            consumer_agreed = connection.ConsumerAgreed,
            agreed = connection.Agreed,
            counterpart = connection.Agreed ? (id == pair.Supplier ? pair.Consumer : pair.Supplier) : null,
        });
    }

    /// <summary>Longer than any handle (22 characters): not worth a grain call.</summary>
    private const int MaxHandleLength = 64;

    /// <summary>The one answer for every connection id that is not a handle of this enterprise's matches: whether it exists elsewhere is not told.</summary>
    internal static IResult NoSuchMatch() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["connection_id"] = ["not a match handle given to this enterprise; report again to get current handles"] });
}
