using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>Small parks worked out by hand, one per kind of exchange and per rule of who may take what.</summary>
public class ExchangeKindTests
{
    private static IReadOnlyList<ExchangeOpportunity> Opportunities(ParkBuilder builder) => ParkAnalyzer.Analyze(builder.Build()).Opportunities;

    [Fact]
    public void HazardousWaste_GoesOnlyToAHolderOfALicenceForItsCode()
    {
        // Waste oil (HW08) could replace coal in a cement kiln. K1 is a kiln without a licence, K2 holds HW08, the
        // boiler B burns coal but is no kiln: only K2 may take it.
        var found = Opportunities(new ParkBuilder()
            .Enterprise("S", 29.50m, 113.47m)
            .Enterprise("K1", 29.51m, 113.47m, capabilities: ["cement-kiln"])
            .Enterprise("K2", 29.52m, 113.47m, capabilities: ["cement-kiln"], licences: ["HW08"])
            .Enterprise("B", 29.50m, 113.48m, licences: ["HW08"])
            .Flow("S", ExternalNode.Incineration, "waste-mineral-oil", 100)
            .Flow(ExternalNode.Import, "K1", "coal", 10_000)
            .Flow(ExternalNode.Import, "K2", "coal", 10_000)
            .Flow(ExternalNode.Import, "B", "coal", 10_000));

        var o = Assert.Single(found);
        Assert.Equal(("K2", "coal", "waste-oil-kiln-fuel", ExchangeKind.ByproductExchange), (o.Consumer, o.ReplacedMaterial, o.RuleId, o.Kind));
        // 100 t × 1.9 t coal × 800 CNY/t; hazardous incineration avoided at 3,000 CNY/t; 3.6 t CO2e/t × 90 CNY.
        Assert.Equal((152_000m, 300_000m, 0m, 32_400m), (o.ValueComponents!.AvoidedPurchaseCny, o.ValueComponents.AvoidedDisposalCny, o.ValueComponents.ProcessingCny, o.ValueComponents.CarbonCny));
    }

    [Fact]
    public void Process_IsDirectWhereTheConsumerRunsIt_ElseTwoHopsThroughAProcessor()
    {
        // Manure needs anaerobic digestion to replace natural gas. Farm F offers it; P (a plant buying gas) does not
        // digest, so the exchange runs F → digester D → P; plant Q digests itself and takes it directly.
        var found = Opportunities(new ParkBuilder()
            .Enterprise("F", 29.50m, 113.47m)
            .Enterprise("D", 29.50m, 113.48m, capabilities: ["anaerobic-digestion"])
            .Enterprise("P", 29.51m, 113.48m)
            .Enterprise("Q", 29.51m, 113.47m, capabilities: ["anaerobic-digestion"])
            .Flow("F", ExternalNode.Landfill, "livestock-manure", 1000)
            .Flow(ExternalNode.Import, "P", "natural-gas", 100)
            .Flow(ExternalNode.Import, "Q", "natural-gas", 100));

        var toP = Assert.Single(found, o => o.Consumer == "P");
        Assert.Equal(("D", "anaerobic-digestion"), (toP.Processor, toP.Process));
        // Two legs: F → D (0.97 km) and D → P (1.11 km).
        Assert.Equal(2.08m, toP.DistanceKm!.Value, 1);
        var toQ = Assert.Single(found, o => o.Consumer == "Q");
        Assert.Equal((null, "anaerobic-digestion"), (toQ.Processor, toQ.Process));
    }

    [Fact]
    public void Process_WithNoProcessorInThePark_IsNoExchange()
    {
        var found = Opportunities(new ParkBuilder()
            .Enterprise("F", 29.50m, 113.47m)
            .Enterprise("P", 29.51m, 113.48m)
            .Flow("F", ExternalNode.Landfill, "livestock-manure", 1000)
            .Flow(ExternalNode.Import, "P", "natural-gas", 100));

        Assert.Empty(found);
    }

    [Fact]
    public void Heat_NeverReplacesFuelOrElectricityOfAnotherEnterprise_ButPowersItsSource()
    {
        // Kiln exhaust (330 °C) vented by K; N imports gas and power; K imports power. Heat-to-power runs only at
        // the source (14 %: 0.0389 MWh/GJ), so the one exchange is K's own recovery; N's gas is no heat demand.
        var found = Opportunities(new ParkBuilder()
            .Enterprise("K", 29.50m, 113.47m)
            .Enterprise("N", 29.50m, 113.4705m)
            .Flow("K", ExternalNode.Atmosphere, "waste-heat-kiln-exhaust", 100_000)
            .Flow(ExternalNode.Import, "N", "natural-gas", 5_000)
            .Flow(ExternalNode.Import, "N", "electricity", 5_000)
            .Flow(ExternalNode.Import, "K", "electricity", 50_000));

        var o = Assert.Single(found);
        Assert.Equal(("K", "K", "electricity", "heat-to-power", ExchangeKind.SelfRecovery), (o.Supplier, o.Consumer, o.ReplacedMaterial, o.Process, o.Kind));
        Assert.Equal(3_890m, o.ReplacedQuantity);
    }

    [Fact]
    public void ProductSoldOutOfThePark_IsLocalSupplyToANeighbourThatImportsIt_WithoutACarbonCredit()
    {
        // A sells 1,000 t sulfuric acid out of the park; B, 1.1 km away, imports 400 t. B saves the 150 km haul
        // (0.5 CNY/t·km) and pays the local trip; no avoided production is credited.
        var found = Opportunities(new ParkBuilder()
            .Enterprise("A", 29.50m, 113.47m)
            .Enterprise("B", 29.51m, 113.47m)
            .Flow("A", ExternalNode.Market, "sulfuric-acid", 1000)
            .Flow(ExternalNode.Import, "B", "sulfuric-acid", 400));

        var o = Assert.Single(found);
        Assert.Equal((ExchangeKind.LocalSupply, 400m, 0m, false), (o.Kind, o.Quantity, o.Co2eAvoidedT, o.DisposalAvoided));
        Assert.Equal(30_000m, o.ValueComponents!.AvoidedPurchaseCny);
        Assert.Equal(0m, o.ValueComponents.CarbonCny);
        Assert.Equal(-222m, o.ValueComponents.TransportCny);
    }

    [Fact]
    public void WaterAndUtilities_AreCascadeAndSharing()
    {
        var found = Opportunities(new ParkBuilder()
            .Enterprise("W", 29.50m, 113.47m)
            .Enterprise("H", 29.50m, 113.4705m)
            .Enterprise("U", 29.501m, 113.47m)
            .Flow("W", ExternalNode.Discharge, "reclaimed-water", 10_000)
            .Flow("H", ExternalNode.Atmosphere, "fuel-gas", 500)
            .Flow(ExternalNode.Import, "U", "cooling-water", 5_000)
            .Flow(ExternalNode.Import, "U", "fuel-gas", 200))
            .ToDictionary(o => o.SourceMaterial);

        Assert.Equal(ExchangeKind.WaterCascade, found["reclaimed-water"].Kind);
        Assert.Equal(ExchangeKind.UtilitySharing, found["fuel-gas"].Kind);
    }

    [Fact]
    public void ExchangeWithARelocatingEnterprise_IsFlaggedWithItsEndDate()
    {
        var found = Opportunities(new ParkBuilder()
            .Enterprise("R", 29.50m, 113.47m, status: EnterpriseStatus.Relocating, endDate: new DateOnly(2025, 12, 31))
            .Enterprise("C", 29.51m, 113.47m, capabilities: ["brick-making"])
            .Flow("R", ExternalNode.Landfill, "fly-ash", 100)
            .Flow(ExternalNode.Import, "C", "clay", 300));

        var o = Assert.Single(found);
        Assert.Equal(("R", (DateOnly?)new DateOnly(2025, 12, 31)), (o.DependsOnLeaving, o.LeavesOn));
    }

    [Fact]
    public void EveryOpportunityAndPlanExchange_HasValueComponentsSummingToItsNetValue()
    {
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var analysis = ParkAnalyzer.Analyze(SyntheticPark.Generate(60, 300, seed, Domain.Datasets.CatalogReader.Default));
            Assert.All(analysis.Opportunities.Concat(analysis.Plan.Exchanges).Where(o => o.NetValueCny is not null), o => Assert.Equal(o.NetValueCny, o.ValueComponents!.Net));
        }
    }
}
