using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Graph;

namespace ParkCycle.Grains;

/// <summary>Options for the live park.</summary>
public sealed class ParkOptions
{
    /// <summary>How long the park waits after a change before re-analysing, so a burst of reports costs one analysis. The default value is 500 ms.</summary>
    public TimeSpan AnalysisDebounce { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// The park: members, and a versioned immutable snapshot of its flow model (an <see cref="ParkDataset"/>) built
/// from its enterprises' declarations and open reports. Analysis runs on the thread pool, off the grain's turn,
/// debounced, and is cached per snapshot version. Reentrant: reads never wait behind an analysis.
/// </summary>
[Reentrant]
public sealed class ParkGrain(
    [PersistentState("park", GrainStorage.Name)] IPersistentState<ParkState> state,
    IOptions<ParkOptions> options,
    ParkCycleMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ParkGrain> logger) : Grain, IParkGrain
{
    private readonly Dictionary<string, EnterpriseContribution> _contributions = new(StringComparer.Ordinal);

    /// <summary>Members whose stored state failed the range checks: out of the snapshot until a good contribution arrives.</summary>
    private readonly Dictionary<string, QuarantinedEnterprise> _quarantine = new(StringComparer.Ordinal);
    /// <summary>
    /// Versions are handed out from a reserved block: the block's end is persisted before any version in it is given
    /// out, so after a crash the park resumes past every version it may have given, without a write per change.
    /// </summary>
    private const long VersionBlock = 10_000;

    private long _version;
    private long _reserved;
    private Task? _reserving;
    private AnalysisResult? _cache;

    /// <summary>How long an import may hold the park's lease: an import of a large park takes seconds; one whose server died must not block the next.</summary>
    private static readonly TimeSpan ImportLeaseTime = TimeSpan.FromMinutes(10);

    private (string ImportId, DateTimeOffset Until)? _importLease;
    private Task? _scheduled;
    private Task<AnalysisResult>? _analysing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions keep rising across restarts and never repeat: start at the end of the last reserved block.
        _version = _reserved = state.State.Version;
        if (state.RecordExists)
        {
            await ReserveVersionsAsync();
        }

        // A park nobody has set up stores nothing until its first change reserves versions: reads create no state.
        var members = state.State.Members.ToList();
        var contributions = await Task.WhenAll(members.Select(ContributionOrQuarantineAsync));
        foreach (var c in contributions)
        {
            if (c is not null)
            {
                Admit(c);
            }
        }
    }

    /// <summary>A member's contribution; a member whose state cannot even be read is quarantined, never fatal to the park.</summary>
    private async Task<EnterpriseContribution?> ContributionOrQuarantineAsync(string member)
    {
        try
        {
            return await GrainFactory.GetGrain<IEnterpriseGrain>(member).GetContributionAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Quarantine(member, [$"its state could not be read: {ex.GetType().Name}"], ex);
            return null;
        }
    }

    /// <summary>Takes a contribution into the model, or quarantines its enterprise when it fails the range checks.</summary>
    private void Admit(EnterpriseContribution contribution)
    {
        var id = contribution.Profile.Id;
        var problems = ContributionCheck.Problems(contribution, CatalogReader.Default, _contributions.GetValueOrDefault(id));
        if (problems.Count > 0)
        {
            _contributions.Remove(id);
            Quarantine(id, problems, null);
            return;
        }

        if (_quarantine.Remove(id))
        {
            logger.LogInformation("Park {Park}: enterprise {Enterprise} left quarantine", this.GetPrimaryKeyString(), id);
        }

        _contributions[id] = contribution;
    }

    private void Quarantine(string enterprise, IReadOnlyList<string> reasons, Exception? error)
    {
        logger.LogWarning(error, "Park {Park}: enterprise {Enterprise} quarantined, left out of the snapshot: {Reasons}",
            this.GetPrimaryKeyString(), enterprise, string.Join("; ", reasons));
        var since = _quarantine.TryGetValue(enterprise, out var known) ? known.Since : timeProvider.GetUtcNow();
        _quarantine[enterprise] = new QuarantinedEnterprise(enterprise, reasons, since);
    }

    public Task<IReadOnlyList<QuarantinedEnterprise>> GetQuarantineAsync() =>
        Task.FromResult<IReadOnlyList<QuarantinedEnterprise>>([.. _quarantine.Values.OrderBy(q => q.Enterprise, StringComparer.Ordinal)]);

    public async Task SetupAsync(ParkSetup setup)
    {
        state.State.Setup = setup;
        await state.WriteStateAsync();
    }

    public Task<bool> IsSeededAsync() => Task.FromResult(state.State.Seeded);

    public async Task MarkSeededAsync()
    {
        state.State.Seeded = true;
        await state.WriteStateAsync();
    }

    public async Task JoinAsync(string enterpriseId)
    {
        if (state.State.Members.Add(enterpriseId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetMembersAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Members.Order(StringComparer.Ordinal)]);

    public async Task<long> NotifyChangedAsync(EnterpriseContribution contribution)
    {
        // An enterprise a dataset version retired may still report (its reports are its own), but no longer into the park.
        if (!state.State.Members.Contains(contribution.Profile.Id))
        {
            return _version;
        }

        Admit(contribution);
        return await AdvanceAsync();
    }

    /// <summary>Moves the model to its next version and schedules a (debounced) re-analysis.</summary>
    private async Task<long> AdvanceAsync()
    {
        while (_version >= _reserved)
        {
            // Once every 10,000 changes: callers arriving meanwhile share the one reservation.
            _reserving = _reserving is { IsCompleted: false } ? _reserving : ReserveVersionsAsync();
            await _reserving;
        }

        _version++;
        metrics.SnapshotVersion(this.GetPrimaryKeyString(), _version);
        if (_scheduled is null || _scheduled.IsCompleted)
        {
            _scheduled = AnalyseLaterAsync();
        }

        return _version;
    }

    private async Task ReserveVersionsAsync()
    {
        var end = _reserved + VersionBlock;
        state.State.Version = end;
        await state.WriteStateAsync();
        _reserved = end;
    }

    public Task<IReadOnlyList<DatasetVersionInfo>> GetVersionsAsync() => Task.FromResult<IReadOnlyList<DatasetVersionInfo>>([.. state.State.Versions]);

    public Task<bool> TryLeaseImportAsync(string importId)
    {
        var now = timeProvider.GetUtcNow();
        if (_importLease is { } held && held.ImportId != importId && held.Until > now)
        {
            return Task.FromResult(false);
        }

        // In memory only: a silo that dies takes its leases with it, and a new activation starts free.
        _importLease = (importId, now + ImportLeaseTime);
        return Task.FromResult(true);
    }

    public Task ReleaseImportAsync(string importId)
    {
        if (_importLease?.ImportId == importId)
        {
            _importLease = null;
        }

        return Task.CompletedTask;
    }

    public async Task AddVersionAsync(DatasetVersionInfo version)
    {
        state.State.Versions.RemoveAll(v => v.Version >= version.Version); // a retried import replaces what it half did
        state.State.Versions.Add(version);
        await state.WriteStateAsync();
        await AdvanceAsync();
    }

    public async Task RetireAsync(IReadOnlyList<string> enterpriseIds)
    {
        var positions = new List<(string Material, string ReportId)>();
        foreach (var id in enterpriseIds)
        {
            if (_contributions.Remove(id, out var c))
            {
                positions.AddRange(c.Offers.Concat(c.Needs).Select(p => (p.MaterialId, p.ReportId)));
                positions.AddRange(StandingPositions.Of(c.Profile, c.Flows).Select(p => (p.Position.MaterialId, p.Position.ReportId)));
            }

            _quarantine.Remove(id);
            state.State.Members.Remove(id);
        }

        await state.WriteStateAsync();
        // The exchanges are indices of the model: what the retired enterprises held there goes with them.
        var park = this.GetPrimaryKeyString();
        foreach (var (material, reportId) in positions)
        {
            await GrainFactory.GetGrain<IMaterialExchangeGrain>($"{park}/{material}").RemoveAsync(reportId);
        }

        await AdvanceAsync();
    }

    public Task<SnapshotInfo> GetSnapshotInfoAsync() => Task.FromResult(new SnapshotInfo(
        this.GetPrimaryKeyString(), _version, _contributions.Count, _contributions.Values.Sum(c => c.Flows.Count + c.Offers.Count + c.Needs.Count), _cache?.Version ?? 0));

    public Task<ExchangePositions> GetPositionsAsync(string materialId)
    {
        var offers = new List<OpenPosition>();
        var needs = new List<OpenPosition>();
        foreach (var c in _contributions.Values)
        {
            // Administration-only offers stay in the park's analysis, off the exchanges (never matched to an enterprise).
            offers.AddRange(c.Offers.Where(o => o.MaterialId == materialId && !o.AdministrationOnly));
            needs.AddRange(c.Needs.Where(n => n.MaterialId == materialId));
            foreach (var (position, kind) in StandingPositions.Of(c.Profile, c.Flows).Where(p => p.Position.MaterialId == materialId))
            {
                (kind == ReportKind.Offer ? offers : needs).Add(position);
            }
        }

        return Task.FromResult(new ExchangePositions(offers, needs));
    }

    public Task<string?> GetStandingOwnerAsync(string positionId) => Task.FromResult(_contributions.Values
        .FirstOrDefault(c => StandingPositions.Of(c.Profile, c.Flows).Any(p => p.Position.ReportId == positionId))?.Profile.Id);

    public async Task<AnalysisResult> GetAnalysisAsync(long minVersion = 0)
    {
        while (_cache is null || _cache.Version < Math.Min(minVersion == 0 ? _version : minVersion, _version))
        {
            await Analyse();
        }

        return _cache;
    }

    public Task<byte[]> ExportAsync(string format) => OffTurn(snapshot => DatasetExport.Encode(snapshot, format));

    public Task<string?> GetHeatAsync(decimal dtMinC) => OffTurn(snapshot =>
        HeatIntegration.ParkHeatIntegration.Analyze(snapshot, new HeatIntegration.ParkHeatOptions { DtMinC = dtMinC }) is { } report
            ? JsonSerializer.Serialize(report, HeatIntegration.HeatIntegrationReport.JsonOptions)
            : null);

    public Task<string> ScenarioAsync(IReadOnlyList<string> remove) => OffTurn(snapshot =>
    {
        var before = ParkAnalyzer.Analyze(snapshot);
        var (_, report) = Scenario.Compare(snapshot, before, [.. remove], null);
        return JsonSerializer.Serialize(report, AnalysisReport.JsonOptions);
    });

    public Task<IReadOnlyList<SankeyLink>> GetSankeyAsync() =>
        OffTurn<IReadOnlyList<SankeyLink>>(snapshot => [.. MassFlowSankey.ByChain(snapshot).Select(l => new SankeyLink(l.Source, l.Target, l.Tonnes))]);

    /// <summary>The analysis running now, or a new one of the current version.</summary>
    private Task<AnalysisResult> Analyse() => _analysing = _analysing is { IsCompleted: false } ? _analysing : AnalyseNowAsync();

    private async Task AnalyseLaterAsync()
    {
        // Under a steady stream of reports, a big park would otherwise re-analyse back to back and take a core
        // from the reports. An analysis of d ms uses at most every core for d (matching, the plan's parts and the
        // other sections run side by side), so waiting (5 × cores − 1) × d keeps background analysis under a fifth
        // of one core (four times d on one core). Anyone who needs a fresher result asks GetAnalysisAsync, which
        // does not wait for this.
        var lastMs = _cache?.ElapsedMs ?? 0;
        var wait = ((5 * Environment.ProcessorCount) - 1) * lastMs;
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(options.Value.AnalysisDebounce.TotalMilliseconds, wait)), timeProvider);
        if (_cache is null || _cache.Version < _version)
        {
            await Analyse();
        }
    }

    private async Task<AnalysisResult> AnalyseNowAsync()
    {
        var version = _version;
        // The dataset version the snapshot is of, taken with it: an analysis that began before a new version was
        // added is not that version's.
        var datasetVersion = state.State.Versions.Count > 0 ? state.State.Versions[^1].Version : 0;
        var clock = Stopwatch.StartNew();
        var (result, kpis) = await OffTurn(snapshot =>
        {
            var analysis = ParkAnalyzer.Analyze(snapshot);
            var json = JsonSerializer.Serialize(AnalysisReport.From(analysis), AnalysisReport.JsonOptions);
            IReadOnlyList<KpiReading> kpis = [.. analysis.Kpis.Select(k => new KpiReading(k.Id, k.Value, k.Unit, k.Target, k.Due))];
            return (new AnalysisResult(version, json, analysis.Loops.Loops.Count, analysis.Opportunities.Count, analysis.Plan.TotalCo2eAvoidedT, clock.Elapsed.TotalMilliseconds), kpis);
        });
        metrics.AnalysisDuration(result.ElapsedMs);
        if (_cache is null || result.Version > _cache.Version)
        {
            _cache = result;
            if (state.State.Seeded)
            {
                await RecordKpisAsync(new KpiSnapshot(timeProvider.GetUtcNow(), datasetVersion, kpis));
            }
        }

        return result;
    }

    /// <summary>Keeps the KPIs of a new analysis in the year's history; a history that cannot be written never fails the analysis.</summary>
    private async Task RecordKpisAsync(KpiSnapshot snapshot)
    {
        try
        {
            await GrainFactory.GetGrain<IParkKpiHistoryGrain>(IParkKpiHistoryGrain.Key(this.GetPrimaryKeyString(), snapshot.At.UtcDateTime.Year)).RecordAsync(snapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Park {Park}: the KPIs of the analysis at {At} were not kept in the history", this.GetPrimaryKeyString(), snapshot.At);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the current snapshot on the thread pool, so the grain keeps serving calls:
    /// only the list of (immutable) contributions is taken in the grain's turn; building the model and everything
    /// done with it happen off it.
    /// </summary>
    private Task<T> OffTurn<T>(Func<ParkDataset, T> work)
    {
        var setup = state.State.Setup ?? new ParkSetup(this.GetPrimaryKeyString(), this.GetPrimaryKeyString(), null, []);
        EnterpriseContribution[] members = [.. _contributions.Values];
        return Task.Run(() => work(Snapshot(setup, members)));
    }

    /// <summary>The immutable park model: declared flows, open offers as stock awaiting a taker, open needs as imports.</summary>
    private static ParkDataset Snapshot(ParkSetup setup, IReadOnlyList<EnterpriseContribution> members)
    {
        var catalog = CatalogReader.Default;
        var zones = setup.Zones.Select(z => new Zone(z.Id, z.Name, z.NameEn)).ToList();
        var enterprises = new List<Enterprise>();
        var flows = new List<Flow>();
        var materials = new Dictionary<string, Material>(StringComparer.Ordinal);
        foreach (var c in members.OrderBy(c => c.Profile.Id, StringComparer.Ordinal))
        {
            var p = c.Profile;
            if (zones.All(z => z.Id != p.Zone))
            {
                zones.Add(new Zone(p.Zone, p.Zone, null));
            }

            enterprises.Add(EnterpriseMapping.ToEnterprise(p));
            foreach (var f in c.Flows)
            {
                var unit = Unit.Parse(f.Unit);
                if (catalog.Find(f.MaterialId) is null && !materials.ContainsKey(f.MaterialId))
                {
                    // A dataset's own material the catalogue lacks: keep the flow with a placeholder definition.
                    materials[f.MaterialId] = new Material(f.MaterialId, f.MaterialId, null, MaterialCategory.Product, unit, null, null);
                }

                flows.Add(new Flow(f.Id, f.From, f.To, f.MaterialId, f.Quantity is { } q ? new Quantity(q, unit) : null, unit,
                    f.Status, f.Source)
                {
                    UncertaintyPercent = f.UncertaintyPercent,
                    Role = f.Role,
                });
            }

            foreach (var o in c.Offers)
            {
                var unit = catalog.Find(o.MaterialId)!.Unit;
                flows.Add(new Flow($"report:{o.ReportId}", p.Id, ExternalNode.Storage, o.MaterialId, new Quantity(o.AnnualQuantity, unit), unit, FlowStatus.Existing, $"byproduct report {o.ReportId}"));
            }

            foreach (var n in c.Needs)
            {
                var unit = catalog.Find(n.MaterialId)!.Unit;
                flows.Add(new Flow($"report:{n.ReportId}", ExternalNode.Import, p.Id, n.MaterialId, new Quantity(n.AnnualQuantity, unit), unit, FlowStatus.Existing, $"need report {n.ReportId}"));
            }
        }

        // Flows to enterprises that are not (yet) members would break the model's integrity: leave them out.
        var ids = enterprises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        flows = [.. flows.Where(f => (ExternalNode.IsExternal(f.From) || ids.Contains(f.From)) && (ExternalNode.IsExternal(f.To) || ids.Contains(f.To)))];
        // One flow per id, the later statement winning: an exported live park carries its open reports as flows
        // (report:<id>), so a version imported from that export declares them again while the reports live on; and
        // a flow declared by both of its enterprises is one flow. Duplicate ids would fail the analysis.
        flows = [.. flows.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.Last())];
        return new ParkDataset(new DatasetManifest(setup.ParkId, setup.Name, setup.ReferenceYear, null, "live park snapshot"),
            zones, enterprises, [.. materials.Values], flows, [], [], [], catalog)
        {
            HeatStreams = [.. (setup.HeatStreams ?? []).Where(h => ids.Contains(h.Enterprise)).Select(h => new HeatStream(h.Id, h.Enterprise,
                h.Hot ? HeatStreamKind.Hot : HeatStreamKind.Cold, h.SupplyTemperatureC, h.TargetTemperatureC, h.CpKwPerK, h.DutyKw, h.HoursPerYear, h.DtContributionC, h.Source))],
            Balances = [.. (setup.Balances ?? []).Select(b => BalanceScope.TryParse(b.Scope, out var scope) ? new DeclaredBalance(b.Id, b.Enterprise, scope) : null).OfType<DeclaredBalance>()],
        };
    }
}
