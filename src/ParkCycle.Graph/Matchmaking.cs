using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// Prices and limits used to value exchanges. Every default is an estimate for a Chinese park in the
/// mid-2020s, documented in docs/analysis.md; a park overrides them with its own figures.
/// </summary>
public sealed record MatchOptions
{
    /// <summary>ΔTmin: a heat source must be this much hotter than the use it serves, in °C. The default value is 10.</summary>
    public decimal HeatApproachC { get; init; } = 10m;

    /// <summary>Road freight for bulk solids and liquids, CNY per t·km. The default value is 0.5.</summary>
    public decimal TransportCnyPerTonneKm { get; init; } = 0.5m;

    /// <summary>Pipeline cost for water, CNY per m³·km. The default value is 0.02.</summary>
    public decimal TransportCnyPerCubicMetreKm { get; init; } = 0.02m;

    /// <summary>Heat or gas pipeline cost, CNY per GJ·km. The default value is 0.8.</summary>
    public decimal TransportCnyPerGigajouleKm { get; init; } = 0.8m;

    /// <summary>Carbon price that puts CO2e and money on one scale, CNY per t CO2e. The default value is 90 (China ETS, 2024 average).</summary>
    public decimal CarbonPriceCnyPerTonne { get; init; } = 90m;

    /// <summary>Gate fees avoided when a disposal stops, CNY per t (or per unit) by sink.</summary>
    public IReadOnlyDictionary<string, decimal> DisposalCnyPerUnit { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [ExternalNode.Landfill] = 80m,
        [ExternalNode.Incineration] = 2500m,
        [ExternalNode.Storage] = 15m,
        [ExternalNode.Discharge] = 0m,
        [ExternalNode.Atmosphere] = 0m,
        [ExternalNode.Market] = 0m,
    };

    /// <summary>How far each category travels at most, km (steam and heat far less than bulk solids).</summary>
    public IReadOnlyDictionary<MaterialCategory, decimal> MaxDistanceKm { get; init; } = new Dictionary<MaterialCategory, decimal>
    {
        [MaterialCategory.WasteHeat] = 3m,
        [MaterialCategory.Steam] = 5m,
        [MaterialCategory.Energy] = 5m,
        [MaterialCategory.Water] = 10m,
        [MaterialCategory.Wastewater] = 10m,
        [MaterialCategory.Emission] = 20m,
        [MaterialCategory.HazardousWaste] = 200m,
    };

    /// <summary>Limit for categories not in <see cref="MaxDistanceKm"/>, km. The default value is 150.</summary>
    public decimal DefaultMaxDistanceKm { get; init; } = 150m;

    /// <summary>Most opportunities kept per offer (the most valuable). The default value is 10.</summary>
    public int MaxOpportunitiesPerOffer { get; init; } = 10;

    /// <summary>
    /// Most candidates per offer the optimiser weighs (the most valuable positive ones) once a park has more
    /// than <see cref="PlanExactUpTo"/> positive opportunities. The default value is 3.
    /// </summary>
    public int PlanCandidatesPerOffer { get; init; } = 3;

    /// <summary>
    /// Up to this many positive opportunities the optimiser weighs all of them (an exact optimum over the
    /// opportunities); beyond it, each offer's best <see cref="PlanCandidatesPerOffer"/>. The default value is 20,000.
    /// </summary>
    public int PlanExactUpTo { get; init; } = 20_000;
}

/// <summary>An output on offer: a flow to disposal or out of the park, or a byproduct report.</summary>
/// <param name="Quantity">Annual quantity in the material's own unit; null when unknown.</param>
/// <param name="Destination">Where it goes today (an external node), e.g. <c>ext:landfill</c>.</param>
public sealed record ExchangeOffer(string Id, string Supplier, string MaterialId, decimal? Quantity, string Destination, decimal? Latitude, decimal? Longitude);

/// <summary>An input bought from outside the park, or a need report.</summary>
/// <param name="Quantity">Annual quantity in the material's own unit; null when unknown.</param>
public sealed record ExchangeNeed(string Id, string Consumer, string MaterialId, decimal? Quantity, decimal? Latitude, decimal? Longitude);

/// <summary>
/// An exchange that could replace an import with an output that is now disposed of or sold away.
/// <see cref="Quantity"/> is in the source material's unit: the smaller of what is offered and what it can
/// replace. Null figures are unknown (unknown quantity or coordinates), never zero.
/// </summary>
public sealed record ExchangeOpportunity(
    string Supplier,
    string Consumer,
    string SourceMaterial,
    string ReplacedMaterial,
    decimal? Quantity,
    string Unit,
    decimal? DistanceKm,
    decimal? Co2eAvoidedT,
    bool DisposalAvoided,
    decimal? NetValueCny,
    bool ClosesLoop,
    string OfferId,
    string NeedId,
    string? RuleId,
    decimal Ratio,
    decimal? ReplacedQuantity,
    string ReplacedUnit,
    string CurrentDestination,
    decimal? TransportCnyPerUnit,
    decimal? ValueCnyPerUnit,
    decimal? MaxDistanceKm,
    decimal Co2ePerUnit);

/// <summary>
/// Matches offers to needs: the same material, or one a substitution rule lets it replace; heat only where
/// hot enough; within the distance limit of the rule and the category. Works on plain offers and needs so
/// the live park (byproduct reports) and the dataset analysis share it.
/// </summary>
public sealed class Matchmaker(SubstitutionIndex substitutions, MatchOptions options)
{
    /// <summary>Finds the opportunities. <paramref name="reaches"/> (consumer, supplier) says whether an exchange would close a loop.</summary>
    public IReadOnlyList<ExchangeOpportunity> Compute(IEnumerable<ExchangeOffer> offers, IEnumerable<ExchangeNeed> needs, Func<string, string, bool>? reaches = null)
    {
        // Needs are grouped by material into flat arrays so scoring a candidate is a few floating-point
        // operations; only each offer's best candidates are then valued exactly in decimals.
        var needsByMaterial = needs.GroupBy(n => n.MaterialId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(NeedSlot.Of).ToArray(), StringComparer.Ordinal);
        var result = new List<ExchangeOpportunity>();
        var best = new Candidate[Math.Max(1, options.MaxOpportunitiesPerOffer)];
        foreach (var offer in offers)
        {
            var source = substitutions.Material(offer.MaterialId);
            if (source is null)
            {
                continue;
            }

            var count = 0;
            var targets = substitutions.RulesFrom(offer.MaterialId).Select(r => r.TargetMaterialId).Where(t => t != offer.MaterialId)
                .Distinct(StringComparer.Ordinal).Prepend(offer.MaterialId);
            foreach (var target in targets)
            {
                if (!needsByMaterial.TryGetValue(target, out var slots))
                {
                    continue;
                }

                // Where several rules link the same pair of materials, the one avoiding the most CO2e per unit stands.
                var way = substitutions.Ways(offer.MaterialId, target, options.HeatApproachC)
                    .OrderByDescending(w => w.Rule?.Co2eAvoidedPerUnit ?? 0)
                    .ThenBy(w => w.Rule?.Id, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (way is not null)
                {
                    count = Score(offer, source, way, slots, best, count);
                }
            }

            foreach (var candidate in best.Take(count))
            {
                var limit = MaxDistance(source, candidate.Way);
                var distance = Geo.DistanceKm(offer.Latitude, offer.Longitude, candidate.Need.Latitude, candidate.Need.Longitude);
                result.Add(Value(offer, candidate.Need, source, substitutions.Material(candidate.Need.MaterialId), candidate.Way, distance, limit, reaches));
            }
        }

        return result;
    }

    private int Score(ExchangeOffer offer, Material source, Substitution way, NeedSlot[] slots, Candidate[] best, int count)
    {
        var limit = (double)MaxDistance(source, way);
        var ratio = (double)way.Ratio;
        var co2eValue = (double)((way.Rule?.Co2eAvoidedPerUnit ?? 0) * options.CarbonPriceCnyPerTonne);
        var gate = (double)options.DisposalCnyPerUnit.GetValueOrDefault(offer.Destination);
        var rate = (double)(TransportRate(source.Unit.Dimension) * source.Unit.ToBase);
        var offered = offer.Quantity is { } q ? (double)q : double.NaN;
        var hasCoords = offer.Latitude is not null && offer.Longitude is not null;
        var lat = hasCoords ? (double)offer.Latitude!.Value : 0;
        var lon = hasCoords ? (double)offer.Longitude!.Value : 0;
        var cosLat = Math.Cos(lat * Math.PI / 180.0);
        foreach (ref readonly var slot in slots.AsSpan())
        {
            if (slot.Need.Consumer == offer.Supplier)
            {
                continue; // an exchange is between two enterprises
            }

            var score = double.NegativeInfinity; // unknown distance or quantity ranks after every known value
            if (hasCoords && slot.HasCoordinates)
            {
                var dx = (slot.Longitude - lon) * cosLat;
                var dy = slot.Latitude - lat;
                var km = Math.Sqrt((dx * dx) + (dy * dy)) * Geo.KmPerDegree;

                // The flat-earth screen is within 1% over 200 km; pairs near the limit are decided by the great
                // circle, so a pair just past it never takes the place of a valid one in the top list.
                if (km > limit * 1.01 || (km > limit * 0.99 && Geo.HaversineKm(lat, lon, slot.Latitude, slot.Longitude) > limit))
                {
                    continue;
                }

                var quantity = Math.Min(offered, slot.Quantity / ratio);
                if (!double.IsNaN(quantity))
                {
                    score = quantity * (co2eValue + gate - (km * rate));
                }
            }

            if (count < best.Length)
            {
                best[count++] = new Candidate(slot.Need, way, score);
                Sift(best, count - 1);
            }
            else if (score > best[count - 1].Score)
            {
                best[count - 1] = new Candidate(slot.Need, way, score);
                Sift(best, count - 1);
            }
        }

        return count;
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

    private readonly record struct Candidate(ExchangeNeed Need, Substitution Way, double Score);

    private readonly record struct NeedSlot(ExchangeNeed Need, double Quantity, bool HasCoordinates, double Latitude, double Longitude)
    {
        public static NeedSlot Of(ExchangeNeed n) => new(
            n,
            n.Quantity is { } q ? (double)q : double.NaN,
            n.Latitude is not null && n.Longitude is not null,
            (double)(n.Latitude ?? 0),
            (double)(n.Longitude ?? 0));
    }

    private decimal MaxDistance(Material source, Substitution way)
    {
        var category = options.MaxDistanceKm.TryGetValue(source.Category, out var c) ? c : options.DefaultMaxDistanceKm;
        return way.MaxDistanceKm is { } rule ? Math.Min(rule, category) : category;
    }

    private ExchangeOpportunity Value(ExchangeOffer offer, ExchangeNeed need, Material source, Material? target, Substitution way, decimal? distance, decimal limit, Func<string, string, bool>? reaches)
    {
        decimal? quantity = offer.Quantity is { } o && need.Quantity is { } n ? Math.Min(o, n / way.Ratio) : null;
        var co2ePerUnit = way.Rule?.Co2eAvoidedPerUnit ?? 0m;
        var disposal = ExternalNode.IsDisposal(offer.Destination);
        var gate = options.DisposalCnyPerUnit.GetValueOrDefault(offer.Destination);
        decimal? transportPerUnit = distance is { } d ? d * TransportRate(source.Unit.Dimension) * source.Unit.ToBase : null;
        decimal? valuePerUnit = transportPerUnit is { } t ? (co2ePerUnit * options.CarbonPriceCnyPerTonne) + gate - t : null;
        return new ExchangeOpportunity(
            offer.Supplier,
            need.Consumer,
            offer.MaterialId,
            need.MaterialId,
            quantity is { } q ? Round(q) : null,
            source.Unit.Symbol,
            distance is { } dist ? Math.Round(dist, 2) : null,
            quantity is { } qq ? Round(qq * co2ePerUnit) : null,
            disposal,
            quantity is { } q2 && valuePerUnit is { } v ? Math.Round(q2 * v, 0) : null,
            reaches?.Invoke(need.Consumer, offer.Supplier) ?? false,
            offer.Id,
            need.Id,
            way.Rule?.Id,
            way.Ratio,
            quantity is { } q3 ? Round(q3 * way.Ratio) : null,
            target?.Unit.Symbol ?? source.Unit.Symbol,
            offer.Destination,
            transportPerUnit,
            valuePerUnit,
            limit,
            co2ePerUnit);
    }

    private decimal TransportRate(Dimension dimension) => dimension switch
    {
        Dimension.Mass => options.TransportCnyPerTonneKm,
        Dimension.Volume => options.TransportCnyPerCubicMetreKm,
        _ => options.TransportCnyPerGigajouleKm,
    };

    private static decimal Round(decimal value) => Math.Round(value, 3);
}

/// <summary>Great-circle distances.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;
    /// <summary>Kilometres per degree of latitude (mean Earth radius).</summary>
    public const double KmPerDegree = EarthRadiusKm * Math.PI / 180.0;

    /// <summary>Haversine distance in km; null when either end has no coordinates.</summary>
    public static decimal? DistanceKm(decimal? lat1, decimal? lon1, decimal? lat2, decimal? lon2)
    {
        if (lat1 is not { } a1 || lon1 is not { } o1 || lat2 is not { } a2 || lon2 is not { } o2)
        {
            return null;
        }

        return (decimal)HaversineKm((double)a1, (double)o1, (double)a2, (double)o2);
    }

    /// <summary>Haversine distance in km between two points given in degrees.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double Rad = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * Rad;
        var dLon = (lon2 - lon1) * Rad;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
