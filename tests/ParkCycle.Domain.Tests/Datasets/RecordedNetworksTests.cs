using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>
/// Real symbiosis networks written the way their literature and energy statistics record them must validate:
/// coal declared as an energy material in tonnes, refinery off-gas as a byproduct in GJ, steam in tonnes,
/// gas in 万立方米, electricity in 万千瓦时.
/// </summary>
public class RecordedNetworksTests
{
    [Fact]
    public void Kalundborg_AsItsLiteratureRecordsIt_Validates()
    {
        // Flows after Jacobsen (2006), J. Ind. Ecol. 10(1–2): 239–255, and Ehrenfeld & Gertler (1997), J. Ind. Ecol. 1(1): 67–79
        // (Asnæs power station, Statoil refinery, Gyproc, Novo Nordisk); quantities rounded from those papers.
        using var builder = new DatasetFolderBuilder();
        builder.With("dataset.json", """{"id":"kalundborg","name":"Kalundborg","reference_year":2002}""");
        builder.With("zones.csv", "id,name,name_en\nkb,卡伦堡,Kalundborg\n");
        builder.With("enterprises.csv",
            "id,name,name_en,zone,chains,sector,lat,lon,status,output_value_10k_cny,energy_tce,above_size,source\n" +
            "asnaes,Asnæs,Asnæs power station,kb,other,4411,,,operating,,,true,Jacobsen 2006\n" +
            "statoil,Statoil,Statoil refinery,kb,fine-chemicals,2511,,,operating,,,true,Jacobsen 2006\n" +
            "gyproc,Gyproc,Gyproc plasterboard,kb,building-materials,3024,,,operating,,,true,Jacobsen 2006\n" +
            "novo,Novo,Novo Nordisk / Novozymes,kb,other,2761,,,operating,,,true,Jacobsen 2006\n");
        builder.With("materials.csv",
            "id,name,name_en,category,unit,temperature_c,hazardous_code\n" +
            "kb-coal,煤,coal,energy,t,,\n" +
            "refinery-off-gas,炼厂尾气,refinery off-gas,byproduct,GJ,,\n" +
            "kb-steam,蒸汽,process steam,steam,t,200,\n");
        builder.With("flows.csv",
            "id,from,to,material,quantity,unit,status,source\n" +
            "k1,ext:import,asnaes,kb-coal,1500000,t,existing,Ehrenfeld & Gertler 1997 (≈1.5 Mt coal/a)\n" +
            "k2,asnaes,novo,kb-steam,215000,t,existing,Jacobsen 2006 (steam to Novo)\n" +
            "k3,asnaes,statoil,kb-steam,140000,t,existing,Jacobsen 2006 (steam to Statoil)\n" +
            "k4,asnaes,gyproc,fgd-gypsum,200000,t,existing,Jacobsen 2006 (FGD gypsum to Gyproc)\n" +
            "k5,statoil,gyproc,refinery-off-gas,1000000,GJ,existing,Ehrenfeld & Gertler 1997 (surplus refinery gas to Gyproc; estimate of its energy)\n");
        builder.Without("projects.csv").Without("progress.csv");

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Empty(result.Problems);
        var coal = result.Dataset!.Material("kb-coal");
        Assert.Equal(MaterialCategory.Energy, coal.Category);
        Assert.Equal(FlowRole.Fuel, result.Dataset.Flows[0].RoleOf(coal));
        Assert.Equal("GJ", result.Dataset.Flows[4].Unit.Symbol);
    }

    [Fact]
    public void ChineseStatisticsUnits_AreStoredCanonical()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("flows.csv",
            "id,from,to,material,quantity,unit,status,source,role\n" +
            "f1,ext:import,e1,coal,100,吨,existing,205-1 energy statistics,\n" +
            "f2,e1,e2,fly-ash,1.50,t,existing,estimate,\n" +
            "f3,e1,ext:atmosphere,m-heat,,GJ,planned,,\n" +
            "f4,ext:import,e1,natural-gas,2,万立方米,existing,205-1 energy statistics,\n" +
            "f5,ext:import,e1,electricity,50,万千瓦时,existing,205-1 energy statistics,\n" +
            "f6,ext:import,e2,fresh-water,3,万方,existing,water bill,\n" +
            "f7,e1,e2,coal,10,吨标准煤,existing,estimate,feedstock\n");

        var dataset = DatasetReader.Read(builder.Build(), CatalogReader.Default).GetOrThrow();

        Assert.Equal("t", dataset.Flows[0].Unit.Symbol);
        // Natural gas is kept in GJ: 2 万m3 × 38.931 MJ/m3 = 778.62 GJ.
        Assert.Equal(778.62m, dataset.Flows[3].Quantity!.Value.Value);
        Assert.Equal("GJ", dataset.Flows[3].Unit.Symbol);
        Assert.Equal(1800m, dataset.Flows[4].Quantity!.Value.BaseValue);
        Assert.Equal(30000m, dataset.Flows[5].Quantity!.Value.BaseValue);
        // 10 tce = 293.076 GJ, at 20.908 GJ/t = 14.017410 t of coal; its role as stated.
        Assert.Equal(14.01741m, dataset.Flows[6].Quantity!.Value.Value);
        Assert.Equal(FlowRole.Feedstock, dataset.Flows[6].RoleOf(dataset.Material("coal")));
    }
}
