using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// Leave-one-out on Kalundborg's documented exchanges (Jacobsen 2006, J. Ind. Ecol. 10(1-2):239-255): each exchange
/// in turn is removed (the supplier disposes of or sells its output, the consumer imports what it replaced) and the
/// matchmaker must find it again from the catalogue's pathways. Coordinates approximate the real sites (~3 km apart).
/// </summary>
public class LeaveOneOutTests
{
    private sealed record Documented(string Supplier, string Consumer, string Source, string Replaced, decimal Quantity, string Today);

    private static readonly Documented[] Kalundborg =
    [
        new("asnaes", "gyproc", "fgd-gypsum", "natural-gypsum", 170_000, ExternalNode.Landfill),
        new("asnaes", "statoil", "steam-mp", "steam-mp", 140_000, ExternalNode.Atmosphere),
        new("asnaes", "novo", "steam-mp", "steam-mp", 215_000, ExternalNode.Atmosphere),
        new("asnaes", "town", "waste-heat-low", "space-heat", 1_000_000, ExternalNode.Atmosphere),
        new("asnaes", "fishfarm", "waste-heat-cooling-water", "aquaculture-heat", 50_000, ExternalNode.Atmosphere),
        new("statoil", "gyproc", "refinery-gas", "natural-gas", 300_000, ExternalNode.Atmosphere),
        new("statoil", "kemira", "recovered-sulfur", "sulfur", 20_000, ExternalNode.Market),
        new("statoil", "asnaes", "treated-effluent", "cooling-water", 700_000, ExternalNode.Discharge),
        new("novo", "pigfarm", "yeast-slurry", "animal-feed", 250_000, ExternalNode.Storage),
        new("novo", "farms", "fermentation-biomass", "organic-fertilizer", 150_000, ExternalNode.Landfill),
    ];

    public static TheoryData<int> Exchanges => [.. Enumerable.Range(0, Kalundborg.Length)];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void DocumentedExchange_IsRediscoveredWhenRemoved(int left)
    {
        var builder = new ParkBuilder()
            .Enterprise("asnaes", 55.6650m, 11.0850m, capabilities: ["solid-fuel-boiler"])
            .Enterprise("statoil", 55.6720m, 11.0950m)
            .Enterprise("gyproc", 55.6700m, 11.0800m, capabilities: ["gypsum-board-line"])
            .Enterprise("novo", 55.6780m, 11.1000m)
            .Enterprise("kemira", 55.6690m, 11.0900m)
            .Enterprise("town", 55.6800m, 11.0900m)
            .Enterprise("fishfarm", 55.6640m, 11.0870m)
            .Enterprise("pigfarm", 55.6900m, 11.1200m)
            .Enterprise("farms", 55.7000m, 11.1300m);
        for (var i = 0; i < Kalundborg.Length; i++)
        {
            var e = Kalundborg[i];
            if (i == left)
            {
                var replaced = e.Source == e.Replaced ? e.Quantity : e.Quantity / 2;
                builder.Flow(e.Supplier, e.Today, e.Source, e.Quantity).Flow(ExternalNode.Import, e.Consumer, e.Replaced, replaced);
            }
            else if (e.Source == e.Replaced)
            {
                builder.Flow(e.Supplier, e.Consumer, e.Source, e.Quantity);
            }
        }

        var park = builder.Build();
        var found = ParkAnalyzer.Analyze(park).Opportunities;

        var target = Kalundborg[left];
        var o = Assert.Single(found, o => o.Supplier == target.Supplier && o.Consumer == target.Consumer && o.SourceMaterial == target.Source && o.ReplacedMaterial == target.Replaced);
        Assert.Equal(target.Today == ExternalNode.Market ? ExchangeKind.LocalSupply : KindOf(park.Material(target.Source)), o.Kind);
        Assert.Equal(o.NetValueCny, o.ValueComponents!.Net);
    }

    private static ExchangeKind KindOf(Material source) => source.Category switch
    {
        MaterialCategory.Steam => ExchangeKind.UtilitySharing,
        MaterialCategory.WasteHeat => ExchangeKind.WasteHeat,
        MaterialCategory.Water or MaterialCategory.Wastewater => ExchangeKind.WaterCascade,
        MaterialCategory.Energy => ExchangeKind.UtilitySharing,
        _ => ExchangeKind.ByproductExchange,
    };
}
