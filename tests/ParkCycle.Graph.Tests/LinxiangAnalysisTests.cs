using ParkCycle.Domain.Datasets;

namespace ParkCycle.Graph.Tests;

public class LinxiangAnalysisTests
{
    private static readonly Lazy<ParkAnalysis> Analysis = new(() => ParkAnalyzer.Analyze(DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow()));

    private static string Seed() => RepositoryPaths.Seed("linxiang");

    [Fact]
    public void Seed_HasTheClosedLoopsItWasBuiltWith()
    {
        var loops = Analysis.Value.Loops.Loops.Select(l => string.Join('>', l.Enterprises)).ToList();

        Assert.Contains("ut-chp>ut-wwtp", loops);
        Assert.Contains("ut-chp>gc-caprolactam", loops);
        Assert.Contains(loops, l => l.Contains("ag-feed", StringComparison.Ordinal) && l.Contains("ag-biogas", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_HasOpportunitiesAPlanGapsAndKpis()
    {
        var a = Analysis.Value;

        // The CHP's fly ash goes first where it is worth most: replacing cement at the concrete plant (a supply Conch makes today).
        Assert.Contains(a.Opportunities, o => o.Supplier == "ut-chp" && o.SourceMaterial == "fly-ash" && o.Consumer == "bm-concrete" && o.ReplacedMaterial == "cement");
        Assert.Contains(a.Opportunities, o => o.SourceMaterial == "spent-sulfuric-acid" && o.ReplacedMaterial == "sulfuric-acid");
        Assert.NotEmpty(a.Plan.Exchanges);
        Assert.Equal("optimal", a.Plan.Status);
        // The spent acids feed one gap only (regeneration or coagulants), never both.
        var acid = Assert.Single(a.Gaps, g => g.Absorbs.Any(i => i.Material == "spent-sulfuric-acid"));
        Assert.Contains(acid.Stage, new[] { "acid-regeneration", "spent-acid-coagulant", "process:acid-regeneration" });
        Assert.Equal(ChainGapKind.UnabsorbedOutput, acid.Kind);
        Assert.All(a.Gaps.SelectMany(g => g.Absorbs.Select(i => (g.Stage, i.Material, Suppliers: string.Join(',', i.Suppliers))))
            .GroupBy(x => (x.Material, x.Suppliers)), group => Assert.Single(group));
        Assert.NotNull(a.Kpis.Single(k => k.Id == "solid-waste-utilisation").Value);
    }

    [Fact]
    public void Scenario_RiversidePlantsExit_OrphansNothingButChangesKpis()
    {
        var park = DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow();
        var riverside = park.Enterprises.Where(e => e.ZoneId == "binjiang" && e.Status is Domain.Model.EnterpriseStatus.Relocating or Domain.Model.EnterpriseStatus.Closed).Select(e => e.Id).ToList();

        var (_, report) = Scenario.Compare(park, Analysis.Value, riverside, null);

        Assert.Equal(5, riverside.Count);
        Assert.Empty(report.OrphanedFlows);
        Assert.Contains(report.Kpis, k => k.Id == "energy-intensity" && k.Before != k.After);
    }

    [Fact]
    public void Seed_ProposesNoHazardousWasteToAnUnlicensedConsumer()
    {
        var park = DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow();
        var a = Analysis.Value;

        var hazardous = a.Opportunities.Where(o => park.Material(o.SourceMaterial).HazardousCode is not null && o.Supplier != o.Consumer).ToList();
        Assert.NotEmpty(hazardous);
        Assert.All(hazardous, o => Assert.Contains(park.Material(o.SourceMaterial).HazardousCode!, park.FindEnterprise(o.Processor ?? o.Consumer)!.Licences));
        Assert.Contains(hazardous, o => o.Consumer == "bm-haichuang");
    }

    [Fact]
    public void Seed_HasNoHeatReplacingFuelOrElectricityWithoutAProcess()
    {
        var park = DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow();

        var heat = Analysis.Value.Opportunities.Where(o => park.Material(o.SourceMaterial).IsHeat).ToList();
        Assert.All(heat, o => Assert.True(Matchmaker.IsHeatDemand(park.Material(o.ReplacedMaterial)) || o.Process is not null, $"{o.SourceMaterial} replaces {o.ReplacedMaterial}"));
        Assert.All(heat.Where(o => o.Process == "heat-to-power"), o => Assert.Equal(o.Supplier, o.Consumer));
        Assert.Contains(heat, o => o.Supplier == "bm-conch" && o.Kind == ExchangeKind.SelfRecovery);
    }

    [Fact]
    public void Seed_EveryOpportunityHasAKindAndValueComponentsSummingToItsNetValue()
    {
        var a = Analysis.Value;

        Assert.All(a.Opportunities.Concat(a.Plan.Exchanges).Where(o => o.NetValueCny is not null), o => Assert.Equal(o.NetValueCny, o.ValueComponents!.Net));
        Assert.Contains(a.Opportunities, o => o.Kind == ExchangeKind.LocalSupply);
        Assert.Contains(a.Opportunities, o => o.Kind == ExchangeKind.SelfRecovery);
        // Outputs already sold earn no avoided production.
        Assert.All(a.Opportunities.Where(o => o.CurrentDestination == "ext:market"), o => Assert.Equal(0m, o.Co2eAvoidedT ?? 0m));
    }
}
