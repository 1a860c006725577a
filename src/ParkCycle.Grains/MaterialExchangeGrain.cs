using Orleans.Concurrency;
using ParkCycle.Domain.Datasets;
using ParkCycle.Grains.Abstractions;
using ParkCycle.Graph;

namespace ParkCycle.Grains;

/// <summary>
/// Open offers and needs of one material in one park (key <c>park/material</c>). Matching uses the graph
/// engine's rules: an offer looks at needs of its own material and of every material a rule says it can
/// replace (held by those materials' exchanges); a need looks the other way.
/// </summary>
/// <remarks>
/// The exchange keeps no state of its own: every position is already durable in its enterprise's state, so on
/// activation the exchange asks the park's model for them. A report is therefore one durable write, not two, and
/// no exchange ever re-serialises every offer of a material on each change.
/// <para>
/// Offers are reported far more often than needs, so an offer is not matched by asking every exchange whose needs it
/// could serve: each exchange keeps a copy of those exchanges' needs, read once and then replaced whenever one of
/// them tells it its needs changed (<see cref="IMaterialExchangeGrain.NeedsChangedAsync"/>; each change is told to
/// every exchange whose offers may serve it, before the change is answered). Copies carry the teller's activation and
/// change count, so a late answer never replaces a newer copy; an exchange that restarts has new needs only through a
/// change, which it tells.
/// </para>
/// </remarks>
[Reentrant]
public sealed class MaterialExchangeGrain(TimeProvider clock) : Grain, IMaterialExchangeGrain
{
    private static readonly Lazy<SubstitutionIndex> Rules = new(() => new SubstitutionIndex(CatalogReader.Default.Substitutions, CatalogReader.Default.Find, CatalogReader.Default.Materials));

    // The catalogue's prices and fees are the same for every exchange: read into one lookup, not one per match.
    private static readonly MatchOptions Options = new() { MaxOpportunitiesPerOffer = 50 };
    private static readonly Lazy<ExchangeEconomics> Economics = new(() => ExchangeEconomics.For(CatalogReader.Default, Options));

    // For each material, the other materials whose offers may serve a need of it: the inverse of Targets, over the catalogue.
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Suppliers = new(() => CatalogReader.Default.Materials
        .SelectMany(m => Rules.Value.Targets(m.Id).Where(t => t != m.Id).Select(t => (Source: m.Id, Target: t)))
        .GroupBy(p => p.Target, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Source).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));

    private readonly Dictionary<string, OpenPosition> _offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenPosition> _needs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, IMaterialExchangeGrain> _others = new(StringComparer.Ordinal);

    /// <summary>The needs of the other materials an offer of this one may serve, as their exchanges last told them.</summary>
    private readonly Dictionary<string, ExchangeNeeds> _targetNeeds = new(StringComparer.Ordinal);
    private Task? _targetsRead;

    // This activation's stamp on its own needs.
    private readonly Guid _epoch = Guid.NewGuid();
    private long _needsVersion;
    private string _park = string.Empty;

    private string MaterialId { get; set; } = string.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString().Split('/', 2);
        (_park, MaterialId) = (key[0], key[1]);
        var open = await GrainFactory.GetGrain<IParkGrain>(_park).GetPositionsAsync(MaterialId);
        foreach (var o in open.Offers)
        {
            _offers[o.ReportId] = o;
        }

        foreach (var n in open.Needs)
        {
            _needs[n.ReportId] = n;
        }
    }

    public async Task<IReadOnlyList<ExchangeMatch>> OfferAsync(OpenPosition offer)
    {
        _offers[offer.ReportId] = offer;
        await (_targetsRead ??= ReadTargetsAsync());
        var today = Today;
        var needs = _targetNeeds.Values.SelectMany(n => n.Needs).Where(n => n.Until >= today)
            .Concat(Open(_needs)).Select(ToNeed).ToList();

        return Match([ToOffer(offer)], needs, offer, null);
    }

    /// <summary>Reads the needs of every other material this one can replace, once per activation; changes arrive after.</summary>
    private async Task ReadTargetsAsync()
    {
        var targets = Rules.Value.Targets(MaterialId).Where(m => m != MaterialId).Distinct(StringComparer.Ordinal).ToList();
        var read = await Task.WhenAll(targets.Select(m => Other(m).GetNeedsSnapshotAsync()));
        for (var i = 0; i < targets.Count; i++)
        {
            // A change told while the read was under way is newer than the read's answer, and stays.
            if (read[i].Supersedes(_targetNeeds.GetValueOrDefault(targets[i])))
            {
                _targetNeeds[targets[i]] = read[i];
            }
        }
    }

    public async Task<IReadOnlyList<ExchangeMatch>> NeedAsync(OpenPosition need)
    {
        _needs[need.ReportId] = need;
        await TellNeedsChangedAsync();
        var others = await Task.WhenAll(SuppliersOf(MaterialId).Select(m => Other(m).GetOffersAsync()));
        var offers = others.Prepend(Open(_offers)).SelectMany(open => open).Select(ToOffer).ToList();

        return Match(offers, [ToNeed(need)], null, need);
    }

    public Task StandAsync(OpenPosition position, ReportKind kind)
    {
        (kind == ReportKind.Offer ? _offers : _needs)[position.ReportId] = position;
        return kind == ReportKind.Need ? TellNeedsChangedAsync() : Task.CompletedTask;
    }

    public Task RemoveAsync(string reportId)
    {
        _offers.Remove(reportId);
        return _needs.Remove(reportId) ? TellNeedsChangedAsync() : Task.CompletedTask;
    }

    public Task<ExchangeNeeds> GetNeedsSnapshotAsync() => Task.FromResult(NeedsSnapshot());

    public Task NeedsChangedAsync(string material, ExchangeNeeds needs)
    {
        if (needs.Supersedes(_targetNeeds.GetValueOrDefault(material)))
        {
            _targetNeeds[material] = needs;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells every exchange whose offers may serve this material's needs the new list, and waits for them: once a
    /// need is answered, an offer reported anywhere is matched against it.
    /// </summary>
    private Task TellNeedsChangedAsync()
    {
        _needsVersion++;
        var snapshot = NeedsSnapshot();
        return Task.WhenAll(SuppliersOf(MaterialId).Select(m => Other(m).NeedsChangedAsync(MaterialId, snapshot)));
    }

    // Every need held, expired ones included: each reader filters by its own today, as the window passes for all alike.
    private ExchangeNeeds NeedsSnapshot() => new(_epoch, _needsVersion, [.. _needs.Values]);

    private static IEnumerable<string> SuppliersOf(string material) =>
        Suppliers.Value.TryGetValue(material, out var sources) ? sources.Where(m => m != material) : [];

    public Task<IReadOnlyList<OpenPosition>> GetOffersAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>(Open(_offers));

    public Task<IReadOnlyList<OpenPosition>> GetNeedsAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>(Open(_needs));

    /// <summary>
    /// The positions whose window has not passed. The enterprises' daily expiry sweep removes the rest; until it
    /// runs, nothing expired is offered or matched.
    /// </summary>
    private List<OpenPosition> Open(Dictionary<string, OpenPosition> positions)
    {
        var today = Today;
        return [.. positions.Values.Where(p => p.Until >= today)];
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private IMaterialExchangeGrain Other(string material)
    {
        if (!_others.TryGetValue(material, out var other))
        {
            _others[material] = other = GrainFactory.GetGrain<IMaterialExchangeGrain>($"{_park}/{material}");
        }

        return other;
    }

    private static ExchangeOffer ToOffer(OpenPosition o) =>
        new(o.ReportId, o.Enterprise, o.MaterialId, o.AnnualQuantity, ExternalDestination, o.Latitude, o.Longitude) { Holds = o.Holds };

    private static ExchangeNeed ToNeed(OpenPosition n) =>
        new(n.ReportId, n.Enterprise, n.MaterialId, n.AnnualQuantity, n.Latitude, n.Longitude) { Holds = n.Holds };

    // A reported byproduct is stockpiled until someone takes it.
    private const string ExternalDestination = Domain.Model.ExternalNode.Storage;

    private static IReadOnlyList<ExchangeMatch> Match(IReadOnlyList<ExchangeOffer> offers, IReadOnlyList<ExchangeNeed> needs, OpenPosition? offer, OpenPosition? need)
    {
        var found = new Matchmaker(Rules.Value, Options, Economics.Value).Compute(offers, needs);
        return [.. found
            .Where(o => offer is null || o.OfferId == offer.ReportId)
            .Where(o => need is null || o.NeedId == need.ReportId)
            .OrderByDescending(o => o.Co2eAvoidedT ?? 0)
            .Select(o => new ExchangeMatch(o.Supplier, o.OfferId, o.Consumer, o.NeedId, o.SourceMaterial, o.ReplacedMaterial, o.Quantity, o.Unit, o.DistanceKm, o.Co2eAvoidedT, o.RuleId))];
    }
}
