using ParkCycle.Domain.Model;

namespace ParkCycle.Graph;

/// <summary>
/// Matches offers to needs along pathways: the same material, or one a substitution rule lets it replace; heat
/// only to heat demands hot enough for them; a hazardous waste only to a holder of a licence for its code; a
/// pathway with a process only to a consumer that runs it, else through an in-park processor (two hops); within
/// the distance limit of the rule and the category. Works on plain offers and needs so the live park (byproduct
/// reports) and the dataset analysis share it.
/// </summary>
public sealed class Matchmaker
{
    private readonly SubstitutionIndex _substitutions;
    private readonly MatchOptions _options;
    private readonly ExchangeEconomics _economics;
    private readonly IReadOnlyList<ExchangeProcessor> _processors;

    /// <summary>A matchmaker valuing with <paramref name="economics"/> (no prices or gate fees when null) and routing processes through <paramref name="processors"/>.</summary>
    public Matchmaker(SubstitutionIndex substitutions, MatchOptions options, ExchangeEconomics? economics = null, IReadOnlyList<ExchangeProcessor>? processors = null)
    {
        _substitutions = substitutions;
        _options = options;
        _economics = economics ?? new ExchangeEconomics(options, _ => null, []);
        _processors = processors ?? [];
    }

    /// <summary>
    /// Finds the opportunities, each offer's in the offers' order. <paramref name="reaches"/> (consumer, supplier) says
    /// whether an exchange would close a loop; a large park's offers are matched on several threads, so it must be safe
    /// to call concurrently (a lookup in an immutable closure is).
    /// </summary>
    public IReadOnlyList<ExchangeOpportunity> Compute(IEnumerable<ExchangeOffer> offers, IEnumerable<ExchangeNeed> needs, Func<string, string, bool>? reaches = null)
    {
        var offerList = offers as IReadOnlyList<ExchangeOffer> ?? [.. offers];
        // Enterprise ids become small integers so the inner loop compares parties without string comparisons.
        var parties = new Dictionary<string, int>(StringComparer.Ordinal);
        int Party(string id)
        {
            if (!parties.TryGetValue(id, out var n))
            {
                parties[id] = n = parties.Count;
            }

            return n;
        }

        var processors = _processors.Select(p => p.Enterprise).ToHashSet(StringComparer.Ordinal);
        // Needs are grouped by material into flat arrays so scoring a candidate is a few floating-point
        // operations; only each offer's best candidates are then valued exactly in decimals.
        var needsByMaterial = needs.GroupBy(n => n.MaterialId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => NeedSlot.Of(n, Party(n.Consumer), n.InParkSupplier is { } s ? Party(s) : -1, processors)).ToArray(), StringComparer.Ordinal);

        // The pathways of an offer depend only on its material and destination (sold or disposed of, and where), so
        // they are built once per pair, not once per offer.
        var plans = new Dictionary<(string Material, string Destination), TargetPlan[]>();
        var work = new (ExchangeOffer Offer, int Supplier, Material Source, TargetPlan[] Targets)[offerList.Count];
        var n = 0;
        foreach (var offer in offerList)
        {
            if (_substitutions.Material(offer.MaterialId) is not { } source)
            {
                continue;
            }

            if (!plans.TryGetValue((offer.MaterialId, offer.Destination), out var targets))
            {
                plans[(offer.MaterialId, offer.Destination)] = targets = Targets(offer, source, needsByMaterial);
            }

            work[n++] = (offer, Party(offer.Supplier), source, targets);
        }

        var found = new ExchangeOpportunity[n][];
        var perOffer = Math.Max(1, _options.MaxOpportunitiesPerOffer);
        void Match(int from, int to, Candidate[] best)
        {
            for (var i = from; i < to; i++)
            {
                var (offer, supplier, source, targets) = work[i];
                var count = 0;
                foreach (var target in targets)
                {
                    count = Score(offer, supplier, source, target, best, count);
                }

                var opportunities = new ExchangeOpportunity[count];
                for (var k = 0; k < count; k++)
                {
                    opportunities[k] = Value(offer, best[k], source, reaches);
                }

                found[i] = opportunities;
            }
        }

        if (n < ParallelFrom)
        {
            Match(0, n, new Candidate[perOffer]);
        }
        else
        {
            // Offers are independent: chunks run on the pool, each writing its own offers' slots, so the result's
            // order is the offers' order whatever the scheduling.
            var chunks = (n + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, () => new Candidate[perOffer], (c, _, best) =>
            {
                Match(c * ChunkSize, Math.Min(n, (c + 1) * ChunkSize), best);
                return best;
            }, _ => { });
        }

        var result = new List<ExchangeOpportunity>(found.Sum(f => f.Length));
        foreach (var opportunities in found)
        {
            result.AddRange(opportunities);
        }

        return result;
    }

    // Below this many offers the thread hand-off costs more than it saves (a real park has a few hundred).
    private const int ParallelFrom = 512;

    private const int ChunkSize = 64;

    /// <summary>The targets an offer of this material and destination may serve that some need asks for, each with its pathways.</summary>
    private TargetPlan[] Targets(ExchangeOffer offer, Material source, Dictionary<string, NeedSlot[]> needsByMaterial)
    {
        var targets = new List<TargetPlan>();
        foreach (var target in _substitutions.Targets(offer.MaterialId))
        {
            if (needsByMaterial.TryGetValue(target, out var slots) && Pathways(offer, source, target) is { Length: > 0 } pathways)
            {
                targets.Add(new TargetPlan(slots, pathways, pathways[0].IsPlain(source), _options.NotAcrossTheFence.Contains(pathways[0].Way.Target)));
            }
        }

        return [.. targets];
    }

    /// <summary>
    /// The pathways from the offer's material to one target that may carry it, most valuable first. Heat never
    /// stands in for a fuel or electricity without a process: it serves heat demands (and steam) only.
    /// </summary>
    private Pathway[] Pathways(ExchangeOffer offer, Material source, string target)
    {
        var targetMaterial = _substitutions.Material(target);
        return [.. _substitutions.Pathways(offer.MaterialId, target, _options.HeatApproachC)
            .Where(w => !source.IsHeat || w.Rule?.Process is not null || IsHeatDemand(targetMaterial))
            .Select(w => new Pathway(w, _economics.BeforeTransport(offer, source, w), MaxDistance(source, w)))
            .OrderByDescending(p => p.Value.Net)
            .ThenBy(p => p.Way.Rule?.Id, StringComparer.Ordinal)];
    }

    /// <summary>A heat demand (hot water, steam or process heat at a stated temperature), as opposed to a fuel or electricity.</summary>
    public static bool IsHeatDemand(Material? material) =>
        material is not null && (material.IsHeat || (material.Category == MaterialCategory.Energy && material.TemperatureC is not null));

    private int Score(ExchangeOffer offer, int supplier, Material source, TargetPlan target, Candidate[] best, int count)
    {
        var pathways = target.Pathways;
        var rate = (double)_economics.FreightPerUnit(source, 1m);
        var offered = offer.Quantity is { } q ? (double)q : double.NaN;
        var hasCoords = offer.Latitude is not null && offer.Longitude is not null;
        var lat = hasCoords ? (double)offer.Latitude!.Value : 0;
        var lon = hasCoords ? (double)offer.Longitude!.Value : 0;
        var cosLat = Math.Cos(lat * Math.PI / 180.0);
        Route? plain = target.Plain && !target.Fenced ? new Route(pathways[0], null, 0) : null;

        // For a need whose consumer holds nothing and is no processor, the route depends only on whether the need is
        // imported or supplied in the park by another enterprise: it is worked out once per offer and target.
        Route? imported = null, suppliedInPark = null;
        bool importedKnown = false, suppliedInParkKnown = false;
        foreach (ref readonly var slot in target.Slots.AsSpan())
        {
            var need = slot.Need;
            Route route;
            if (slot.Consumer == supplier)
            {
                if (Routed(offer, source, pathways, need) is not { } own)
                {
                    continue;
                }

                route = own;
            }
            else if (slot.InParkSupplier < 0)
            {
                if (plain is { } p)
                {
                    route = p;
                }
                else if (RoutedOnce(slot.HoldsNothing, ref importedKnown, ref imported, offer, source, pathways, need) is { } r)
                {
                    route = r;
                }
                else
                {
                    continue;
                }
            }
            else if (slot.InParkSupplier == supplier || offer.Sold)
            {
                continue; // an in-park supply is replaced only by another enterprise's residue, not by the same material
            }
            else if (RoutedOnce(slot.HoldsNothing, ref suppliedInParkKnown, ref suppliedInPark, offer, source, pathways, need) is { } r)
            {
                route = r;
            }
            else
            {
                continue;
            }

            var limit = route.Pathway.LimitKm;
            var score = double.NegativeInfinity; // unknown distance or quantity ranks after every known value
            if (hasCoords && slot.HasCoordinates)
            {
                double km;
                if (route.Processor is { } p)
                {
                    // Two hops: supplier → processor (already within the limit) → consumer.
                    var leg = FlatKm(p.Latitude, p.Longitude, slot.Latitude, slot.Longitude);
                    if (leg > limit * 1.01)
                    {
                        continue;
                    }

                    km = route.FirstLegKm + leg;
                }
                else
                {
                    var dx = (slot.Longitude - lon) * cosLat;
                    var dy = slot.Latitude - lat;
                    km = Math.Sqrt((dx * dx) + (dy * dy)) * Geo.KmPerDegree;

                    // The flat-earth screen is within 1% over 200 km; pairs near the limit are decided by the great
                    // circle, so a pair just past it never takes the place of a valid one in the top list.
                    if (km > limit * 1.01 || (km > limit * 0.99 && Geo.HaversineKm(lat, lon, slot.Latitude, slot.Longitude) > limit))
                    {
                        continue;
                    }
                }

                var quantity = Math.Min(offered, slot.Quantity * route.Pathway.Share / route.Pathway.Ratio);
                if (!double.IsNaN(quantity))
                {
                    score = quantity * (route.Pathway.NetBeforeTransport - (km * rate));
                }
            }

            if (count < best.Length)
            {
                best[count++] = new Candidate(need, route, score);
                Sift(best, count - 1);
            }
            else if (score > best[count - 1].Score)
            {
                best[count - 1] = new Candidate(need, route, score);
                Sift(best, count - 1);
            }
        }

        return count;
    }

    /// <summary>
    /// <see cref="Routed"/> for a need that may hold nothing: such needs of one offer and target all route alike
    /// (imported, or supplied in the park), so theirs is worked out once and kept in <paramref name="once"/>.
    /// </summary>
    private Route? RoutedOnce(bool holdsNothing, ref bool known, ref Route? once, ExchangeOffer offer, Material source, Pathway[] pathways, ExchangeNeed need)
    {
        if (!holdsNothing)
        {
            return Routed(offer, source, pathways, need);
        }

        if (!known)
        {
            once = Routed(offer, source, pathways, need);
            known = true;
        }

        return once;
    }

    /// <summary>The most valuable pathway that may carry the offer to this need, with its processor; null when none may.</summary>
    private Route? Routed(ExchangeOffer offer, Material source, Pathway[] pathways, ExchangeNeed need)
    {
        var self = need.Consumer == offer.Supplier;
        foreach (var pathway in pathways)
        {
            var rule = pathway.Way.Rule;
            if (need.InParkSupplier is { } supplier && (rule is null || offer.Sold || supplier == offer.Supplier))
            {
                continue; // an in-park supply is replaced only by another enterprise's residue, not by the same material
            }

            if (self)
            {
                // Recovery within one enterprise: needs a pathway (not the material itself) and its own capability where one is required.
                if (rule is not null && (rule.Requires is null || offer.Holds.Contains(rule.Requires, StringComparer.Ordinal)))
                {
                    return new Route(pathway, null, 0);
                }

                continue;
            }

            if (_options.NotAcrossTheFence.Contains(pathway.Way.Target))
            {
                continue;
            }

            var process = rule?.Process;
            if (process is null || _options.ConsumerSideProcesses.Contains(process) || need.Holds.Contains(process, StringComparer.Ordinal))
            {
                if (MayReceive(need.Holds, source, rule))
                {
                    return new Route(pathway, null, 0);
                }

                continue;
            }

            if (offer.Holds.Contains(process, StringComparer.Ordinal))
            {
                // The supplier runs the process and delivers its product: the consumer receives no waste, only what the pathway requires.
                if (rule!.Requires is not { } required || need.Holds.Contains(required, StringComparer.Ordinal))
                {
                    return new Route(pathway, null, 0);
                }

                continue;
            }

            if (_options.AtSourceProcesses.Contains(process))
            {
                continue;
            }

            if (Processor(offer, source, rule!, process, need.Consumer, (double)pathway.Limit) is { } hop)
            {
                return new Route(pathway, hop.Processor, hop.Km);
            }
        }

        return null;
    }

    // A receiver must hold a licence for a hazardous waste's code and whatever the pathway requires.
    private static bool MayReceive(IReadOnlyList<string> holds, Material source, SubstitutionRule? rule) =>
        (source.HazardousCode is not { } code || holds.Contains(code, StringComparer.Ordinal))
        && (rule?.Requires is not { } required || holds.Contains(required, StringComparer.Ordinal));

    /// <summary>The in-park enterprise nearest the supplier that runs the process and may receive the source.</summary>
    private (ExchangeProcessor Processor, double Km)? Processor(ExchangeOffer offer, Material source, SubstitutionRule rule, string process, string consumer, double limit)
    {
        (ExchangeProcessor Processor, double Km)? best = null;
        foreach (var p in _processors)
        {
            if (p.Enterprise == offer.Supplier || p.Enterprise == consumer || !p.Holds.Contains(process, StringComparer.Ordinal) || !MayReceive(p.Holds, source, rule))
            {
                continue;
            }

            var km = offer.Latitude is { } la && offer.Longitude is { } lo && p.Latitude is { } pla && p.Longitude is { } plo
                ? FlatKm(la, lo, (double)pla, (double)plo)
                : double.NaN;
            if (km > limit * 1.01)
            {
                continue;
            }

            if (best is null || km < best.Value.Km || double.IsNaN(best.Value.Km))
            {
                best = (p, km);
            }
        }

        return best;
    }

    private static double FlatKm(decimal? lat1, decimal? lon1, double lat2, double lon2) =>
        lat1 is { } a && lon1 is { } o ? FlatKm(a, o, lat2, lon2) : double.NaN;

    private static double FlatKm(decimal lat1, decimal lon1, double lat2, double lon2)
    {
        var la = (double)lat1;
        var dx = (lon2 - (double)lon1) * Math.Cos(la * Math.PI / 180.0);
        var dy = lat2 - la;
        return Math.Sqrt((dx * dx) + (dy * dy)) * Geo.KmPerDegree;
    }

    // Keeps the small candidate array sorted, best first (insertion step).
    private static void Sift(Candidate[] best, int i)
    {
        while (i > 0 && best[i].Score > best[i - 1].Score)
        {
            (best[i], best[i - 1]) = (best[i - 1], best[i]);
            i--;
        }
    }

    private decimal MaxDistance(Material source, Substitution way)
    {
        var category = _options.MaxDistanceKm.TryGetValue(source.Category, out var c) ? c : _options.DefaultMaxDistanceKm;
        return way.MaxDistanceKm is { } rule ? Math.Min(rule, category) : category;
    }

    private ExchangeOpportunity Value(ExchangeOffer offer, Candidate candidate, Material source, Func<string, string, bool>? reaches)
    {
        var need = candidate.Need;
        var pathway = candidate.Route.Pathway;
        var way = pathway.Way;
        var processor = candidate.Route.Processor;
        var target = _substitutions.Material(need.MaterialId);
        var self = need.Consumer == offer.Supplier;
        decimal? distance = self ? 0m
            : processor is null ? Geo.DistanceKm(offer.Latitude, offer.Longitude, need.Latitude, need.Longitude)
            : Geo.DistanceKm(offer.Latitude, offer.Longitude, processor.Latitude, processor.Longitude) + Geo.DistanceKm(processor.Latitude, processor.Longitude, need.Latitude, need.Longitude);
        var share = way.Rule?.MaxShare;
        // Truncated, never rounded up, so the quantity stays within the offer, the need and the blending cap.
        decimal? quantity = offer.Quantity is { } o && need.Quantity is { } n ? Math.Round(Math.Min(o, n * (share ?? 1m) / way.Ratio), 3, MidpointRounding.ToZero) : null;
        var co2ePerUnit = ExchangeEconomics.Co2ePerUnit(offer, way);
        decimal? transportPerUnit = distance is { } d ? _economics.FreightPerUnit(source, d) : null;
        var perUnit = transportPerUnit is { } t ? pathway.Value with { TransportCny = -t } : null;
        var components = quantity is { } qc && perUnit is not null ? perUnit.Times(qc) : null;
        var (leaving, leavesOn) = Leaving(offer, need, processor);
        return new ExchangeOpportunity(
            offer.Supplier,
            need.Consumer,
            offer.MaterialId,
            need.MaterialId,
            quantity is { } q ? Round(q) : null,
            source.Unit.Symbol,
            distance is { } dist ? Math.Round(dist, 2) : null,
            quantity is { } qq ? Round(qq * co2ePerUnit) : null,
            !offer.Sold && ExternalNode.IsDisposal(offer.Destination),
            components?.Net,
            reaches?.Invoke(need.Consumer, offer.Supplier) ?? false,
            offer.Id,
            need.Id,
            way.Rule?.Id,
            way.Ratio,
            quantity is { } q3 ? Round(q3 * way.Ratio) : null,
            target?.Unit.Symbol ?? source.Unit.Symbol,
            offer.Destination,
            transportPerUnit,
            perUnit?.Net,
            pathway.Limit,
            co2ePerUnit,
            KindOf(offer, need, source),
            way.Rule?.Process,
            processor?.Enterprise,
            components,
            share,
            leaving,
            leavesOn)
        {
            ValuePerUnit = perUnit,
        };
    }

    /// <summary>The kind of an exchange, from who trades what with whom.</summary>
    public static ExchangeKind KindOf(ExchangeOffer offer, ExchangeNeed need, Material source) =>
        need.Consumer == offer.Supplier ? ExchangeKind.SelfRecovery
        : need.InParkSupplier is not null ? ExchangeKind.SupplyReplacement
        : offer.Sold ? ExchangeKind.LocalSupply
        : source.Category is MaterialCategory.Steam ? ExchangeKind.UtilitySharing
        : source.IsHeat ? ExchangeKind.WasteHeat
        : source.Category is MaterialCategory.Water or MaterialCategory.Wastewater ? ExchangeKind.WaterCascade
        : source.Category is MaterialCategory.Energy ? ExchangeKind.UtilitySharing
        : ExchangeKind.ByproductExchange;

    // The first party (supplier, processor, consumer) that leaves the park, with its date; the earlier-listed on a tie.
    private static (string? Enterprise, DateOnly? On) Leaving(ExchangeOffer offer, ExchangeNeed need, ExchangeProcessor? processor)
    {
        string? first = null;
        DateOnly? firstEnd = null;
        void Consider(string id, DateOnly? end)
        {
            if (end is { } e && (firstEnd is not { } f || e < f))
            {
                (first, firstEnd) = (id, end);
            }
        }

        Consider(offer.Supplier, offer.EndDate);
        Consider(processor?.Enterprise ?? string.Empty, processor?.EndDate);
        Consider(need.Consumer, need.EndDate);
        return firstEnd is { } last ? (first, last == DateOnly.MaxValue ? null : last) : (null, null);
    }

    private static decimal Round(decimal value) => Math.Round(value, 3);

    /// <summary>One pathway with its value per unit before transport and its distance limit, in the forms scoring uses.</summary>
    private sealed class Pathway(Substitution way, ValueComponents value, decimal limit)
    {
        public Substitution Way { get; } = way;

        public ValueComponents Value { get; } = value;

        public decimal Limit { get; } = limit;

        public double LimitKm { get; } = (double)limit;

        public double NetBeforeTransport { get; } = (double)value.Net;

        public double Ratio { get; } = (double)way.Ratio;

        public double Share { get; } = (double)(way.Rule?.MaxShare ?? 1m);

        // Nothing about the consumer can rule it out: no process, requirement or licence to check.
        public bool IsPlain(Material source) => source.HazardousCode is null && Way.Rule is not { Process: not null } and not { Requires: not null };
    }

    private readonly record struct Route(Pathway Pathway, ExchangeProcessor? Processor, double FirstLegKm);

    private readonly record struct Candidate(ExchangeNeed Need, Route Route, double Score);

    /// <summary>The targets' slots and pathways an offer of one material and destination is scored against.</summary>
    private sealed record TargetPlan(NeedSlot[] Slots, Pathway[] Pathways, bool Plain, bool Fenced);

    /// <summary>A need in the forms scoring uses; parties are small integers, -1 for no in-park supplier.</summary>
    private readonly record struct NeedSlot(ExchangeNeed Need, int Consumer, int InParkSupplier, bool HoldsNothing, double Quantity, bool HasCoordinates, double Latitude, double Longitude)
    {
        // HoldsNothing: no capability or licence and not a processor, so nothing about this consumer changes a route.
        public static NeedSlot Of(ExchangeNeed n, int consumer, int inParkSupplier, HashSet<string> processors) => new(
            n,
            consumer,
            inParkSupplier,
            n.Holds.Count == 0 && !processors.Contains(n.Consumer),
            n.Quantity is { } q ? (double)q : double.NaN,
            n.Latitude is not null && n.Longitude is not null,
            (double)(n.Latitude ?? 0),
            (double)(n.Longitude ?? 0));
    }
}
