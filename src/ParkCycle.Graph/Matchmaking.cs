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

    /// <summary>Most opportunities kept per offer (the most valuable). The default value is 25.</summary>
    public int MaxOpportunitiesPerOffer { get; init; } = 25;
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
        var needsByMaterial = needs.GroupBy(n => n.MaterialId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<ExchangeOpportunity>();
        var candidates = new List<ExchangeOpportunity>();
        foreach (var offer in offers)
        {
            var source = substitutions.Material(offer.MaterialId);
            if (source is null)
            {
                continue;
            }

            candidates.Clear();
            Consider(offer, source, offer.MaterialId, needsByMaterial, candidates, reaches);
            foreach (var target in substitutions.RulesFrom(offer.MaterialId).Select(r => r.TargetMaterialId).Where(t => t != offer.MaterialId).Distinct(StringComparer.Ordinal))
            {
                Consider(offer, source, target, needsByMaterial, candidates, reaches);
            }

            result.AddRange(candidates
                .OrderByDescending(c => c.NetValueCny ?? decimal.MinValue)
                .ThenBy(c => c.Consumer, StringComparer.Ordinal)
                .Take(options.MaxOpportunitiesPerOffer));
        }

        return result;
    }

    private void Consider(ExchangeOffer offer, Material source, string target, Dictionary<string, List<ExchangeNeed>> needsByMaterial, List<ExchangeOpportunity> into, Func<string, string, bool>? reaches)
    {
        if (!needsByMaterial.TryGetValue(target, out var needs))
        {
            return;
        }

        var targetMaterial = substitutions.Material(target);
        // Where several rules link the same pair of materials, the one avoiding the most CO2e per unit stands.
        var way = substitutions.Ways(offer.MaterialId, target, options.HeatApproachC)
            .OrderByDescending(w => w.Rule?.Co2eAvoidedPerUnit ?? 0)
            .ThenBy(w => w.Rule?.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (way is null)
        {
            return;
        }

        foreach (var need in needs)
        {
            if (need.Consumer == offer.Supplier)
            {
                continue; // an exchange is between two enterprises
            }

            var distance = Geo.DistanceKm(offer.Latitude, offer.Longitude, need.Latitude, need.Longitude);
            var limit = MaxDistance(source, way);
            if (distance is { } d && d > limit)
            {
                continue;
            }

            into.Add(Value(offer, need, source, targetMaterial, way, distance, limit, reaches));
        }
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

    /// <summary>Haversine distance in km; null when either end has no coordinates.</summary>
    public static decimal? DistanceKm(decimal? lat1, decimal? lon1, decimal? lat2, decimal? lon2)
    {
        if (lat1 is not { } a1 || lon1 is not { } o1 || lat2 is not { } a2 || lon2 is not { } o2)
        {
            return null;
        }

        static double Rad(decimal deg) => (double)deg * Math.PI / 180.0;
        var dLat = Rad(a2 - a1);
        var dLon = Rad(o2 - o1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(a1)) * Math.Cos(Rad(a2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return (decimal)(2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h))));
    }
}
