using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>A volume, stored exactly in cubic metres.</summary>
public readonly record struct Volume(decimal CubicMetres) : IComparable<Volume>
{
    /// <summary>No volume: 0 m³.</summary>
    public static Volume Zero => default;

    /// <summary>A volume of <paramref name="cubicMetres"/> m³.</summary>
    public static Volume FromCubicMetres(decimal cubicMetres) => new(cubicMetres);

    /// <summary>The sum of two volumes.</summary>
    public static Volume operator +(Volume a, Volume b) => new(a.CubicMetres + b.CubicMetres);

    /// <summary>The difference of two volumes; negative when <paramref name="b"/> is larger.</summary>
    public static Volume operator -(Volume a, Volume b) => new(a.CubicMetres - b.CubicMetres);

    /// <summary>The volume scaled by a dimensionless <paramref name="factor"/>.</summary>
    public static Volume operator *(Volume a, decimal factor) => new(a.CubicMetres * factor);

    /// <summary>True when <paramref name="a"/> is less than <paramref name="b"/>, compared in m³.</summary>
    public static bool operator <(Volume a, Volume b) => a.CubicMetres < b.CubicMetres;

    /// <summary>True when <paramref name="a"/> is greater than <paramref name="b"/>, compared in m³.</summary>
    public static bool operator >(Volume a, Volume b) => a.CubicMetres > b.CubicMetres;

    /// <summary>Compares by cubic metres.</summary>
    public int CompareTo(Volume other) => CubicMetres.CompareTo(other.CubicMetres);

    /// <summary>The same volume as a <see cref="Quantity"/> in m³ (symbol <c>m3</c>).</summary>
    public Quantity ToQuantity() => new(CubicMetres, Unit.CubicMetre);

    /// <summary>The amount in m³ with the dataset symbol, invariant culture, e.g. <c>500 m3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CubicMetres} m3");
}
