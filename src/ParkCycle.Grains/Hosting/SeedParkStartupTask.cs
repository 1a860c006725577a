using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Hosting;

/// <summary>Which dataset seeds an empty store.</summary>
public sealed class SeedOptions
{
    /// <summary>A dataset folder or JSON document; relative paths are looked up from the working directory upwards. The default value is <c>seeds/linxiang</c>.</summary>
    public string Dataset { get; set; } = "seeds/linxiang";

    /// <summary>The park the host serves (<c>ParkCycle:ParkId</c>); when set, the seed dataset must be that park.</summary>
    public string? ParkId { get; set; }
}

/// <summary>
/// On start, loads the seed dataset into the grains unless the park says it is already seeded: restarting
/// neither reloads nor duplicates. Enterprise and project registration is idempotent, so a start interrupted
/// half-way simply completes on the next start.
/// </summary>
public sealed class SeedParkStartupTask(IGrainFactory grains, IOptions<SeedOptions> options, TimeProvider clock, ILogger<SeedParkStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var path = FileLocator.Locate(options.Value.Dataset);
        if (path is null)
        {
            logger.LogWarning("Seed dataset {Dataset} not found; the park starts empty", options.Value.Dataset);
            return;
        }

        var result = DatasetReader.Read(path, CatalogReader.Default);
        var dataset = result.GetOrThrow();
        if (options.Value.ParkId is { } parkId && parkId != dataset.Manifest.Id)
        {
            throw new InvalidOperationException($"ParkCycle:ParkId is '{parkId}' but the seed dataset {path} is park '{dataset.Manifest.Id}'");
        }

        var seeded = await DatasetImport.SeedAsync(grains, dataset, clock, (done, total) =>
        {
            if (done % 10 == 0 || done == total)
            {
                logger.LogInformation("Seeding park {Park}: {Done}/{Total} enterprises", dataset.Manifest.Id, done, total);
            }
        });
        logger.LogInformation("Park {Park}: seed dataset {Path} {What} ({Enterprises} enterprises)", dataset.Manifest.Id, path, seeded ? "loaded" : "already in the store", dataset.Enterprises.Count);
        var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
        var analysis = await park.GetAnalysisAsync();
        logger.LogInformation("Park {Park} snapshot v{Version}: {Loops} loops, {Opportunities} exchange opportunities, optimal plan avoids {Co2e:#,0} t CO2e/a (analysed in {Ms:0} ms)",
            dataset.Manifest.Id, analysis.Version, analysis.Loops, analysis.Opportunities, analysis.PlanCo2eAvoidedT, analysis.ElapsedMs);
    }
}
