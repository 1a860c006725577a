using ParkCycle.Domain.Datasets;

namespace ParkCycle.Graph.Tests;

public class LinxiangAnalysisTests
{
    private static readonly Lazy<ParkAnalysis> Analysis = new(() => ParkAnalyzer.Analyze(DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow()));

    private static string Seed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkCycle.sln")))
            {
                return Path.Combine(dir.FullName, "seeds", "linxiang");
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

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

        Assert.Contains(a.Opportunities, o => o.Supplier == "ut-chp" && o.SourceMaterial == "fly-ash" && o.Consumer == "bm-brick");
        Assert.Contains(a.Opportunities, o => o.SourceMaterial == "spent-sulfuric-acid" && o.ReplacedMaterial == "sulfuric-acid");
        Assert.NotEmpty(a.Plan.Exchanges);
        Assert.Equal("optimal", a.Plan.Status);
        Assert.Contains(a.Gaps, g => g.Stage == "acid-regeneration" && g.Kind == "unabsorbed-output");
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
}
