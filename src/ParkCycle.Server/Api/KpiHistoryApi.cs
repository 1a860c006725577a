using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>The KPIs of a park's analysed snapshots over time (<c>GET /api/parks/{park}/kpis/history</c>), one series per KPI.</summary>
internal static class KpiHistoryApi
{
    public static RouteGroupBuilder MapKpiHistoryApi(this RouteGroupBuilder parks)
    {
        parks.MapGet("/kpis/history", GetHistory).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        return parks;
    }

    private static async Task<IResult> GetHistory(string parkId, IGrainFactory grains, TimeProvider clock)
    {
        // The history is kept a year per grain: read the years from the first version's to now.
        var versions = await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync();
        var thisYear = clock.GetUtcNow().UtcDateTime.Year;
        var first = versions.Count > 0 ? Math.Min(versions[0].ImportedAt.UtcDateTime.Year, thisYear) : thisYear;
        var years = await Task.WhenAll(Enumerable.Range(first, thisYear - first + 1)
            .Select(y => grains.GetGrain<IParkKpiHistoryGrain>(IParkKpiHistoryGrain.Key(parkId, y)).GetAsync()));
        var snapshots = years.SelectMany(y => y).ToList();
        var latest = new Dictionary<string, KpiReading>(StringComparer.Ordinal);
        foreach (var k in snapshots.SelectMany(s => s.Kpis))
        {
            latest[k.Id] = k; // unit, target and due date as the latest snapshot states them
        }

        var series = latest.Values.Select(k => new KpiSeries(k.Id, k.Unit, k.Target, k.Due,
            [.. snapshots.SelectMany(s => s.Kpis.Where(x => x.Id == k.Id && x.Value is not null).Select(x => new KpiPoint(s.At, x.Value!.Value)))])).ToList();
        return TypedResults.Ok(new KpiHistory(series));
    }

    /// <summary>The answer: one series per KPI, in the order the KPIs were first kept.</summary>
    internal sealed record KpiHistory(IReadOnlyList<KpiSeries> Series);

    /// <summary>A KPI's kept values over time (points where it was not computable are left out), with its target and due date (null when none).</summary>
    internal sealed record KpiSeries(string Id, string Unit, decimal? Target, DateOnly? Due, IReadOnlyList<KpiPoint> Points);

    /// <summary>A KPI's value at an analysed snapshot.</summary>
    internal sealed record KpiPoint(DateTimeOffset At, decimal Value);
}
