using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Reconciliation.Tests;

/// <summary>
/// Balances over flows reported in different dimensions: each counts in the scope's base unit through its
/// material's properties (catalogue: process water and industrial wastewater 1.0 t/m³, raw coal 20.908 GJ/t per
/// GB/T 2589-2020, electricity 3.6 GJ/MWh). Figures worked by hand.
/// </summary>
public class CrossDimensionTests
{
    private static Flow F(string id, string from, string to, string material, decimal quantity, Unit unit) =>
        new(id, from, to, material, new Quantity(quantity, unit), unit, FlowStatus.Existing, "test");

    private static ParkDataset Park(decimal wastewaterM3, params DeclaredBalance[] balances) => new(
        new DatasetManifest("cross", "cross-dimension test park", 2024, null, null),
        [new Zone("z", "区", "zone")],
        [new Enterprise("P", "P", "P", "z", [Chain.Other], null, null, null, EnterpriseStatus.Operating, null, null, null, "test")],
        [],
        [
            F("coal", ExternalNode.Import, "P", "coal", 100m, Unit.Tonne),
            F("water", ExternalNode.Import, "P", "process-water", 50m, Unit.CubicMetre),
            F("ash", "P", ExternalNode.Landfill, "fly-ash", 20m, Unit.Tonne),
            F("effluent", "P", ExternalNode.Discharge, "industrial-wastewater", wastewaterM3, Unit.CubicMetre),
            F("power", "P", ExternalNode.Market, "electricity", 0.5m, Unit.Parse("MWh")),
        ],
        [],
        [],
        [],
        CatalogReader.Default)
    {
        Balances = balances,
    };

    [Fact]
    public void MassBalance_CountsVolumesByDensity_AndLeavesEnergyOut()
    {
        var mass = new DeclaredBalance("p-mass", "P", new BalanceScope(BalanceScopeKind.Mass));

        // In: 100 t coal + 50 m³ × 1.0 t/m³ water = 150 t. Out: 20 t ash + 140 m³ × 1.0 t/m³ effluent = 160 t; the
        // electricity has no mass and is not in the balance.
        var report = ParkReconciliation.Compute(Park(140m, mass));

        var balance = Assert.Single(report.Balances);
        Assert.Equal("t", balance.Unit);
        Assert.Equal(4, balance.Flows);
        Assert.Equal(-10.0, balance.ResidualReported!.Value, 9);
        Assert.Equal(0.0, balance.ResidualReconciled!.Value, 6);
        Assert.DoesNotContain(report.Flows, f => f.Id == "power");
        // Its terms name the member flows with their signed coefficients; summed over the reported values they give the residual.
        Assert.Equal(["coal:1", "water:1", "ash:-1", "effluent:-1"], balance.Terms.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.Flow}:{x.Coefficient}")));
        var reported = report.Flows.ToDictionary(f => f.Id, f => f.Reported);
        Assert.Equal(balance.ResidualReported!.Value, balance.Terms.Sum(x => x.Coefficient * reported[x.Flow]), 9);
    }

    [Fact]
    public void EnergyBalance_CountsCoalByCalorificValue_AndPowerAt3Point6GjPerMWh()
    {
        var energy = new DeclaredBalance("p-energy", "P", new BalanceScope(BalanceScopeKind.Energy));

        // In: 100 t × 20.908 GJ/t = 2,090.8 GJ. Out: 0.5 MWh × 3.6 = 1.8 GJ (ash, water and effluent carry no
        // calorific value): residual 2,089 GJ, a loss no declared flow carries.
        var report = ParkReconciliation.Compute(Park(150m, energy));

        var balance = Assert.Single(report.Balances);
        Assert.Equal("GJ", balance.Unit);
        Assert.Equal(2, balance.Flows);
        Assert.Equal(2089.0, balance.ResidualReported!.Value, 6);
        Assert.Equal(["coal:20.908", "power:-3.6"], balance.Terms.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.Flow}:{x.Coefficient}")));
    }

    [Theory]
    [InlineData(BalanceScopeKind.Mass, "effluent", 1.0)]
    [InlineData(BalanceScopeKind.Water, "effluent", 1.0)]
    [InlineData(BalanceScopeKind.Energy, "coal", 20.908)]
    [InlineData(BalanceScopeKind.Energy, "power", 3.6)]
    public void Coefficient_IsTheMaterialsConversionToTheScopesBaseUnit(BalanceScopeKind kind, string flow, double expected)
    {
        var park = Park(150m);
        var f = park.Flows.Single(x => x.Id == flow);

        Assert.Equal((decimal)expected, new BalanceScope(kind).Coefficient(f, park.FindMaterial(f.MaterialId)));
    }

    [Theory]
    [InlineData(BalanceScopeKind.Mass, "power")]
    [InlineData(BalanceScopeKind.Energy, "ash")]
    [InlineData(BalanceScopeKind.Water, "coal")]
    public void Coefficient_IsNullOutsideTheScope(BalanceScopeKind kind, string flow)
    {
        var park = Park(150m);
        var f = park.Flows.Single(x => x.Id == flow);

        Assert.Null(new BalanceScope(kind).Coefficient(f, park.FindMaterial(f.MaterialId)));
    }
}
