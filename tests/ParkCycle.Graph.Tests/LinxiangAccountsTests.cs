using ParkCycle.Domain.Datasets;

namespace ParkCycle.Graph.Tests;

/// <summary>The Linxiang seed's energy and carbon accounts, its plan targets and its balance flags.</summary>
public class LinxiangAccountsTests
{
    private static readonly Lazy<ParkAnalysis> Analysis = new(() =>
        ParkAnalyzer.Analyze(DatasetReader.Read(Seed(), CatalogReader.Default).GetOrThrow()));

    private static string Seed() => RepositoryPaths.Seed("linxiang");

    [Theory]
    [InlineData("non-fossil-share")]
    [InlineData("natural-gas-share")]
    [InlineData("energy-intensity")]
    [InlineData("co2-intensity")]
    [InlineData("energy-productivity")]
    public void PlanIndicators_AreComputedFromTheFlows(string id)
    {
        var kpi = Analysis.Value.Kpis.Single(k => k.Id == id);

        Assert.NotNull(kpi.Value);
        Assert.NotEqual(KpiStatus.NotComputable, kpi.Status);
        Assert.All(kpi.Inputs, i => Assert.NotNull(i.Value));
    }

    [Fact]
    public void NaturalGasShare_IsTheGasTceOverTheParkConsumption()
    {
        var energy = Analysis.Value.Energy!;
        var gas = energy.Park.ByCarrier.Single(c => c.Material == "natural-gas").Tce;

        var share = Analysis.Value.Kpis.Single(k => k.Id == "natural-gas-share").Value!.Value;

        Assert.Equal(Math.Round(gas / energy.Park.ConsumptionTce * 100, 4), share);
    }

    [Fact]
    public void BalanceFlags_NameOnlyRealInconsistencies()
    {
        // After the seed's corrections, what is left is the flows the park reports without a quantity.
        var flagged = Analysis.Value.Balance.Enterprises.Where(l => l.Flags.Count > 0).ToList();

        Assert.NotEmpty(flagged);
        Assert.All(flagged, l => Assert.All(l.Flags, f => Assert.StartsWith("1 flow(s) of unknown quantity", f, StringComparison.Ordinal)));
        Assert.All(flagged, l => Assert.True(l.UnknownFlows > 0));
    }

    [Fact]
    public void Carbon_ParkScope1IsTheSumOfTheEnterprises()
    {
        var carbon = Analysis.Value.Carbon!;

        Assert.Equal(carbon.Enterprises.Sum(e => e.Scope1T), carbon.Park.Scope1T);
        Assert.True(carbon.Park.Scope1T > 0);
        Assert.Contains(carbon.Factors, f => f.Material == "coal" && f.Source.Contains("IPCC 2006", StringComparison.Ordinal));
    }
}
