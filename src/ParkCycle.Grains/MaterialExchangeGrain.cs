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
/// </remarks>
[Reentrant]
public sealed class MaterialExchangeGrain(TimeProvider clock) : Grain, IMaterialExchangeGrain
{
    private static readonly Lazy<SubstitutionIndex> Rules = new(() => new SubstitutionIndex(CatalogReader.Default.Substitutions, CatalogReader.Default.Find, CatalogReader.Default.Materials));

    private readonly Dictionary<string, OpenPosition> _offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenPosition> _needs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, IMaterialExchangeGrain> _others = new(StringComparer.Ordinal);
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
        // The exchanges of the materials this one can replace are asked at once, not one after another.
        var others = await Task.WhenAll(Rules.Value.Targets(MaterialId)
            .Where(m => m != MaterialId).Distinct(StringComparer.Ordinal).Select(m => Other(m).GetNeedsAsync()));
        var needs = others.Prepend(Open(_needs)).SelectMany(open => open)
            .Select(ToNeed).ToList();

        return Match([ToOffer(offer)], needs, offer, null);
    }

    public async Task<IReadOnlyList<ExchangeMatch>> NeedAsync(OpenPosition need)
    {
        _needs[need.ReportId] = need;
        var others = await Task.WhenAll(Rules.Value.RulesTo(MaterialId).Select(r => r.SourceMaterialId)
            .Where(m => m != MaterialId).Distinct(StringComparer.Ordinal).Select(m => Other(m).GetOffersAsync()));
        var offers = others.Prepend(Open(_offers)).SelectMany(open => open).Select(ToOffer).ToList();

        return Match(offers, [ToNeed(need)], null, need);
    }

    public Task StandAsync(OpenPosition position, ReportKind kind)
    {
        (kind == ReportKind.Offer ? _offers : _needs)[position.ReportId] = position;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string reportId)
    {
        _offers.Remove(reportId);
        _needs.Remove(reportId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OpenPosition>> GetOffersAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>(Open(_offers));

    public Task<IReadOnlyList<OpenPosition>> GetNeedsAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>(Open(_needs));

    /// <summary>
    /// The positions whose window has not passed. The enterprises' daily expiry sweep removes the rest; until it
    /// runs, nothing expired is offered or matched.
    /// </summary>
    private List<OpenPosition> Open(Dictionary<string, OpenPosition> positions)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. positions.Values.Where(p => p.Until >= today)];
    }

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
        var options = new MatchOptions { MaxOpportunitiesPerOffer = 50 };
        var found = new Matchmaker(Rules.Value, options, ExchangeEconomics.For(CatalogReader.Default, options)).Compute(offers, needs);
        return [.. found
            .Where(o => offer is null || o.OfferId == offer.ReportId)
            .Where(o => need is null || o.NeedId == need.ReportId)
            .OrderByDescending(o => o.Co2eAvoidedT ?? 0)
            .Select(o => new ExchangeMatch(o.Supplier, o.OfferId, o.Consumer, o.NeedId, o.SourceMaterial, o.ReplacedMaterial, o.Quantity, o.Unit, o.DistanceKm, o.Co2eAvoidedT, o.RuleId))];
    }
}
