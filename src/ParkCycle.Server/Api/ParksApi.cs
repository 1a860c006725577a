using System.Security.Claims;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>A park's snapshot, analysis, members, Sankey, scenarios, quarantine and forecast (<c>/api/parks/{park}</c>).</summary>
internal static class ParksApi
{
    public static RouteGroupBuilder MapParksApi(this RouteGroupBuilder parks)
    {
        parks.MapGet("/", GetPark);
        parks.MapGet("/analysis", GetAnalysis).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapGet("/enterprises", ListEnterprises);
        parks.MapGet("/sankey", async (string parkId, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetSankeyAsync()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapGet("/scenario", RunScenario).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        parks.MapGet("/quarantine", async (string parkId, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetQuarantineAsync()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        parks.MapGet("/forecast", GetForecast).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        return parks;
    }

    private static async Task<IResult> GetPark(string parkId, IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IParkGrain>(parkId).GetSnapshotInfoAsync());

    private static async Task<IResult> GetAnalysis(string parkId, IGrainFactory grains, int? version)
    {
        if (version is { } n)
        {
            // A dataset version's analysis: the version as imported, without the reports made since.
            var (grain, problem) = await VersionsApi.FindAsync(grains, parkId, n);
            return grain is not null && await grain.GetAnalysisJsonAsync() is { } json ? Results.Text(json, "application/json") : problem ?? Results.NotFound();
        }

        var analysis = await grains.GetGrain<IParkGrain>(parkId).GetAnalysisAsync();
        return Results.Text(analysis.ReportJson, "application/json");
    }

    private static async Task<IResult> ListEnterprises(string parkId, ClaimsPrincipal user, IGrainFactory grains, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (ApiChecks.PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = ApiChecks.Paging(page, pageSize);
        var members = await grains.GetGrain<IParkGrain>(parkId).GetMembersAsync();
        // An enterprise sees itself in the list, nobody else.
        var visible = user.IsInRole(Roles.Enterprise) ? [.. members.Where(m => m == user.FindFirstValue(TokenIssuer.EnterpriseClaim))] : members;
        var profiles = await Task.WhenAll(visible.Skip((p - 1) * size).Take(size).Select(id => grains.GetGrain<IEnterpriseGrain>(id).GetProfileAsync()));
        return Results.Ok(new Paged<EnterpriseProfile>([.. profiles.OfType<EnterpriseProfile>()], p, size, visible.Count));
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

    private static async Task<IResult> GetForecast(string parkId, ForecastService forecasts) =>
        await forecasts.CurrentAsync(parkId) is { } forecast
            ? Results.Ok(forecast)
            : Results.Problem(title: $"no forecast for park '{parkId}': it has no retrofit projects or the trained model is missing", statusCode: StatusCodes.Status404NotFound);
}
