using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Tests.Builders;

namespace ParkCycle.Domain.Tests.Datasets;

/// <summary>Broken material properties, conversions and roles: each with every error it must report, in order.</summary>
public class PropertyBrokenCases
{
    private const string MaterialsHeader =
        "id,name,name_en,category,unit,temperature_c,hazardous_code,density_t_per_m3,lhv_gj_per_unit,tce_per_unit,co2_t_per_unit,fossil,feedstock,pressure_mpa,enthalpy_gj_per_t,catalog_id,lhv_gj_per_m3\n";

    private const string BaseMaterials = "m-heat,余热,waste heat,waste-heat,GJ,120,,,,,,,,,,,\nm-x,某副产物,,byproduct,t,,,,,,,,,,,,\n";

    private const string FlowsHeader = "id,from,to,material,quantity,unit,status,source,role\n";

    private const string BaseFlows = "f1,ext:import,e1,coal,100,t,existing,estimate,\nf2,e1,e2,fly-ash,1.50,t,existing,estimate,\nf3,e1,ext:atmosphere,m-heat,,GJ,planned,,\n";

    private static readonly Dictionary<string, (string? Material, string? Flow, string[] Errors)> All = new()
    {
        ["zero density"] = ("m-y,浆料,,byproduct,t,,,0,,,,,,,,,", null,
            ["materials.csv:4: density_t_per_m3: density_t_per_m3 must be greater than zero"]),
        ["calorific value on an energy unit"] = ("m-y,余热2,,waste-heat,GJ,90,,,5,,,,,,,,", null,
            ["materials.csv:4: lhv_gj_per_unit: a material measured in GJ is energy already; give lhv_gj_per_m3 for a gas metered by volume"]),
        ["volumetric calorific value on a mass unit"] = ("m-y,燃料,,raw-material,t,,,,,,,,,,,,0.03", null,
            ["materials.csv:4: lhv_gj_per_m3: lhv_gj_per_m3 is for a gas measured in an energy unit; a material measured in t gives lhv_gj_per_unit"]),
        ["unknown catalogue parent"] = ("m-y,石膏,,byproduct,t,,,,,,,,,,,gypsum,", null,
            ["materials.csv:4: catalog_id: unknown catalogue material 'gypsum' (not in the catalogue)"]),
        ["steam below saturation"] = ("m-steam,蒸汽,,steam,t,120,,,,,,,,1.0,,,", null,
            ["materials.csv:4: pressure_mpa: 120 °C is below the saturation temperature 179.9 °C at 1.0 MPa (that is liquid water, not steam)"]),
        ["steam pressure outside the table"] = ("m-steam,蒸汽,,steam,t,400,,,,,,,,25,,,", null,
            ["materials.csv:4: pressure_mpa: pressure 25 MPa is outside the steam table's 0.001–10 MPa"]),
        ["pressure on a material that is not steam"] = ("m-y,气体,,byproduct,t,,,,,,,,,1.0,,,", null,
            ["materials.csv:4: pressure_mpa: pressure and enthalpy describe steam; 'byproduct' is not steam"]),
        ["enthalpy per tonne on steam measured in GJ"] = ("m-steam,蒸汽,,steam,GJ,200,,,,,,,,,2.8,,", null,
            ["materials.csv:4: enthalpy_gj_per_t: enthalpy per tonne needs steam measured in t, not GJ"]),
        ["not a boolean"] = ("m-y,燃料,,raw-material,t,,,,,,,maybe,,,,,", null,
            ["materials.csv:4: fossil: 'maybe' is not true or false"]),
        ["volume of a material without density"] = (null, "f4,e1,e2,m-x,10,m3,existing,estimate,",
            ["flows.csv:5: unit: 'm3' needs density_t_per_m3 for material 'm-x'"]),
        ["energy of a material without calorific value"] = (null, "f4,e1,e2,fly-ash,10,MWh,existing,estimate,",
            ["flows.csv:5: unit: 'MWh' needs lhv_gj_per_unit for material 'fly-ash'"]),
        ["Chinese unit of energy for a residue"] = (null, "f4,e1,e2,fly-ash,10,吨标准煤,existing,estimate,",
            ["flows.csv:5: unit: 'tce' needs lhv_gj_per_unit for material 'fly-ash'"]),
        ["fuel role without energy content"] = (null, "f4,e1,e2,fly-ash,10,t,existing,estimate,fuel",
            ["flows.csv:5: role: 'fuel' needs lhv_gj_per_unit for material 'fly-ash'"]),
        ["unknown role"] = (null, "f4,e1,e2,coal,10,t,existing,estimate,fuels",
            ["flows.csv:5: role: 'fuels' is not one of: product, byproduct, waste, fuel, feedstock"]),
        ["gas in GJ metered by mass without density"] = ("m-gas,工艺气,,energy,GJ,,,,,,,,,,,,0.02", "f4,ext:import,e1,m-gas,10,t,existing,estimate,",
            ["flows.csv:5: unit: 't' needs density_t_per_m3 for material 'm-gas'"]),
    };

    public static TheoryData<string> Cases => [.. All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenProperty_ReportsExactlyTheExpectedErrorsAndLoadsNothing(string name)
    {
        var (material, flow, expected) = All[name];
        using var builder = new DatasetFolderBuilder();
        builder.With("materials.csv", MaterialsHeader + BaseMaterials + (material is null ? string.Empty : material + "\n"));
        builder.With("flows.csv", FlowsHeader + BaseFlows + (flow is null ? string.Empty : flow + "\n"));

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Null(result.Dataset);
        Assert.Equal(expected, result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Read_BaseWithEveryNewColumnBlank_IsValid()
    {
        using var builder = new DatasetFolderBuilder();
        builder.With("materials.csv", MaterialsHeader + BaseMaterials);
        builder.With("flows.csv", FlowsHeader + BaseFlows);

        var result = DatasetReader.Read(builder.Build(), CatalogReader.Default);

        Assert.Empty(result.Problems);
    }
}
