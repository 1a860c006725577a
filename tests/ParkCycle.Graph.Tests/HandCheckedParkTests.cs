using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// A four-enterprise park worked out by hand. A (CHP) sends fly ash to B (cement), B cement to C (bricks),
/// C construction waste back to A: one loop A→B→C→A. A also landfills 100 t fly ash and vents 500 GJ of
/// 80 °C heat; C imports 300 t clay; D (greenhouse, 50 m from A) and B (1.1 km) import natural gas.
/// </summary>
public class HandCheckedParkTests
{
    private static ParkDataset Park() => new ParkBuilder()
        .Enterprise("A", 29.5000m, 113.4700m)
        .Enterprise("B", 29.5100m, 113.4700m)
        .Enterprise("C", 29.5000m, 113.4800m)
        .Enterprise("D", 29.5000m, 113.4705m, energyTce: null)
        .Flow(ExternalNode.Import, "A", "coal", 1000)
        .Flow("A", "B", "fly-ash", 200)
        .Flow("B", "C", "cement", 50)
        .Flow("C", "A", "construction-waste", 10)
        .Flow("A", ExternalNode.Landfill, "fly-ash", 100)
        .Flow(ExternalNode.Import, "C", "clay", 300)
        .Flow("A", ExternalNode.Atmosphere, "waste-heat-low", 500)
        .Flow(ExternalNode.Import, "D", "natural-gas", 100)
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
            .Select(o => (o.Supplier, o.Consumer, o.SourceMaterial, o.ReplacedMaterial, o.Quantity, o.Co2eAvoidedT, o.ClosesLoop, o.DisposalAvoided, o.RuleId))
            .OrderBy(o => o.Consumer).ThenBy(o => o.SourceMaterial)
            .ToArray();
        Assert.Equal(
            [
                // 52.632 GJ of heat replaces B's 50 GJ gas (ratio 0.95); B reaches A through C, so it closes a loop.
                ("A", "B", "waste-heat-low", "natural-gas", (decimal?)52.632m, (decimal?)2.789m, true, true, (string?)"whl-natural-gas"),
                // All 100 t of landfilled fly ash can replace C's clay (brick rule, the higher CO2e of two rules).
                ("A", "C", "fly-ash", "clay", 100m, 5m, true, true, "fly-ash-bricks"),
                // D needs 100 GJ gas = 105.263 GJ of heat.
                ("A", "D", "waste-heat-low", "natural-gas", 105.263m, 5.579m, false, true, "whl-natural-gas"),
            ],
            found);
        var toC = analysis.Opportunities.Single(o => o.Consumer == "C");
        Assert.Equal(0.97m, toC.DistanceKm!.Value, 2);
    }

    [Fact]
    public void Plan_TakesAllThreeExchangesInFull()
    {
        var plan = ParkAnalyzer.Analyze(Park()).Plan;

        Assert.Equal("optimal", plan.Status);
        Assert.Equal(
            [("B", 52.631m), ("C", 100m), ("D", 105.263m)], // truncated so 52.631 × 0.95 stays within B's 50 GJ
            plan.Exchanges.Select(e => (e.Consumer, e.Quantity!.Value)).OrderBy(e => e.Consumer).ToArray());
        Assert.Equal(13.368m, plan.TotalCo2eAvoidedT);
    }

    [Fact]
    public void Kpis_ShowTheirInputsAndSayWhatIsMissing()
    {
        var kpis = ParkAnalyzer.Analyze(Park()).Kpis.ToDictionary(k => k.Id);

        // Solid wastes: 200 t fly ash to B and 10 t construction waste to A used, 100 t fly ash landfilled.
        var sw = kpis["solid-waste-utilisation"];
        Assert.Equal(67.7419m, sw.Value);
        Assert.Equal("not met", sw.Status);
        Assert.Equal(310m, sw.Inputs["solid_waste_generated_t"]);
        var energy = kpis["energy-intensity"];
        Assert.Null(energy.Value);
        Assert.Equal("not computable: missing energy_tce of 1 operating enterprise(s): D", energy.Status);
        Assert.Equal("not computable: no hazardous_waste_generated_t in the dataset (zero)", kpis["hazardous-waste-licensed"].Status);
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
        Assert.Equal("unabsorbed-output", first.Kind);
        var intake = Assert.Single(first.Absorbs);
        Assert.Equal(("fly-ash", (decimal?)100m, "t"), (intake.Material, intake.Quantity, intake.Unit));
        Assert.Equal(["A"], intake.Suppliers);
        // No rule turns fly ash into AAC blocks, so the credit is fly ash's best use (clinker, 0.86 t CO2e/t).
        Assert.Equal(86m, first.Co2eAvoidedT);
        Assert.Equal("missing-stage", gaps[1].Kind);
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
        Assert.Contains(lines["A"].Flags, f => f.StartsWith("mass imbalance 80", StringComparison.Ordinal));
        Assert.Equal(1, lines["B"].UnknownFlows);
        Assert.Contains("1 flow(s) of unknown quantity", lines["B"].Flags);
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
        Assert.Contains(lines["Kiln"].Flags, f => f.StartsWith("energy imbalance 75", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCoordinates_GiveDistanceUnknownNotZero()
    {
        var park = new ParkBuilder()
            .Enterprise("A", null, null)
            .Enterprise("C", 29.5m, 113.48m)
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
