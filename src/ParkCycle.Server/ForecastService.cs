using System.Collections.Concurrent;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Forecasting;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Server;

/// <summary>
/// Serves the retrofit forecast from the live grain state: the park's enterprises (their profiles) and its
/// retrofit projects with every progress report stored in the project grains, with the trained model whose path
/// comes from configuration (<c>ParkCycle:Model</c>, appsettings.json). Cached per park
/// by the version of the park's project index, which moves whenever a project is registered or reports progress,
/// so the forecast refreshes when progress arrives. Training stays a command of its own (<c>parkcycle train</c>).
/// </summary>
public sealed class ForecastService(IConfiguration configuration, IGrainFactory grains, ILogger<ForecastService> logger)
{
    private readonly Lazy<RemainingDurationModel?> _model = new(() => LoadModel(configuration, logger));
    private readonly ConcurrentDictionary<string, (long Version, ParkForecast? Forecast)> _cache = new(StringComparer.Ordinal);

    /// <summary>The park's forecast as of its latest progress report; null when the park has no projects or the model is missing.</summary>
    public async Task<ParkForecast?> CurrentAsync(string parkId)
    {
        if (_model.Value is not { } model)
        {
            return null;
        }

        var index = await grains.GetGrain<IParkProjectsGrain>(parkId).GetAsync();
        if (index.ProjectIds.Count == 0)
        {
            return null;
        }

        if (_cache.TryGetValue(parkId, out var cached) && cached.Version == index.Version)
        {
            return cached.Forecast;
        }

        var park = await LiveDatasetAsync(parkId, index);
        var forecast = ForecastAsOf.Default(park) is { } asOf ? ParkOutlook.Compute(park, model, asOf) : null;
        _cache[parkId] = (index.Version, forecast);
        return forecast;
    }

    /// <summary>The park as its grains hold it now: enterprises from their profiles, projects and progress from the project grains.</summary>
    private async Task<ParkDataset> LiveDatasetAsync(string parkId, ParkProjects index)
    {
        var members = await grains.GetGrain<IParkGrain>(parkId).GetMembersAsync();
        var profiles = await Task.WhenAll(members.Select(m => grains.GetGrain<IEnterpriseGrain>(m).GetProfileAsync()));
        var enterprises = profiles.OfType<EnterpriseProfile>().Select(Grains.EnterpriseMapping.ToEnterprise).ToList();
        var (projects, progress) = await LiveProjectsAsync(parkId, index);
        return new ParkDataset(new DatasetManifest(parkId, parkId, null, null, "live grain state"), [], enterprises, [], [], [], projects, progress, CatalogReader.Default);
    }

    /// <summary>
    /// The park's projects and their progress as the project grains hold them now (progress reported through the API
    /// included); projects with a type or status the Domain does not know are left out, logged.
    /// </summary>
    public async Task<(IReadOnlyList<RetrofitProject> Projects, IReadOnlyList<ProgressReport> Progress)> LiveProjectsAsync(string parkId, ParkProjects? index = null)
    {
        index ??= await grains.GetGrain<IParkProjectsGrain>(parkId).GetAsync();
        var projects = (await Task.WhenAll(index.ProjectIds.Select(id => grains.GetGrain<IRetrofitProjectGrain>(id).GetAsync()))).OfType<ProjectInfo>().ToList();
        var known = projects.Where(p => p.UnknownCodes.Count == 0).ToList();
        if (known.Count < projects.Count)
        {
            logger.LogWarning("Projects of {Park}: {Count} with an unknown type or status left out", parkId, projects.Count - known.Count);
        }

        return ([.. known.Select(Project)], [.. known.SelectMany(p => p.Progress.Select(r => new ProgressReport(p.Id, r.Date, r.PercentComplete, r.Note)))]);
    }

    private static RetrofitProject Project(ProjectInfo p) =>
        new(p.Id, p.Enterprise, p.Type, p.Start, p.PlannedEnd, p.Budget10kCny, p.Subsidy10kCny, p.Status, p.CompletedOn);

    private static RemainingDurationModel? LoadModel(IConfiguration configuration, ILogger logger)
    {
        var path = configuration["ParkCycle:Model"] is { Length: > 0 } configured ? Grains.Hosting.FileLocator.Locate(configured) : null;
        if (path is null)
        {
            logger.LogWarning("Forecast unavailable: the trained model {Model} was not found", configuration["ParkCycle:Model"]);
            return null;
        }

        return RemainingDurationModel.Load(path);
    }
}
