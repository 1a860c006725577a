using System.Globalization;
using ParkCycle.Domain.Datasets;
using ParkCycle.Forecasting;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>
/// <c>GET /api/parks/{park}/programmes[?as_of=YYYY-MM-DD]</c>: the park's programmes known as counts with their
/// forecast, the contract of <c>parkcycle forecast programme --json</c> (id, total, as_of, forecast, completion) plus
/// each programme's name, due date, source and recorded counts, from the park's latest dataset version.
/// </summary>
public static class ProgrammesApi
{
    /// <summary>Maps the endpoint on the park group (the park's staff).</summary>
    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder parks)
    {
        parks.MapGet("/programmes", GetProgrammes).RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Investment));
        return parks;
    }

    private static async Task<IResult> GetProgrammes(string parkId, IGrainFactory grains, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "as_of")] string? asOf)
    {
        DateOnly? given = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["as_of"] = [$"'{asOf}' is not a date YYYY-MM-DD"] });
            }

            given = d;
        }

        // Programmes are tables of the dataset as imported (its latest version), not of the live enterprise state.
        var versions = await grains.GetGrain<IParkGrain>(parkId).GetVersionsAsync();
        var json = versions.Count > 0 && await grains.GetGrain<IParkVersionGrain>(IParkVersionGrain.Key(parkId, versions[^1].Version)).GetDatasetJsonAsync() is { } stored
            ? stored
            : await grains.GetGrain<IParkGrain>(parkId).ExportAsync("json");
        var park = DatasetReader.ReadJsonDocument(json, $"{parkId}.json", CatalogReader.Default).GetOrThrow();
        // Stands on the latest recorded count (never today's date, so the answer is reproducible from the data);
        // with no count, on 31 December of the reference year.
        var date = given
            ?? (park.ProgrammeProgress.Count > 0 ? park.ProgrammeProgress.Max(c => c.Date)
            : park.Manifest.ReferenceYear is { } year ? new DateOnly(year, 12, 31) : (DateOnly?)null);
        if (park.Programmes.Count == 0 || date is not { } standOn)
        {
            return Results.Ok(Array.Empty<object>());
        }

        var forecasts = await Task.Run(() => ProgrammeForecaster.ForecastAll(park, standOn));
        return Results.Ok(forecasts.Select(f =>
        {
            var p = park.Programmes.Single(x => x.Id == f.Id);
            return new
            {
                id = f.Id,
                total = f.Total,
                as_of = f.AsOf,
                forecast = f.Forecast,
                completion = f.Completion,
                name = p.Name,
                name_en = p.NameEn,
                due = p.Due,
                source = p.Source,
                counts = park.ProgrammeProgress.Where(c => c.ProgrammeId == f.Id && c.Date <= standOn).OrderBy(c => c.Date)
                    .Select(c => new { date = c.Date, completed = c.Completed, source = c.Source }),
            };
        }));
    }
}
