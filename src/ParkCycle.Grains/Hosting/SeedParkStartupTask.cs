using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

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
public sealed class SeedParkStartupTask(IGrainFactory grains, IOptions<SeedOptions> options, ILogger<SeedParkStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var path = DataPaths.Locate(options.Value.Dataset);
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

        var seeded = await SeedAsync(grains, dataset, (done, total) =>
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

    /// <summary>Loads any dataset into the grains (a park grain per dataset id), once.</summary>
    public static async Task<bool> SeedAsync(IGrainFactory grains, ParkDataset dataset, Action<int, int>? progress = null)
    {
        var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
        // Listed on every start too, so a park seeded before the directory existed appears in the selector.
        var directory = grains.GetGrain<IParkDirectoryGrain>(IParkDirectoryGrain.Key);
        if (await park.IsSeededAsync())
        {
            await directory.RegisterAsync(new ParkListing(dataset.Manifest.Id, dataset.Manifest.Name));
            return false;
        }

        await park.SetupAsync(new ParkSetup(dataset.Manifest.Id, dataset.Manifest.Name, dataset.Manifest.ReferenceYear,
            [.. dataset.Zones.Select(z => new ZoneInfo(z.Id, z.Name, z.NameEn))],
            [.. dataset.HeatStreams.Select(h => new HeatStreamInfo(h.Id, h.EnterpriseId, h.Kind == HeatStreamKind.Hot, h.SupplyTemperatureC, h.TargetTemperatureC,
                h.CpKwPerK, h.DutyKw, h.HoursPerYear, h.DtContributionC, h.Source))])
        {
            Balances = [.. dataset.Balances.Select(b => new BalanceInfo(b.Id, b.EnterpriseId, b.Scope.ToString()))],
        });
        var registered = 0;
        async Task Register(Enterprise e, List<DeclaredFlow> flows)
        {
            await grains.GetGrain<IEnterpriseGrain>(e.Id).RegisterAsync(Profile(e, dataset.Manifest.Id), flows);
            progress?.Invoke(Interlocked.Increment(ref registered), dataset.Enterprises.Count);
        }

        await Task.WhenAll(dataset.Enterprises.Select(e =>
        {
            // Each flow belongs to the enterprise it leaves, or, for imports, the one it enters.
            var flows = dataset.Flows.Where(f => f.From == e.Id || (ExternalNode.IsExternal(f.From) && f.To == e.Id))
                .Select(f => new DeclaredFlow(f.Id, f.From, f.To, f.MaterialId, f.Quantity?.Value, f.Unit.Symbol, Codes<FlowStatus>.Of(f.Status), f.Source) { UncertaintyPercent = f.UncertaintyPercent })
                .ToList();
            return Register(e, flows);
        }));
        await Task.WhenAll(dataset.Projects.Select(p => grains.GetGrain<IRetrofitProjectGrain>(p.Id).RegisterAsync(new ProjectInfo(
            p.Id, p.EnterpriseId, Codes<ProjectType>.Of(p.Type), p.Start, p.PlannedEnd, Codes<ProjectStatus>.Of(p.Status), p.CompletedOn,
            [.. dataset.Progress.Where(r => r.ProjectId == p.Id).Select(r => new ProgressUpdate(r.Date, r.PercentComplete, r.Note))], p.Budget10kCny, p.Subsidy10kCny))));
        await grains.GetGrain<IParkProjectsGrain>(dataset.Manifest.Id).AddAsync([.. dataset.Projects.Select(p => p.Id)]);
        await park.MarkSeededAsync();
        await directory.RegisterAsync(new ParkListing(dataset.Manifest.Id, dataset.Manifest.Name));
        return true;
    }

    public static EnterpriseProfile Profile(Enterprise e, string parkId) => new(
        e.Id, e.Name, e.NameEn, e.ZoneId, [.. e.Chains.Select(Codes<Chain>.Of)], e.Sector, e.Latitude, e.Longitude,
        Codes<EnterpriseStatus>.Of(e.Status), e.OutputValue10kCny, e.EnergyTce, e.AboveSize, parkId)
    {
        Capabilities = e.Capabilities,
        Licences = e.Licences,
        EndDate = e.EndDate,
    };
}
