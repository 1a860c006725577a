using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// The share of cement and ceramics capacity at the energy-efficiency benchmark (发改产业〔2023〕723号: clinker 100 / 117
/// kgce/t; tiles E ≤ 0.5 % 4 / 7 kgce/m²; cement as 0.75 t clinker; 50 m² per t of tiles), worked out by hand:
/// <code>
/// kiln  (3011) clinker 100 000 t; coal 12 000 t × 0.7143 + electricity 20 000 MWh × 0.1229 = 8 571.6 + 2 458 = 11 029.6 tce
///       = 110.296 kgce/t: above the benchmark, within the baseline; weight 100 000 × 100 / 1 000 = 10 000 tce
/// ck    (3011) cement 200 000 t (= 150 000 t clinker) + clinker 10 000 t = 160 000 t clinker;
///       coal 20 000 t × 0.7143 + 10 000 MWh × 0.1229 = 14 286 + 1 229 = 15 515 tce = 96.97 kgce/t: at the benchmark;
///       weight 160 000 × 100 / 1 000 = 16 000 tce
/// tiles (3071) ceramic tiles 50 000 t = 2 500 000 m²; natural gas 200 000 GJ / 29.3076 + 5 000 MWh × 0.1229
///       = 6 824.168 + 614.5 = 7 438.668 tce = 2.98 kgce/m²: at the benchmark; weight 2 500 000 × 4 / 1 000 = 10 000 tce
/// share = (16 000 + 10 000) / (10 000 + 16 000 + 10 000) × 100 = 72.2222 %
/// </code>
/// </summary>
public class EnergyBenchmarkTests
{
    private static ParkDataset Park(string extraEnterprise = "", string extraFlow = "")
    {
        var folder = Directory.CreateTempSubdirectory("parkcycle-benchmark-").FullName;
        File.WriteAllText(Path.Combine(folder, "dataset.json"), """{"id":"bench","name":"Benchmark park","reference_year":2023}""");
        File.WriteAllText(Path.Combine(folder, "zones.csv"), "id,name\nz,区\n");
        File.WriteAllText(Path.Combine(folder, "enterprises.csv"),
            "id,name,zone,chains,sector,status,output_value_10k_cny,energy_tce\n" +
            "kiln,熟料厂,z,building-materials,3011,operating,5000,11000\n" +
            "ck,水泥厂,z,building-materials,3011,operating,5000,15500\n" +
            "tiles,陶瓷厂,z,building-materials,3071,operating,5000,7400\n" + extraEnterprise);
        File.WriteAllText(Path.Combine(folder, "flows.csv"),
            "id,from,to,material,quantity,unit,status,source\n" +
            "1,kiln,ext:market,clinker,100000,t,existing,x\n" +
            "2,ext:import,kiln,coal,12000,t,existing,x\n" +
            "3,ext:import,kiln,electricity,20000,MWh,existing,x\n" +
            "4,ck,ext:market,cement,200000,t,existing,x\n" +
            "5,ck,ext:market,clinker,10000,t,existing,x\n" +
            "6,ext:import,ck,coal,20000,t,existing,x\n" +
            "7,ext:import,ck,electricity,10000,MWh,existing,x\n" +
            "8,tiles,ext:market,ceramic-tiles,50000,t,existing,x\n" +
            "9,ext:import,tiles,natural-gas,200000,GJ,existing,x\n" +
            "10,ext:import,tiles,electricity,5000,MWh,existing,x\n" + extraFlow);
        return DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();
    }

    private static KpiValue Share(ParkDataset park) =>
        ParkAnalyzer.Analyze(park).Kpis.Single(k => k.Id == "energy-benchmark-share");

    [Fact]
    public void Share_IsTheBenchmarkWeightedOutputAtTheBenchmark_AsWorkedOutByHand()
    {
        var kpi = Share(Park());

        Assert.Equal(72.2222m, kpi.Value);
        Assert.Equal((30m, KpiStatus.Met), (kpi.Target, kpi.Status));
        Assert.Equal(36000m, kpi.Inputs["benchmark_output_tce"]);
        Assert.Equal(26000m, kpi.Inputs["benchmark_output_at_level_tce"]);
    }

    [Fact]
    public void Inputs_ShowEachEnterprisesOutputEnergyAndLevels()
    {
        var inputs = Share(Park()).Inputs;

        Assert.Equal((100000m, 11029.6m, 110.3m, 10000m, 11700m, 0m),
            (inputs["kiln:output_cement-clinker_t"], inputs["kiln:energy_tce"], inputs["kiln:kgce_per_basis_unit"], inputs["kiln:benchmark_tce"], inputs["kiln:baseline_tce"], inputs["kiln:at_benchmark"]));
        Assert.Equal((200000m, 10000m, 15515m, 96.97m, 16000m, 1m),
            (inputs["ck:output_cement-as-clinker_t"], inputs["ck:output_cement-clinker_t"], inputs["ck:energy_tce"], inputs["ck:kgce_per_basis_unit"], inputs["ck:benchmark_tce"], inputs["ck:at_benchmark"]));
        Assert.Equal((50000m, 2.98m, 17500m, 1m),
            (inputs["tiles:output_ceramic-tiles-porcelain_t"], inputs["tiles:kgce_per_basis_unit"], inputs["tiles:baseline_tce"], inputs["tiles:at_benchmark"]));
    }

    [Fact]
    public void Share_OfAnEnterpriseOfTheSectorWithoutProductOutput_IsNotComputableAndSaysWhy()
    {
        var kpi = Share(Park("grind,粉磨站,z,building-materials,3011,operating,5000,100\n", "11,ext:import,grind,electricity,100,MWh,existing,x\n"));

        Assert.Equal(KpiStatus.NotComputable, kpi.Status);
        Assert.Null(kpi.Value);
        Assert.Equal("missing grind's output of clinker or cement (sector 3011; no such flow)", kpi.Reason);
    }

    [Fact]
    public void Share_WithAnEnergyFlowOfUnknownQuantity_IsNotComputable()
    {
        var kpi = Share(Park(extraFlow: "11,ext:import,tiles,coal,,t,existing,x\n"));

        Assert.Equal(KpiStatus.NotComputable, kpi.Status);
        Assert.Equal("missing tiles's energy use (1 energy flow(s) of unknown quantity)", kpi.Reason);
    }
}
