using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;
using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Tests.Units;

/// <summary>Conversions through material properties, checked against figures worked out by hand.</summary>
public class MaterialConversionTests
{
    private static Material Catalogue(string id) => CatalogReader.Default.Find(id)!;

    [Fact]
    public void Coal_InGigajoules_ConvertsToTonnesByItsCalorificValue()
    {
        // GB/T 2589-2020: raw coal 20 908 kJ/kg, so 209.08 GJ is 10 t.
        Assert.True(Catalogue("coal").TryConvert(new Quantity(209.08m, Unit.Gigajoule), Unit.Tonne, out var t, out _));
        Assert.Equal(10m, t.Value);
    }

    [Fact]
    public void NaturalGas_InTenThousandCubicMetres_ConvertsToGigajoules()
    {
        // 1 万m3 × 38.931 MJ/m3 = 389.31 GJ (GB/T 2589-2020 upper value).
        Assert.True(Catalogue("natural-gas").TryConvert(new Quantity(1m, Unit.Parse("万立方米")), Unit.Gigajoule, out var gj, out _));
        Assert.Equal(389.31m, gj.Value);
    }

    [Fact]
    public void Water_InTonnes_ConvertsToCubicMetresByDensity()
    {
        Assert.True(Catalogue("fresh-water").TryConvert(new Quantity(250m, Unit.Tonne), Unit.CubicMetre, out var m3, out _));
        Assert.Equal(250m, m3.Value);
        Assert.True(Catalogue("concrete").TryConvert(new Quantity(10m, Unit.CubicMetre), Unit.Tonne, out var t, out _));
        Assert.Equal(24m, t.Value);
    }

    [Fact]
    public void Coal_TceCoefficient_IsTheStandardsOne()
    {
        Assert.Equal(0.7143m, Catalogue("coal").TceOfUnit());
        Assert.Equal(0.1229m, Catalogue("electricity").TceOfUnit());
    }

    [Fact]
    public void Material_WithoutCalorificValue_NamesTheMissingProperty()
    {
        Assert.False(Catalogue("limestone").TryConvert(new Quantity(1m, Unit.Gigajoule), Unit.Tonne, out _, out var missing));
        Assert.Equal("lhv_gj_per_unit", missing);
        var ex = Assert.Throws<InvalidOperationException>(() => Catalogue("fly-ash").ToOwnUnit(new Quantity(1m, Unit.CubicMetre)));
        Assert.Equal("unit 'm3' needs density_t_per_m3 for material 'fly-ash'", ex.Message);
    }

    [Theory]
    [InlineData("吨", "t")]
    [InlineData("公斤", "kg")]
    [InlineData("千克", "kg")]
    [InlineData("方", "m3")]
    [InlineData("立方米", "m3")]
    [InlineData("Nm3", "m3")]
    [InlineData("万立方米", "10^4 m3")]
    [InlineData("吉焦", "GJ")]
    [InlineData("兆焦", "MJ")]
    [InlineData("兆瓦时", "MWh")]
    [InlineData("千瓦时", "kWh")]
    [InlineData("度", "kWh")]
    [InlineData("万千瓦时", "10^4 kWh")]
    [InlineData("吨标准煤", "tce")]
    [InlineData("吨标煤", "tce")]
    [InlineData("kgce", "kgce")]
    public void ChineseUnitNames_ReadAsTheCanonicalUnit(string spelling, string canonical) =>
        Assert.Equal(canonical, Unit.Parse(spelling).Symbol);

    [Fact]
    public void StatisticsUnits_HaveTheirExactFactors()
    {
        Assert.Equal(36m, new Quantity(1m, Unit.Parse("万千瓦时")).ConvertTo(Unit.Gigajoule).Value);
        Assert.Equal(29.3076m, new Quantity(1000m, Unit.Parse("kgce")).ConvertTo(Unit.Gigajoule).Value);
        Assert.Equal(10000m, new Quantity(1m, Unit.Parse("万方")).ConvertTo(Unit.CubicMetre).Value);
    }

    [Theory]
    // IAPWS-IF97 verification values for region 2 (Table 15 of R7-97): h at 300 K and 700 K, 0.0035 MPa.
    [InlineData(0.0035, 26.85, 2.549911)]
    [InlineData(0.0035, 426.85, 3.335684)]
    public void SteamTable_MatchesTheIf97VerificationValues(double pressure, double celsius, double expected) =>
        Assert.Equal((decimal)expected, SteamTable.EnthalpyGjPerT((decimal)pressure, (decimal)celsius, out _)!.Value, 5);

    [Fact]
    public void SteamTable_SaturationTemperature_AtTenMegapascals()
    {
        // IF97 verification: Ts(10 MPa) = 584.149488 K.
        Assert.Equal(311.0m, Math.Round(SteamTable.SaturationTemperatureC(10m), 1));
    }

    [Fact]
    public void CatalogueSteam_EnthalpyFromPressureAndTemperature()
    {
        // 1.0 MPa, 250 °C superheated steam: h = 2942.6 kJ/kg (IF97; steam tables give 2942.6).
        var h = Catalogue("steam-mp").SteamEnthalpyGjPerT(out _)!.Value;
        Assert.InRange(h, 2.942m, 2.944m);
    }

    [Fact]
    public void CatalogId_InheritsPropertiesRescaledToTheOwnUnit()
    {
        // A dataset's own coal kept in kg inherits the catalogue's per-tonne calorific value per kg.
        var own = new Material("my-coal", "本厂原煤", null, MaterialCategory.Energy, Unit.Kilogram, null, null)
        {
            Properties = new MaterialProperties(CatalogId: "coal"),
        }.InheritFrom(Catalogue("coal"));

        Assert.Equal(0.020908m, own.Properties.LhvGjPerUnit);
        Assert.Equal(0.0007143m, own.Properties.TcePerUnit);
        Assert.True(own.Properties.Fossil);
        Assert.Null(own.Stated.LhvGjPerUnit);
    }
}
