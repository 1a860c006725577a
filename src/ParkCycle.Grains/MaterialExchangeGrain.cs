using Orleans.Concurrency;
using ParkCycle.Domain.Datasets;
using ParkCycle.Graph;
using ParkCycle.Grains.Abstractions;

namespace ParkCycle.Grains;

/// <summary>
/// Open offers and needs of one material in one park (key <c>park/material</c>). Matching uses the graph
/// engine's rules: an offer looks at needs of its own material and of every material a rule says it can
/// replace (held by those materials' exchanges); a need looks the other way. Reentrant, so that every
/// enterprise reporting the same material does not queue behind one durable write at a time: changes made
/// while a write is in flight are stored together by the next write (see <see cref="PersistAsync"/>).
/// </summary>
[Reentrant]
public sealed class MaterialExchangeGrain(
    [PersistentState("exchange", GrainStorage.Name)] IPersistentState<ExchangeState> state) : Grain, IMaterialExchangeGrain
{
    private static readonly Lazy<SubstitutionIndex> Rules = new(() => new SubstitutionIndex(CatalogReader.Default.Substitutions, CatalogReader.Default.Find));

    private Task _writing = Task.CompletedTask;
    private Task? _nextWrite;

    private string Park => this.GetPrimaryKeyString().Split('/')[0];

    private string MaterialId => this.GetPrimaryKeyString().Split('/', 2)[1];

    public async Task<IReadOnlyList<ExchangeMatch>> OfferAsync(OpenPosition offer)
    {
        state.State.Offers[offer.ReportId] = offer;
        await PersistAsync();
        var needs = new List<ExchangeNeed>();
        foreach (var target in Rules.Value.RulesFrom(MaterialId).Select(r => r.TargetMaterialId).Prepend(MaterialId).Distinct(StringComparer.Ordinal))
        {
            var open = target == MaterialId ? [.. state.State.Needs.Values] : await Other(target).GetNeedsAsync();
            needs.AddRange(open.Select(n => new ExchangeNeed(n.ReportId, n.Enterprise, n.MaterialId, n.AnnualQuantity, n.Latitude, n.Longitude)));
        }

        return Match([ToOffer(offer)], needs, offer, null);
    }

    public async Task<IReadOnlyList<ExchangeMatch>> NeedAsync(OpenPosition need)
    {
        state.State.Needs[need.ReportId] = need;
        await PersistAsync();
        var offers = new List<ExchangeOffer>();
        foreach (var source in Rules.Value.RulesTo(MaterialId).Select(r => r.SourceMaterialId).Prepend(MaterialId).Distinct(StringComparer.Ordinal))
        {
            var open = source == MaterialId ? [.. state.State.Offers.Values] : await Other(source).GetOffersAsync();
            offers.AddRange(open.Select(ToOffer));
        }

        return Match(offers, [new ExchangeNeed(need.ReportId, need.Enterprise, need.MaterialId, need.AnnualQuantity, need.Latitude, need.Longitude)], null, need);
    }

    public Task StandAsync(OpenPosition position, ReportKind kind)
    {
        (kind == ReportKind.Offer ? state.State.Offers : state.State.Needs)[position.ReportId] = position;
        return PersistAsync();
    }

    public async Task RemoveAsync(string reportId)
    {
        if (state.State.Offers.Remove(reportId) | state.State.Needs.Remove(reportId))
        {
            await PersistAsync();
        }
    }

    public Task<IReadOnlyList<OpenPosition>> GetOffersAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>([.. state.State.Offers.Values]);

    public Task<IReadOnlyList<OpenPosition>> GetNeedsAsync() => Task.FromResult<IReadOnlyList<OpenPosition>>([.. state.State.Needs.Values]);

    /// <summary>
    /// Durably stores every change made so far. Turns interleave only at awaits, so at most one write is in
    /// flight; callers arriving meanwhile share the single write that follows it, which captures all their
    /// changes. Each caller returns only once a write that started after its change has completed.
    /// </summary>
    private Task PersistAsync()
    {
        return _nextWrite ??= WriteAfterAsync(_writing);

        async Task WriteAfterAsync(Task previous)
        {
            // Yield first so _nextWrite is set before this write takes its place, even when nothing is in flight.
            await Task.Yield();
            try
            {
                await previous;
            }
            catch (Exception)
            {
                // That write's failure belongs to its own callers; this write stands on its own.
            }

            _writing = _nextWrite!;
            _nextWrite = null;
            await state.WriteStateAsync();
        }
    }

    private IMaterialExchangeGrain Other(string material) => GrainFactory.GetGrain<IMaterialExchangeGrain>($"{Park}/{material}");

    private static ExchangeOffer ToOffer(OpenPosition o) =>
        new(o.ReportId, o.Enterprise, o.MaterialId, o.AnnualQuantity, ExternalDestination, o.Latitude, o.Longitude);

    // A reported byproduct is stockpiled until someone takes it.
    private const string ExternalDestination = Domain.Model.ExternalNode.Storage;

    private static IReadOnlyList<ExchangeMatch> Match(IReadOnlyList<ExchangeOffer> offers, IReadOnlyList<ExchangeNeed> needs, OpenPosition? offer, OpenPosition? need)
    {
        var found = new Matchmaker(Rules.Value, new MatchOptions { MaxOpportunitiesPerOffer = 50 }).Compute(offers, needs);
        return [.. found
            .Where(o => offer is null || o.OfferId == offer.ReportId)
            .Where(o => need is null || o.NeedId == need.ReportId)
            .OrderByDescending(o => o.Co2eAvoidedT ?? 0)
            .Select(o => new ExchangeMatch(o.Supplier, o.OfferId, o.Consumer, o.NeedId, o.SourceMaterial, o.ReplacedMaterial, o.Quantity, o.Unit, o.DistanceKm, o.Co2eAvoidedT, o.RuleId))];
    }
}
