using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Excel;

namespace ParkCycle.Reconciliation.Tests;

/// <summary>The Linxiang seed's declared balances, reconciled; and the tables through an xlsx workbook.</summary>
public sealed class LinxiangReconciliationTests
{
    private static string Seed => RepositoryPaths.Seed("linxiang");

    [Fact]
    public void Linxiang_WastewaterPlantWaterBalance_EstimatesTheUnmeteredReclaimedWater()
    {
        var park = DatasetReader.Read(Seed, CatalogReader.Default).GetOrThrow();

        var report = ParkReconciliation.Compute(park);

        Assert.Contains(report.Balances, b => b.Id == "wwtp-water" && b.Scope == "water" && b.Unit == "m3");
        // In: 18 wastewater flows of 3,706,000 m³; out: reclaimed 900,000 and effluent 2,250,000 m³; f095 the rest.
        var f095 = Assert.Single(report.Estimated, e => e.Id == "f095");
        Assert.Equal(556000, f095.Estimate, 1e-6);
        Assert.All(report.Balances, b => Assert.True(b.ResidualReconciled is { } r && Math.Abs(r) < 1e-6, b.Id));
        Assert.All(report.Flows, f => Assert.True(f.SigmaReconciled <= f.SigmaReported * (1 + 1e-12), f.Id));
        // No uncertainty is stated in the seed: each comes from the provenance its source names (f237: "plan …", 10 %).
        Assert.All(report.Flows, f => Assert.Contains(f.UncertaintyFrom, new[] { "estimate", "plan" }));
        Assert.Equal(10m, report.Flows.Single(f => f.Id == "f237").UncertaintyPercent);
    }

    [Fact]
    public void Linxiang_ThroughAnXlsxWorkbook_KeepsBalancesAndUncertainties()
    {
        var park = DatasetReader.Read(Seed, CatalogReader.Default).GetOrThrow();
        var withStated = ParkReconciliation.Apply(park, ParkReconciliation.Compute(park));
        var flows = withStated.Flows.Select((f, i) => i == 0 ? f with { UncertaintyPercent = 7.5m } : f).ToList();
        var changed = new Domain.Model.ParkDataset(park.Manifest, park.Zones, park.Enterprises, park.Materials, flows, park.Substitutions, park.Projects, park.Progress, park.Catalog)
        {
            Balances = park.Balances,
        };

        var again = DatasetReader.ReadFiles(ExcelDataset.ToFiles(new MemoryStream(ExcelDataset.Write(changed))), CatalogReader.Default).GetOrThrow();

        Assert.Equal(park.Balances, again.Balances);
        Assert.Equal(7.5m, again.Flows[0].UncertaintyPercent);
        Assert.Null(again.Flows[1].UncertaintyPercent);
    }
}
