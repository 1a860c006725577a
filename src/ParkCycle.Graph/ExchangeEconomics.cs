using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Graph;

/// <summary>
/// The one definition of what an exchange is worth, per unit of source: avoided purchase (the replaced
/// material's price) + avoided disposal (the gate fee of the sink it no longer goes to) − transport − processing
/// + carbon (CO2e at the carbon price). An output already sold earns no avoided production or disposal: a local
/// sale saves the consumer the long haul and the price difference of what it replaces. The matchmaker values
/// opportunities with it and the plan maximises the same figure.
/// </summary>
public sealed class ExchangeEconomics
{
    private readonly MatchOptions _options;
    private readonly Func<string, decimal?> _price;
    private readonly Dictionary<(string Class, string Sink), decimal> _fees;

    /// <summary>Economics from a price lookup (CNY per unit of the material's unit) and gate fees by class and sink.</summary>
    public ExchangeEconomics(MatchOptions options, Func<string, decimal?> price, IEnumerable<GateFee> gateFees)
    {
        _options = options;
        _price = price;
        _fees = [];
        foreach (var fee in gateFees)
        {
            _fees[(fee.MaterialClass, fee.Sink)] = fee.CnyPerUnit;
        }
    }

    /// <summary>A dataset's economics: its own prices over the catalogue's, the catalogue's gate fees.</summary>
    public static ExchangeEconomics For(ParkDataset dataset, MatchOptions options) =>
        new(options, id => dataset.PriceOf(id)?.CnyPerUnit, dataset.Catalog.GateFees);

    /// <summary>The catalogue's economics (prices and gate fees), for positions outside a dataset.</summary>
    public static ExchangeEconomics For(MaterialCatalog catalog, MatchOptions options) =>
        new(options, id => catalog.Prices.LastOrDefault(p => p.MaterialId == id)?.CnyPerUnit, catalog.GateFees);

    /// <summary>The options whose prices (carbon, transport) it uses.</summary>
    public MatchOptions Options => _options;

    /// <summary>The gate fee of <paramref name="sink"/> for <paramref name="material"/>: its own, else its category's, else the option's by sink.</summary>
    public decimal GateFee(Material material, string sink) =>
        _fees.TryGetValue((material.Id, sink), out var own) ? own
        : _fees.TryGetValue((Codes<MaterialCategory>.Of(material.Category), sink), out var byClass) ? byClass
        : _options.DisposalCnyPerUnit.GetValueOrDefault(sink);

    /// <summary>CO2e credited per unit of source: none for an output already sold (its use is not avoided production).</summary>
    public static decimal Co2ePerUnit(ExchangeOffer offer, Substitution way) => offer.Sold ? 0m : way.Rule?.Co2eAvoidedPerUnit ?? 0m;

    /// <summary>The value of one unit of source, by component, before transport (transport is zero in the result).</summary>
    public ValueComponents BeforeTransport(ExchangeOffer offer, Material source, Substitution way)
    {
        var targetPrice = _price(way.Target);
        decimal purchase;
        if (offer.Sold)
        {
            // The consumer stops importing the target (the long haul is saved) and pays for the source instead,
            // whose seller forgoes its sale out of the park: the price difference, plus the freight.
            var sourcePrice = _price(way.Source);
            purchase = (targetPrice is { } t && sourcePrice is { } s ? (way.Ratio * t) - s : 0m) + FreightPerUnit(source, _options.ImportHaulKm);
        }
        else
        {
            purchase = targetPrice is { } t ? way.Ratio * t : 0m;
        }

        var disposal = !offer.Sold && ExternalNode.IsDisposal(offer.Destination) ? GateFee(source, offer.Destination) : 0m;
        var processing = -(way.Rule?.ProcessingCostCnyPerUnit ?? 0m);
        var carbon = Co2ePerUnit(offer, way) * _options.CarbonPriceCnyPerTonne;
        return new ValueComponents(purchase, disposal, 0m, processing, carbon);
    }

    /// <summary>Freight per unit of <paramref name="source"/> over <paramref name="km"/> (road, pipe or heat main by the unit's dimension).</summary>
    public decimal FreightPerUnit(Material source, decimal km) => km * TransportRate(source.Unit.Dimension) * source.Unit.ToBase;

    /// <summary>The transport rate per base unit·km for a dimension.</summary>
    public decimal TransportRate(Dimension dimension) => dimension switch
    {
        Dimension.Mass => _options.TransportCnyPerTonneKm,
        Dimension.Volume => _options.TransportCnyPerCubicMetreKm,
        _ => _options.TransportCnyPerGigajouleKm,
    };
}
