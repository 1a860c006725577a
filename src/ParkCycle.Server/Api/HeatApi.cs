using System.Globalization;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary><c>GET /api/parks/{park}/heat[?dtmin=C]</c>: the park's heat-integration report (docs/server.md).</summary>
public static class HeatApi
{
    /// <summary>Maps the heat endpoint on the park group.</summary>
    public static RouteGroupBuilder MapHeatApi(this RouteGroupBuilder parks)
    {
        parks.MapGet("/heat", GetHeat).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        return parks;
    }

    private static async Task<IResult> GetHeat(string parkId, IGrainFactory grains, string? dtmin)
    {
        var dt = 10m;
        if (dtmin is not null && (!decimal.TryParse(dtmin, NumberStyles.Number, CultureInfo.InvariantCulture, out dt) || dt is < 0 or > 500))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["dtmin"] = [$"'{dtmin}' is not a ΔTmin between 0 and 500 °C"] });
        }

        var json = await grains.GetGrain<IParkGrain>(parkId).GetHeatAsync(dt);
        return json is null
            ? Results.Problem(title: $"park '{parkId}' has no heat streams (heat_streams.csv)", statusCode: StatusCodes.Status404NotFound)
            : Results.Text(json, "application/json");
    }
}
