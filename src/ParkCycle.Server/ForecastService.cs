using ParkCycle.Domain.Datasets;
using Microsoft.Extensions.Options;
using ParkCycle.Forecasting;

namespace ParkCycle.Server;

/// <summary>
/// Serves the retrofit forecast: the seed dataset's projects and progress with the trained model whose path
/// comes from configuration (<c>ParkCycle:Model</c>, appsettings.json), for the configured park (<c>ParkCycle:ParkId</c>)
/// and its seed dataset. Computed once and cached; training stays a command of its own (<c>parkcycle train</c>).
/// </summary>
public sealed class ForecastService(IOptions<Grains.ParkCycleOptions> options, IConfiguration configuration, ILogger<ForecastService> logger)
{
    private readonly Lazy<ParkForecast?> _forecast = new(() => Compute(options.Value, configuration, logger));

    public ParkForecast? Current(string parkId) => _forecast.Value is { } f && parkId == options.Value.ParkId ? f : null;

    private static ParkForecast? Compute(Grains.ParkCycleOptions options, IConfiguration configuration, ILogger logger)
    {
        var dataset = options.SeedDataset is { Length: > 0 } seed ? Grains.DataPaths.Locate(seed) : null;
        var model = configuration["ParkCycle:Model"] is { Length: > 0 } path ? Grains.DataPaths.Locate(path) : null;
        if (dataset is null || model is null)
        {
            logger.LogWarning("Forecast unavailable: dataset {Dataset} or model {Model} not found", dataset, model);
            return null;
        }

        var park = DatasetReader.Read(dataset, CatalogReader.Default).GetOrThrow();
        var asOf = park.Progress.Count == 0 ? new DateOnly(2025, 6, 30) : park.Progress.Max(p => p.Date);
        return ParkOutlook.Compute(park, RemainingDurationModel.Load(model), asOf);
    }
}
