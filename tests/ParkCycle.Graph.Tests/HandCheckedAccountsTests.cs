using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// A three-enterprise park whose energy and carbon accounts are worked out by hand below (GB/T 2589-2020
/// coefficients, IPCC 2006 factors, the national 2022 grid factor 0.5703 t/MWh, heat 0.11 t/GJ):
/// <code>
/// chp: coal 1 000 t in (× 0.7143 = 714.3 tce; × 1.9779 = 1 977.9 t CO2)
///      steam 500 t to A at 2.8 GJ/t = 1 400 GJ = 1 400 / 29.3076 tce
///      electricity 800 MWh sold (× 0.1229 = 98.32 tce; equivalent × 0.3007 = 240.56 tce)
///      consumption = 714.3 − 1 400/29.3076 − 98.32; equivalent = 714.3 − 1 400/29.3076 − 240.56
/// A:   steam 500 t from chp; electricity 200 MWh from the grid + 50 MWh from pv (× 0.1229 = 30.725 tce);
///      natural gas 1 000 GJ (1 000/29.3076 tce; × 0.0561 = 56.1 t CO2); naphtha 100 t as feedstock (excluded);
///      limestone 10 t calcined (× 0.4397 = 4.397 t CO2)
///      scope 2 = 250 × 0.5703 + 1 400 × 0.11 = 142.575 + 154 = 296.575 t
/// pv:  50 MWh to A: consumes nothing, produces 50 × 0.1229 = 6.145 tce used in the park
/// park: scope 1 = 1 977.9 + 56.1 + 4.397 = 2 038.397 t; scope 2 from the boundary: 200 MWh in, 800 out → 0
/// </code>
/// </summary>
public class HandCheckedAccountsTests
{
    private static ParkDataset Park()
    {
        var folder = Directory.CreateTempSubdirectory("parkcycle-accounts-").FullName;
        File.WriteAllText(Path.Combine(folder, "dataset.json"), """{"id":"accounts","name":"Hand-checked accounts park","reference_year":2023}""");
        File.WriteAllText(Path.Combine(folder, "zones.csv"), "id,name\nz,区\n");
        File.WriteAllText(Path.Combine(folder, "enterprises.csv"),
            "id,name,zone,chains,status,output_value_10k_cny,energy_tce,value_added_10k_cny\n" +
            "chp,热电,z,other,operating,5000,600,1500\n" +
            "a,化工A,z,fine-chemicals,operating,20000,100,4000\n" +
            "pv,光伏,z,other,operating,300,,200\n");
        File.WriteAllText(Path.Combine(folder, "materials.csv"),
            "id,name,category,unit,temperature_c,lhv_gj_per_unit,feedstock,enthalpy_gj_per_t,source\n" +
            "st,蒸汽,steam,t,180,,,2.8,hand-checked: given enthalpy\n" +
            "naphtha,石脑油,raw-material,t,,44,true,,hand-checked: feedstock\n");
        File.WriteAllText(Path.Combine(folder, "flows.csv"),
            "id,from,to,material,quantity,unit,status,source\n" +
            "1,ext:import,chp,coal,1000,t,existing,x\n" +
            "2,chp,a,st,500,t,existing,x\n" +
            "3,chp,ext:market,electricity,800,MWh,existing,x\n" +
            "4,ext:import,a,electricity,200000,度,existing,x\n" +
            "5,pv,a,electricity,50,MWh,existing,x\n" +
            "6,ext:import,a,natural-gas,1000,GJ,existing,x\n" +
            "7,ext:import,a,naphtha,100,t,existing,x\n" +
            "8,ext:import,a,limestone,10,t,existing,x\n" +
            "9,chp,ext:atmosphere,waste-heat-flue,900,GJ,existing,x\n");
        return DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();
    }

    private static decimal R(decimal v) => Math.Round(v, 3);

    [Fact]
    public void Energy_ByCarrierAndTotals_MatchTheHandCalculation()
    {
        var energy = ParkAnalyzer.Analyze(Park()).Energy!;
        var steamTce = 1400m / 29.3076m;

        var chp = energy.Enterprises.Single(e => e.Enterprise == "chp");
        Assert.Equal(R(714.3m - steamTce - 98.32m), chp.ConsumptionTce);
        Assert.Equal(R(714.3m - steamTce - 240.56m), chp.ConsumptionEquivalentTce);
        Assert.Equal(600m, chp.DeclaredTce);
        Assert.Equal(R(714.3m - steamTce - 98.32m - 600m), chp.DifferenceTce);
        Assert.Equal(
            [("coal", 1000m, "t", 714.3m), ("electricity", -800m, "MWh", -98.32m), ("st", -500m, "t", R(-steamTce))],
            chp.ByCarrier.Select(c => (c.Material, c.Quantity, c.Unit, c.Tce)).ToArray());

        var a = energy.Enterprises.Single(e => e.Enterprise == "a");
        Assert.Equal(R(steamTce + 30.725m + (1000m / 29.3076m)), a.ConsumptionTce);
        Assert.DoesNotContain(a.ByCarrier, c => c.Material is "naphtha" or "limestone");

        var pv = energy.Enterprises.Single(e => e.Enterprise == "pv");
        Assert.Equal(0m, pv.ConsumptionTce);
        Assert.Null(pv.DifferenceTce);

        // Park: the CHP's steam is counted once (it cancels), PV power used in the park is production.
        Assert.Equal(R(714.3m + (1000m / 29.3076m) - (600m * 0.1229m) + 6.145m), energy.Park.ConsumptionTce);
        Assert.Equal(6.145m, energy.Park.InParkProductionTce);
        Assert.Null(energy.Park.DeclaredTce);
        Assert.DoesNotContain(energy.Park.ByCarrier, c => c.Material == "st");
    }

    [Fact]
    public void Carbon_Scope1AndScope2_MatchTheHandCalculation()
    {
        var carbon = ParkAnalyzer.Analyze(Park()).Carbon!;

        Assert.Equal((1977.9m, 0m), Scopes("chp"));
        Assert.Equal((60.497m, 296.575m), Scopes("a"));
        Assert.Equal((0m, 0m), Scopes("pv"));
        Assert.Equal(2038.397m, carbon.Park.Scope1T);
        Assert.Equal(0m, carbon.Park.Scope2T);
        Assert.Contains(carbon.Factors, f => f is { Material: "electricity", TCo2PerUnit: 0.5703m, Unit: "MWh" });
        Assert.Contains(carbon.Factors, f => f is { Material: "st", TCo2PerUnit: 0.308m, Unit: "t" });
        Assert.All(carbon.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));

        (decimal, decimal) Scopes(string id) => carbon.Enterprises.Single(e => e.Enterprise == id) is var e ? (e.Scope1T, e.Scope2T) : default;
    }

    [Fact]
    public void Carbon_GridFactorIsConfigurable_AndTheExchangesReadTheSameFactor()
    {
        var park = Park();
        var options = new AnalysisOptions { Accounting = new AccountingOptions { Grid = GridFactor.CentralChina2021 } };

        var carbon = ParkAnalyzer.Analyze(park, options).Carbon!;

        Assert.Equal(R((250m * 0.5395m) + 154m), carbon.Enterprises.Single(e => e.Enterprise == "a").Scope2T);
        Assert.Equal(0.5395m, new EmissionFactors(park, options.Accounting).TCo2PerUnit("electricity"));
        Assert.Equal(1.9779m, new EmissionFactors(park).TCo2PerUnit("coal"));
    }

    [Fact]
    public void Balance_MassInTonnesAndEnergyInGigajoules_MatchTheHandCalculation()
    {
        var lines = ParkAnalyzer.Analyze(Park()).Balance.Enterprises.ToDictionary(l => l.Enterprise);

        // chp: mass 1 000 t coal in, 500 t steam out (the electricity and vented heat have no mass);
        // energy 1 000 t × 20.908 = 20 908 GJ in; 1 400 (steam) + 2 880 (800 MWh) + 900 (vented) = 5 180 GJ out.
        var chp = lines["chp"];
        Assert.Equal((1000m, 500m, 20908m, 5180m), (chp.MassInT, chp.MassOutT, chp.EnergyInGj, chp.EnergyOutGj));
        Assert.Equal(
            ["mass: inputs 1,000 t exceed outputs 500 t by 500 t (50 %), 500 t more than the 0 t of water that could leave as vapour: an output is missing"],
            chp.Flags);

        // a: 500 t steam + 100 t naphtha + 10 t limestone in, nothing out declared; energy in: steam 1 400 GJ,
        // 250 MWh = 900 GJ, natural gas 1 000 GJ (the naphtha is feedstock, not energy).
        var a = lines["a"];
        Assert.Equal((610m, 0m, 3300m, 0m), (a.MassInT, a.MassOutT, a.EnergyInGj, a.EnergyOutGj));

        // pv delivers 180 GJ with no energy in: flagged, since the park did not declare it exempt.
        Assert.Contains("energy: out 180 GJ exceeds in 0 GJ by 180 GJ (100 %): an energy input is missing", lines["pv"].Flags);
    }
}
