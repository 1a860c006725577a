using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>A volume, stored exactly in cubic metres.</summary>
public readonly record struct Volume(decimal CubicMetres) : IComparable<Volume>
{
    public static Volume Zero => default;

    public static Volume FromCubicMetres(decimal cubicMetres) => new(cubicMetres);

    public static Volume operator +(Volume a, Volume b) => new(a.CubicMetres + b.CubicMetres);

    public static Volume operator -(Volume a, Volume b) => new(a.CubicMetres - b.CubicMetres);

    public static Volume operator *(Volume a, decimal factor) => new(a.CubicMetres * factor);

    public static bool operator <(Volume a, Volume b) => a.CubicMetres < b.CubicMetres;

    public static bool operator >(Volume a, Volume b) => a.CubicMetres > b.CubicMetres;

    public int CompareTo(Volume other) => CubicMetres.CompareTo(other.CubicMetres);

    public Quantity ToQuantity() => new(CubicMetres, Unit.CubicMetre);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CubicMetres} m3");
}
