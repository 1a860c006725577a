using ParkCycle.Domain.Datasets;

namespace ParkCycle.Graph.Tests;

/// <summary>Each KPI says what its target means (an absolute value or a reduction from a base year) and shows its inputs.</summary>
public class KpiTargetBasisTests
{
    private static readonly Lazy<IReadOnlyList<KpiValue>> Kpis = new(() =>
        ParkAnalyzer.Analyze(DatasetReader.Read(RepositoryPaths.Seed("linxiang"), CatalogReader.Default).GetOrThrow()).Kpis);

    private static KpiValue Kpi(string id) => Kpis.Value.Single(k => k.Id == id);

    [Fact]
    public void EnergyIntensity_HasTheAbsoluteTargetOfHj274()
    {
        var kpi = Kpi("energy-intensity");

        Assert.Equal((KpiTargetBasis.Absolute, 0.5m, (int?)null), (kpi.TargetBasis, kpi.Target!.Value, kpi.BaseYear));
    }

    [Fact]
    public void EnergyIntensityReduction_IsAReductionFrom2020_AndSaysItNeedsTheBaseYear()
    {
        var kpi = Kpi("energy-intensity-reduction");

        Assert.Equal((KpiTargetBasis.ReductionFromBaseYear, 2020, 13.5m, 13.5m), (kpi.TargetBasis, kpi.BaseYear!.Value, kpi.ReductionPct!.Value, kpi.Target!.Value));
        Assert.Equal(KpiStatus.NotComputable, kpi.Status);
        Assert.StartsWith("missing energy_intensity_base_year: the base year's energy per 10k CNY value added", kpi.Reason, StringComparison.Ordinal);
        // What the data does give is shown: this year's energy and value added.
        Assert.Equal(390575m, kpi.Inputs["value_added_10k_cny"]);
        Assert.NotNull(kpi.Inputs["energy_consumption_tce"]);
    }

    [Fact]
    public void Co2Intensity_IsAReductionTargetWithoutAnAbsoluteValue()
    {
        var kpi = Kpi("co2-intensity");

        Assert.Equal((KpiTargetBasis.ReductionFromBaseYear, 2020, (decimal?)null, KpiStatus.NoTarget), (kpi.TargetBasis, kpi.BaseYear!.Value, kpi.Target, kpi.Status));
    }

    [Fact]
    public void EveryKpi_ShowsEveryMeasureOfItsFormula_AndATargetBasisMatchingItsTarget()
    {
        Assert.All(Kpis.Value, kpi =>
        {
            Assert.All(FormulaParser.Parse(kpi.Formula).Names, name => Assert.True(kpi.Inputs.ContainsKey(name), $"{kpi.Id} lacks input {name}"));
            Assert.True(kpi.Target is null ? kpi.TargetBasis != KpiTargetBasis.Absolute : kpi.TargetBasis != KpiTargetBasis.None, kpi.Id);
        });
    }
}
