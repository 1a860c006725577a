using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// A four-enterprise park worked out by hand. A (CHP) sends fly ash to B (cement), B cement to C (bricks),
/// C construction waste back to A: one loop A→B→C→A. A also landfills 100 t fly ash and vents 500 GJ of
/// 80 °C heat; C (a brick works) imports 300 t clay; D (greenhouse, 50 m from A) buys 100 GJ of greenhouse heat
/// and B (1.1 km) imports natural gas, which waste heat may not replace.
/// </summary>
public class HandCheckedParkTests
{
    private static ParkDataset Park() => new ParkBuilder()
        .Enterprise("A", 29.5000m, 113.4700m)
        .Enterprise("B", 29.5100m, 113.4700m)
        .Enterprise("C", 29.5000m, 113.4800m, capabilities: ["brick-making"])
        .Enterprise("D", 29.5000m, 113.4705m, energyTce: null)
        .Flow(ExternalNode.Import, "A", "coal", 1000)
        .Flow("A", "B", "fly-ash", 200)
        .Flow("B", "C", "cement", 50)
        .Flow("C", "A", "construction-waste", 10)
        .Flow("A", ExternalNode.Landfill, "fly-ash", 100)
        .Flow(ExternalNode.Import, "C", "clay", 300)
        .Flow("A", ExternalNode.Atmosphere, "waste-heat-low", 500)
        .Flow(ExternalNode.Import, "D", "greenhouse-heat", 100)
        .Flow(ExternalNode.Import, "B", "natural-gas", 50)
        .Build();

    [Fact]
    public void Loops_AreExactlyTheOneWrittenOutByHand()
    {
        var analysis = ParkAnalyzer.Analyze(Park());

        var loop = Assert.Single(analysis.Loops.Loops);
        Assert.Equal(["A", "B", "C"], loop.Enterprises);
        Assert.Equal(
            [("A", "B", "fly-ash", 200m), ("B", "C", "cement", 50m), ("C", "A", "construction-waste", 10m)],
            loop.Hops.Select(h => (h.From, h.To, h.Material, h.Quantity!.Value)).ToArray());
        Assert.False(analysis.Loops.Capped);
    }

    [Fact]
    public void Opportunities_AreExactlyTheThreeWrittenOutByHand()
    {
        var analysis = ParkAnalyzer.Analyze(Park());

        var found = analysis.Opportunities
            .Select(o => (o.Supplier, o.Consumer, o.SourceMaterial, o.ReplacedMaterial, o.Quantity, o.Co2eAvoidedT, o.ClosesLoop, o.DisposalAvoided, o.RuleId, o.Kind))
            .OrderBy(o => o.Consumer).ThenBy(o => o.ReplacedMaterial)
            .ToArray();
        Assert.Equal(
            [
                // Fly ash may replace at most 30 % of the cement B supplies C (15 t at 0.9 t cement per t): 16.666 t (truncated), 0.72 t CO2e/t.
                ("A", "C", "fly-ash", "cement", (decimal?)16.666m, (decimal?)12m, true, true, (string?)"fly-ash-concrete-cement", ExchangeKind.SupplyReplacement),
                // All 100 t of landfilled fly ash can replace C's clay (C makes bricks; the cap of 70 % of 300 t is not reached).
                ("A", "C", "fly-ash", "clay", 100m, 5m, true, true, "fly-ash-bricks", ExchangeKind.ByproductExchange),
                // D needs 100 GJ of greenhouse heat = 111.111 GJ of 80 °C heat (ratio 0.9); B's gas is not a heat demand.
                ("A", "D", "waste-heat-low", "greenhouse-heat", 111.111m, 7m, false, true, "whl-greenhouse", ExchangeKind.WasteHeat),
            ],
            found);
        var toC = analysis.Opportunities.Single(o => o.ReplacedMaterial == "clay");
        Assert.Equal(0.97m, toC.DistanceKm!.Value, 2);
        // 40 CNY/t clay + 80 CNY/t landfill fee + 0.05 t CO2e × 90 CNY − 0.5 CNY/t·km × 0.97 km, on 100 t.
        Assert.Equal(new ValueComponents(4000m, 8000m, -48m, 0m, 450m), toC.ValueComponents);
        Assert.Equal(12402m, toC.NetValueCny);
    }

    [Fact]
    public void Plan_SharesTheFlyAshByValueAndTakesTheHeat()
    {
        var plan = ParkAnalyzer.Analyze(Park()).Plan;

        // Per t of fly ash: cement 0.9 × 350 + 80 + 64.8 − 0.49 ≈ 459 CNY beats clay 40 + 80 + 4.5 − 0.49 ≈ 124 CNY,
        // so the capped 16.666 t go to cement and the other 83.334 t to clay.
        Assert.Equal("optimal", plan.Status);
        Assert.Equal(
            [("C", "cement", 16.666m), ("C", "clay", 83.334m), ("D", "greenhouse-heat", 111.111m)],
            plan.Exchanges.Select(e => (e.Consumer, e.ReplacedMaterial, e.Quantity!.Value)).OrderBy(e => e.Consumer).ThenBy(e => e.ReplacedMaterial).ToArray());
        Assert.All(plan.Exchanges, e => Assert.Equal(e.NetValueCny, e.ValueComponents!.Net));
    }

    [Fact]
    public void Kpis_ShowTheirInputsAndSayWhatIsMissing()
    {
        var kpis = ParkAnalyzer.Analyze(Park()).Kpis.ToDictionary(k => k.Id);

        // Solid wastes: 200 t fly ash to B and 10 t construction waste to A used, 100 t fly ash landfilled.
        var sw = kpis["solid-waste-utilisation"];
        Assert.Equal(67.7419m, sw.Value);
        Assert.Equal(KpiStatus.NotMet, sw.Status);
        Assert.Equal(310m, sw.Inputs["solid_waste_generated_t"]);
        var energy = kpis["energy-intensity"];
        Assert.Null(energy.Value);
        Assert.Equal(KpiStatus.NotComputable, energy.Status);
        Assert.Equal("missing value_added_10k_cny of 4 operating enterprise(s): A, B, C, D", energy.Reason);
        Assert.Equal(KpiStatus.NotComputable, kpis["hazardous-waste-licensed"].Status);
        Assert.Equal("no hazardous_waste_generated_t in the dataset (zero)", kpis["hazardous-waste-licensed"].Reason);
    }

    [Fact]
    public void Gaps_RankTheStageThatWouldAbsorbTheFlyAshFirst()
    {
        var knowledge = new AnalysisKnowledge(
            [
                new ChainStage(Chain.AgriProducts, "pellets", 1, "生物质燃料", "biomass pellets", null, ["straw"], ["biomass-fuel"], null),
                new ChainStage(Chain.BuildingMaterials, "ash-blocks", 2, "粉煤灰砌块", "fly-ash blocks", null, ["fly-ash"], ["aerated-blocks"], null),
            ],
            AnalysisKnowledge.Default.Indicators);

        var gaps = ParkAnalyzer.Analyze(Park(), new AnalysisOptions { Knowledge = knowledge }).Gaps;

        Assert.Equal(["ash-blocks", "pellets"], gaps.Select(g => g.Stage).ToArray());
        var first = gaps[0];
        Assert.Equal(ChainGapKind.UnabsorbedOutput, first.Kind);
        var intake = Assert.Single(first.Absorbs);
        Assert.Equal(("fly-ash", (decimal?)100m, "t"), (intake.Material, intake.Quantity, intake.Unit));
        Assert.Equal(["A"], intake.Suppliers);
        // No rule turns fly ash into AAC blocks, so the credit is fly ash's best use (clinker, 0.86 t CO2e/t).
        Assert.Equal(86m, first.Co2eAvoidedT);
        Assert.Equal(ChainGapKind.MissingStage, gaps[1].Kind);
    }

    [Fact]
    public void Balance_FlagsUnknownFlowsAndLargeImbalances()
    {
        var park = new ParkBuilder()
            .Enterprise("A", null, null)
            .Enterprise("B", null, null)
            .Flow(ExternalNode.Import, "A", "coal", 100)
            .Flow("A", "B", "fly-ash", 20)
            .Flow("B", ExternalNode.Market, "cement", null)
            .Build();

        var lines = ParkAnalyzer.Analyze(park).Balance.Enterprises.ToDictionary(l => l.Enterprise);

        Assert.Equal(0.8m, lines["A"].MassImbalance);
        // A burns coal, so only missing outputs are judged: 100 t in, 20 t out, no water to evaporate.
        Assert.Contains(lines["A"].Flags, f => f.StartsWith("mass: inputs 100 t exceed outputs 20 t by 80 t (80 %)", StringComparison.Ordinal));
        Assert.Equal(1, lines["B"].UnknownFlows);
        Assert.Contains("1 flow(s) of unknown quantity: the balance is a lower bound", lines["B"].Flags);
    }

    [Fact]
    public void Balance_FlagsEnergyOnlyWhereEnergyIsDelivered()
    {
        var park = new ParkBuilder()
            .Enterprise("User", null, null)
            .Enterprise("Kiln", null, null)
            .Flow(ExternalNode.Import, "User", "electricity", 500)
            .Flow(ExternalNode.Import, "Kiln", "electricity", 100)
            .Flow("Kiln", "User", "waste-heat-kiln-exhaust", 1440)
            .Build();

        var lines = ParkAnalyzer.Analyze(park).Balance.Enterprises.ToDictionary(l => l.Enterprise);

        Assert.DoesNotContain(lines["User"].Flags, f => f.StartsWith("energy", StringComparison.Ordinal));
        // 100 MWh = 360 GJ in, 1 440 GJ out: out exceeds in by 1 080 GJ, 75 % of the output.
        Assert.Contains(lines["Kiln"].Flags, f => f.StartsWith("energy: out 1,440 GJ exceeds in 360 GJ by 1,080 GJ (75 %)", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCoordinates_GiveDistanceUnknownNotZero()
    {
        var park = new ParkBuilder()
            .Enterprise("A", null, null)
            .Enterprise("C", 29.5m, 113.48m, capabilities: ["brick-making"])
            .Flow("A", ExternalNode.Landfill, "fly-ash", 100)
            .Flow(ExternalNode.Import, "C", "clay", 300)
            .Build();

        var analysis = ParkAnalyzer.Analyze(park);

        var o = Assert.Single(analysis.Opportunities);
        Assert.Null(o.DistanceKm);
        Assert.Null(o.NetValueCny);
        Assert.Empty(analysis.Plan.Exchanges);
        Assert.Equal(1, analysis.Plan.Excluded);
    }

    [Fact]
    public void Heat_IsMatchedOnlyWhereHotEnough()
    {
        // Cooling-water heat (45 °C) cannot serve greenhouse heat (40 °C + ΔTmin 10 °C); low-grade heat (80 °C) can.
        var park = new ParkBuilder()
            .Enterprise("A", 29.5m, 113.47m)
            .Enterprise("G", 29.5m, 113.4705m)
            .Flow("A", ExternalNode.Atmosphere, "waste-heat-cooling-water", 100)
            .Flow(ExternalNode.Import, "G", "greenhouse-heat", 50)
            .Build();

        Assert.Empty(ParkAnalyzer.Analyze(park).Opportunities);
    }

    [Fact]
    public void Scenario_RemovingAnEnterpriseReportsLostLoopsAndOrphanedFlows()
    {
        var park = Park();
        var before = ParkAnalyzer.Analyze(park);

        var (_, report) = Scenario.Compare(park, before, ["B"], null);

        Assert.Equal((1, 0), (report.LoopsBefore, report.LoopsAfter));
        Assert.Equal(
            [("f2", "output loses its consumer"), ("f3", "input loses its supplier")],
            report.OrphanedFlows.Select(f => (f.FlowId, f.Kind)).ToArray());
    }
}
