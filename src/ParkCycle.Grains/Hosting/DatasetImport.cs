using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains.Hosting;

/// <summary>
/// Loads a dataset into the grains: a new park (its version 1), or the next version of a park that exists. The one
/// place that knows which grains a dataset touches, for the seed task and the import endpoint alike.
/// </summary>
public static class DatasetImport
{
    /// <summary>
    /// Loads <paramref name="dataset"/> as a new park, once; false (nothing loaded) when the park exists already. A park
    /// seeded before versions were kept gets <paramref name="dataset"/> as its version 1.
    /// </summary>
    public static async Task<bool> SeedAsync(IGrainFactory grains, ParkDataset dataset, TimeProvider clock, Action<int, int>? progress = null)
    {
        var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
        // Listed on every start too, so a park seeded before the directory existed appears in the selector.
        var directory = grains.GetGrain<IParkDirectoryGrain>(IParkDirectoryGrain.Key);
        if (await park.IsSeededAsync())
        {
            if ((await park.GetVersionsAsync()).Count == 0)
            {
                await park.AddVersionAsync(await StoreAsync(grains, dataset, 1, clock));
            }

            await directory.RegisterAsync(new ParkListing(dataset.Manifest.Id, dataset.Manifest.Name));
            return false;
        }

        var version = await StoreAsync(grains, dataset, 1, clock);
        await ApplyAsync(grains, dataset, progress);
        await park.AddVersionAsync(version);
        await park.MarkSeededAsync();
        await directory.RegisterAsync(new ParkListing(dataset.Manifest.Id, dataset.Manifest.Name));
        await park.GetAnalysisAsync(); // version 1's first analysis, in the KPI history before a version 2 can come
        return true;
    }

    /// <summary>
    /// Makes <paramref name="dataset"/> the next version of its park, which must exist. Its enterprises are registered
    /// again (each keeps its reports), enterprises it no longer lists are retired from the park (their grains keep
    /// their history), new projects are registered and projects already known keep their live progress.
    /// </summary>
    /// <exception cref="ImportBusyException">Another import of the park (through any server of the cluster) is running.</exception>
    public static async Task<DatasetVersionInfo> AddVersionAsync(IGrainFactory grains, ParkDataset dataset, TimeProvider clock)
    {
        var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
        var lease = Guid.NewGuid().ToString("N");
        if (!await park.TryLeaseImportAsync(lease))
        {
            throw new ImportBusyException(dataset.Manifest.Id);
        }

        try
        {
            return await AddVersionLeasedAsync(grains, dataset, clock);
        }
        finally
        {
            await park.ReleaseImportAsync(lease);
        }
    }

    private static async Task<DatasetVersionInfo> AddVersionLeasedAsync(IGrainFactory grains, ParkDataset dataset, TimeProvider clock)
    {
        var parkId = dataset.Manifest.Id;
        var park = grains.GetGrain<IParkGrain>(parkId);
        var versions = await park.GetVersionsAsync();
        if (versions.Count == 0 && await CurrentAsync(grains, parkId) is { } live)
        {
            // A park loaded before versions were kept: what it holds now becomes version 1, so it stays readable.
            await park.AddVersionAsync(await StoreAsync(grains, live, 1, clock));
            versions = await park.GetVersionsAsync();
        }

        var version = await StoreAsync(grains, dataset, versions.Count == 0 ? 1 : versions[^1].Version + 1, clock);
        var members = await park.GetMembersAsync();
        var listed = dataset.Enterprises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var before = await Task.WhenAll(members.Where(listed.Contains).Select(id => grains.GetGrain<IEnterpriseGrain>(id).GetContributionAsync()));
        await ApplyAsync(grains, dataset, null);
        await WithdrawDroppedStandingAsync(grains, parkId, before.OfType<EnterpriseContribution>(), dataset);
        await park.RetireAsync([.. members.Where(m => !listed.Contains(m))]);
        await park.AddVersionAsync(version);
        // Analysed before the import answers, so every version has its first analysis in the KPI history even when
        // versions come faster than the debounced re-analysis.
        await park.GetAnalysisAsync();
        await grains.GetGrain<IParkDirectoryGrain>(IParkDirectoryGrain.Key).RegisterAsync(new ParkListing(parkId, dataset.Manifest.Name));
        return version;
    }

    /// <summary>The dataset of a park's latest version, else (a park loaded before versions were kept) its live snapshot; null for no park.</summary>
    public static async Task<ParkDataset?> CurrentAsync(IGrainFactory grains, string parkId)
    {
        var park = grains.GetGrain<IParkGrain>(parkId);
        if (!await park.IsSeededAsync())
        {
            return null;
        }

        var versions = await park.GetVersionsAsync();
        return versions.Count > 0
            ? await VersionAsync(grains, parkId, versions[^1].Version)
            : DatasetExport.FromJson(await park.ExportAsync("json"), parkId);
    }

    /// <summary>The dataset of version <paramref name="version"/> of a park; null when there is no such version.</summary>
    public static async Task<ParkDataset?> VersionAsync(IGrainFactory grains, string parkId, int version) =>
        await grains.GetGrain<IParkVersionGrain>(IParkVersionGrain.Key(parkId, version)).GetDatasetJsonAsync() is { } json
            ? DatasetExport.FromJson(json, $"{parkId} version {version}")
            : null;

    private static async Task<DatasetVersionInfo> StoreAsync(IGrainFactory grains, ParkDataset dataset, int number, TimeProvider clock)
    {
        var info = new DatasetVersionInfo(number, dataset.Manifest.ReferenceYear, clock.GetUtcNow(), dataset.Enterprises.Count, dataset.Flows.Count);
        await grains.GetGrain<IParkVersionGrain>(IParkVersionGrain.Key(dataset.Manifest.Id, number)).StoreAsync(info, DatasetWriter.ToJson(dataset));
        return info;
    }

    /// <summary>Setup, enterprises with their declared flows, and the projects not known yet; registration is idempotent.</summary>
    private static async Task ApplyAsync(IGrainFactory grains, ParkDataset dataset, Action<int, int>? progress)
    {
        var park = grains.GetGrain<IParkGrain>(dataset.Manifest.Id);
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
            await grains.GetGrain<IEnterpriseGrain>(e.Id).RegisterAsync(EnterpriseMapping.ToProfile(e, dataset.Manifest.Id), flows);
            progress?.Invoke(Interlocked.Increment(ref registered), dataset.Enterprises.Count);
        }

        await Task.WhenAll(dataset.Enterprises.Select(e => Register(e, DeclaredFlows(dataset, e.Id))));
        // A project already known keeps its state: its progress may have been reported live since the last version.
        var projects = await Task.WhenAll(dataset.Projects.Select(async p => (Project: p, Known: await grains.GetGrain<IRetrofitProjectGrain>(p.Id).GetAsync() is not null)));
        await Task.WhenAll(projects.Where(p => !p.Known).Select(x => x.Project).Select(p => grains.GetGrain<IRetrofitProjectGrain>(p.Id).RegisterAsync(new ProjectInfo(
            p.Id, p.EnterpriseId, p.Type, p.Start, p.PlannedEnd, p.Status, p.CompletedOn,
            [.. dataset.Progress.Where(r => r.ProjectId == p.Id).Select(r => new ProgressUpdate(r.Date, r.PercentComplete, r.Note))], p.Budget10kCny, p.Subsidy10kCny))));
        await grains.GetGrain<IParkProjectsGrain>(dataset.Manifest.Id).AddAsync([.. dataset.Projects.Select(p => p.Id)]);
    }

    /// <summary>Each flow belongs to the enterprise it leaves, or, for imports, the one it enters.</summary>
    private static List<DeclaredFlow> DeclaredFlows(ParkDataset dataset, string enterpriseId) => [.. dataset.Flows
        .Where(f => f.From == enterpriseId || (ExternalNode.IsExternal(f.From) && f.To == enterpriseId))
        .Select(f => new DeclaredFlow(f.Id, f.From, f.To, f.MaterialId, f.Quantity?.Value, f.Unit.Symbol, f.Status, f.Source) { UncertaintyPercent = f.UncertaintyPercent, Role = f.Role })];

    /// <summary>A declared flow a new version drops no longer stands in its material's exchange.</summary>
    private static async Task WithdrawDroppedStandingAsync(IGrainFactory grains, string parkId, IEnumerable<EnterpriseContribution> before, ParkDataset dataset)
    {
        foreach (var c in before)
        {
            var now = StandingPositions.Of(c.Profile, DeclaredFlows(dataset, c.Profile.Id)).Select(p => p.Position.ReportId).ToHashSet(StringComparer.Ordinal);
            foreach (var (position, _) in StandingPositions.Of(c.Profile, c.Flows).Where(p => !now.Contains(p.Position.ReportId)))
            {
                await grains.GetGrain<IMaterialExchangeGrain>($"{parkId}/{position.MaterialId}").RemoveAsync(position.ReportId);
            }
        }
    }
}
