using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>
/// A dataset's own materials reach the catalogue's pathways through <c>catalog_id</c>, as source and as target.
/// Worked out by hand from seeds/catalog/substitutions.csv:
/// <code>
/// chp   landfills our-fgd-gypsum 1 000 t (catalog_id fgd-gypsum; the fgd-gypsum rules to natural-gypsum have ratio 1)
///       landfills fly-ash 300 t (fly-ash-clinker: ratio 1, at most 30 % of the clinker)
/// acid  landfills our-gypsum 200 t (catalog_id gypsum-byproduct, the class: gypsum-byproduct-retarder, ratio 0.8)
/// kiln  imports natural-gypsum 500 t     → our-fgd-gypsum: min(1 000, 500 / 1) = 500 t
///                                         → our-gypsum:     min(200, 500 / 0.8) = 200 t, replacing 160 t
/// grind imports our-clinker 2 000 t (catalog_id clinker) → fly-ash: min(300, 2 000 × 0.3 / 1) = 300 t
/// board imports fgd-gypsum 100 t         → our-fgd-gypsum is a kind of it: min(1 000, 100) = 100 t, no rule
/// </code>
/// </summary>
public class CatalogKindMatchingTests
{
    private static ParkDataset Park()
    {
        var folder = Directory.CreateTempSubdirectory("parkcycle-kinds-").FullName;
        File.WriteAllText(Path.Combine(folder, "dataset.json"), """{"id":"kinds","name":"Catalogue kinds park","reference_year":2023}""");
        File.WriteAllText(Path.Combine(folder, "zones.csv"), "id,name\nz,区\n");
        File.WriteAllText(Path.Combine(folder, "enterprises.csv"),
            "id,name,zone,chains,lat,lon,status,output_value_10k_cny,energy_tce\n" +
            "chp,热电,z,other,29.40,113.40,operating,5000,600\n" +
            "acid,化工,z,fine-chemicals,29.41,113.40,operating,5000,100\n" +
            "kiln,水泥,z,building-materials,29.42,113.41,operating,5000,100\n" +
            "grind,粉磨站,z,building-materials,29.43,113.41,operating,5000,100\n" +
            "board,石膏板,z,building-materials,29.44,113.42,operating,5000,100\n");
        File.WriteAllText(Path.Combine(folder, "materials.csv"),
            "id,name,category,unit,catalog_id,source\n" +
            "our-fgd-gypsum,我厂脱硫石膏,byproduct,t,fgd-gypsum,test\n" +
            "our-gypsum,副产石膏,byproduct,t,gypsum-byproduct,test\n" +
            "our-clinker,外购熟料,raw-material,t,clinker,test\n");
        File.WriteAllText(Path.Combine(folder, "flows.csv"),
            "id,from,to,material,quantity,unit,status,source\n" +
            "1,chp,ext:landfill,our-fgd-gypsum,1000,t,existing,x\n" +
            "2,chp,ext:landfill,fly-ash,300,t,existing,x\n" +
            "3,acid,ext:landfill,our-gypsum,200,t,existing,x\n" +
            "4,ext:import,kiln,natural-gypsum,500,t,existing,x\n" +
            "5,ext:import,grind,our-clinker,2000,t,existing,x\n" +
            "6,ext:import,board,fgd-gypsum,100,t,existing,x\n");
        return DatasetReader.Read(folder, CatalogReader.Default).GetOrThrow();
    }

    [Fact]
    public void OwnMaterial_AsSource_IsMatchedByItsCatalogueMaterialsRules()
    {
        var found = ParkAnalyzer.Analyze(Park()).Opportunities
            .Where(o => o.SourceMaterial == "our-fgd-gypsum" && o.Consumer == "kiln").ToList();

        Assert.NotEmpty(found);
        Assert.All(found, o => Assert.StartsWith("fgd-gypsum-", o.RuleId));
        Assert.All(found, o => Assert.Equal((500m, 1m, "natural-gypsum"), (o.Quantity!.Value, o.Ratio, o.ReplacedMaterial)));
    }

    [Fact]
    public void OwnMaterial_NamingAClass_IsMatchedByTheClassRule()
    {
        var o = Assert.Single(ParkAnalyzer.Analyze(Park()).Opportunities, o => o.SourceMaterial == "our-gypsum" && o.Consumer == "kiln");

        Assert.Equal(("gypsum-byproduct-retarder", 0.8m, 200m, 160m), (o.RuleId, o.Ratio, o.Quantity!.Value, o.ReplacedQuantity!.Value));
    }

    [Fact]
    public void OwnMaterial_AsTarget_IsReplacedAlongTheRulesToItsCatalogueMaterial()
    {
        var o = Assert.Single(ParkAnalyzer.Analyze(Park()).Opportunities, o => o.SourceMaterial == "fly-ash" && o.ReplacedMaterial == "our-clinker");

        // One pathway per need: of the two equal fly-ash rules to clinker, the first by id.
        Assert.Equal(("fly-ash-clinker", "grind", 300m, 0.3m), (o.RuleId, o.Consumer, o.Quantity!.Value, o.MaxShare!.Value));
    }

    [Fact]
    public void OwnMaterial_MeetsANeedForTheCatalogueMaterialItIsAKindOf()
    {
        var o = Assert.Single(ParkAnalyzer.Analyze(Park()).Opportunities, o => o.SourceMaterial == "our-fgd-gypsum" && o.Consumer == "board");

        Assert.Equal(("fgd-gypsum", (string?)null, 1m, 100m), (o.ReplacedMaterial, o.RuleId, o.Ratio, o.Quantity!.Value));
    }

    [Fact]
    public void Index_OwnRuleWinsOverTheInheritedOne_AndRatiosAreRescaledToTheKindsUnit()
    {
        var park = Park();
        var kg = new Material("our-ash-kg", "粉煤灰(kg)", null, MaterialCategory.SolidWaste, Domain.Units.Unit.Kilogram, null, null)
        {
            Properties = new MaterialProperties(CatalogId: "fly-ash"),
        };
        var own = new SubstitutionRule("own-ash-clinker", "our-ash-kg", "clinker", 0.0005m, null, 100m, null, "test");
        var index = new SubstitutionIndex(park.AllSubstitutions.Append(own), id => id == kg.Id ? kg : park.FindMaterial(id), park.AllMaterials.Append(kg));

        // clinker: the dataset's own rule only; clay: fly-ash-raw-meal-clay restated per kg (1 kg replaces 0.001 t).
        Assert.Equal(["own-ash-clinker"], index.Pathways("our-ash-kg", "clinker").Select(w => w.Rule!.Id));
        var clay = index.Pathways("our-ash-kg", "clay").Single(w => w.Rule!.Id == "fly-ash-raw-meal-clay");
        Assert.Equal(0.001m, clay.Ratio);
        Assert.Equal(["fly-ash"], index.KindOf("our-ash-kg"));
    }
}
