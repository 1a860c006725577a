using ParkCycle.Domain.Units;

namespace ParkCycle.Domain.Tests.Units;

public class QuantityTests
{
    [Theory]
    [InlineData("kg", 1500, "t", 1.5)]
    [InlineData("t", 2, "kg", 2000)]
    [InlineData("MJ", 2500, "GJ", 2.5)]
    [InlineData("MWh", 1, "GJ", 3.6)]
    [InlineData("kWh", 1000, "GJ", 3.6)]
    [InlineData("GJ", 3.6, "kWh", 1000)]
    [InlineData("tce", 1, "GJ", 29.3076)]
    [InlineData("tce", 2.5, "MJ", 73269)]
    [InlineData("GJ", 29.3076, "tce", 1)]
    [InlineData("MWh", 29.3076, "tce", 3.6)]
    public void ConvertTo_SameDimension_IsExact(string from, double value, string to, double expected)
    {
        var q = new Quantity((decimal)value, Unit.Parse(from));

        var converted = q.ConvertTo(Unit.Parse(to));

        Assert.Equal((decimal)expected, converted.Value);
        Assert.Equal(to, converted.Unit.Symbol);
    }

    [Fact]
    public void Tce_IsDefinedAs29Point3076Gigajoules()
    {
        Assert.Equal(29.3076m, Energy.FromTonnesCoalEquivalent(1).Gigajoules);
        Assert.Equal(1m, Energy.FromGigajoules(29.3076m).TonnesCoalEquivalent);
    }

    [Fact]
    public void RoundTrip_ThroughEveryEnergyUnit_ReturnsTheSameValue()
    {
        var start = new Quantity(123.456m, Unit.Gigajoule);
        var q = start;
        foreach (var unit in Unit.All.Where(u => u.Dimension == Dimension.Energy))
        {
            q = q.ConvertTo(unit);
        }

        Assert.Equal(start.Value, decimal.Round(q.ConvertTo(Unit.Gigajoule).Value, 20));
    }

    [Fact]
    public void Add_MassAndEnergy_Throws()
    {
        var mass = new Quantity(1, Unit.Tonne);
        var energy = new Quantity(1, Unit.Gigajoule);

        var ex = Assert.Throws<DimensionMismatchException>(() => mass + energy);

        Assert.Equal("cannot add quantities of different dimensions (mass and energy)", ex.Message);
        Assert.Equal(Dimension.Mass, ex.Left);
        Assert.Equal(Dimension.Energy, ex.Right);
    }

    [Fact]
    public void Subtract_VolumeAndMass_Throws() =>
        Assert.Throws<DimensionMismatchException>(() => new Quantity(1, Unit.CubicMetre) - new Quantity(1, Unit.Kilogram));

    [Fact]
    public void Compare_EnergyAndMass_Throws() =>
        Assert.Throws<DimensionMismatchException>(() => new Quantity(1, Unit.Gigajoule) < new Quantity(1, Unit.Tonne));

    [Fact]
    public void ConvertTo_OtherDimension_Throws() =>
        Assert.Throws<DimensionMismatchException>(() => new Quantity(1, Unit.TonneCoalEquivalent).ConvertTo(Unit.Tonne));

    [Fact]
    public void AsMass_OnAnEnergy_Throws() =>
        Assert.Throws<DimensionMismatchException>(() => new Quantity(5, Unit.MegawattHour).AsMass());

    [Fact]
    public void AsEnergy_OnAMass_Throws() =>
        Assert.Throws<DimensionMismatchException>(() => new Quantity(5, Unit.Tonne).AsEnergy());

    [Fact]
    public void Add_SameDimensionDifferentUnits_ConvertsToTheLeftUnit()
    {
        var sum = new Quantity(1, Unit.Tonne) + new Quantity(250, Unit.Kilogram);

        Assert.Equal(new Quantity(1.25m, Unit.Tonne), sum);
    }

    [Fact]
    public void Compare_SameDimension_UsesBaseUnits()
    {
        Assert.True(new Quantity(1, Unit.MegawattHour) > new Quantity(3, Unit.Gigajoule));
        Assert.True(new Quantity(999, Unit.Kilogram) < new Quantity(1, Unit.Tonne));
    }

    [Fact]
    public void AsEnergy_FromKilowattHours_GivesGigajoules() =>
        Assert.Equal(Energy.FromGigajoules(36m), new Quantity(10_000, Unit.KilowattHour).AsEnergy());

    [Fact]
    public void Parse_UnknownSymbol_NamesItAndTheKnownUnits()
    {
        var ex = Assert.Throws<FormatException>(() => Unit.Parse("tons"));

        Assert.Equal("unknown unit 'tons' (known: t, kg, m3, GJ, MJ, MWh, kWh, tce, kgce, 10^4 m3, 10^4 kWh)", ex.Message);
    }

    [Fact]
    public void Parse_IsCaseSensitive() => Assert.False(Unit.TryParse("T", out _));

    [Fact]
    public void Parse_AcceptsTheCubicMetreSign() => Assert.Same(Unit.CubicMetre, Unit.Parse("m³"));

    [Fact]
    public void TypedQuantities_AddWithinTheirType()
    {
        Assert.Equal(Mass.FromTonnes(1.5m), Mass.FromKilograms(500) + Mass.FromTonnes(1));
        Assert.Equal(Energy.FromGigajoules(7.2m), Energy.FromMegawattHours(1) + Energy.FromGigajoules(3.6m));
        Assert.Equal(Volume.FromCubicMetres(3), Volume.FromCubicMetres(1) + Volume.FromCubicMetres(2));
    }
}
