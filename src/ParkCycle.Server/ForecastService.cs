using ParkCycle.Domain.Datasets;
using ParkCycle.Forecasting;

namespace ParkCycle.Server;

/// <summary>
/// Serves the retrofit forecast: the seed dataset's projects and progress with the trained model whose path
/// comes from configuration (<c>ParkCycle:Model</c>, default <c>models/linxiang-remaining.zip</c>). Computed once
/// and cached; training stays a command of its own (<c>parkcycle train</c>).
/// </summary>
public sealed class ForecastService(IConfiguration configuration, ILogger<ForecastService> logger)
{
    private readonly Lazy<ParkForecast?> _forecast = new(() => Compute(configuration, logger));

    public ParkForecast? Current(string parkId) => _forecast.Value is { } f && parkId == (configuration["ParkCycle:ParkId"] ?? "linxiang") ? f : null;

    private static ParkForecast? Compute(IConfiguration configuration, ILogger logger)
    {
        var dataset = Grains.DataPaths.Locate(configuration["ParkCycle:SeedDataset"] ?? "seeds/linxiang");
        var model = Grains.DataPaths.Locate(configuration["ParkCycle:Model"] ?? "models/linxiang-remaining.zip");
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
