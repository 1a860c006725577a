using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>A mass, stored exactly in tonnes. Only masses add to masses: the compiler refuses anything else.</summary>
public readonly record struct Mass(decimal Tonnes) : IComparable<Mass>
{
    /// <summary>No mass: 0 t.</summary>
    public static Mass Zero => default;

    /// <summary>The mass in kg (1 t = 1,000 kg).</summary>
    public decimal Kilograms => Tonnes * 1000m;

    /// <summary>A mass of <paramref name="tonnes"/> t.</summary>
    public static Mass FromTonnes(decimal tonnes) => new(tonnes);

    /// <summary>A mass given in kg, stored exactly as t.</summary>
    public static Mass FromKilograms(decimal kilograms) => new(kilograms / 1000m);

    /// <summary>The sum of two masses.</summary>
    public static Mass operator +(Mass a, Mass b) => new(a.Tonnes + b.Tonnes);

    /// <summary>The difference of two masses; negative when <paramref name="b"/> is larger.</summary>
    public static Mass operator -(Mass a, Mass b) => new(a.Tonnes - b.Tonnes);

    /// <summary>The mass scaled by a dimensionless <paramref name="factor"/> (a share, a yield).</summary>
    public static Mass operator *(Mass a, decimal factor) => new(a.Tonnes * factor);

    /// <summary>True when <paramref name="a"/> is less than <paramref name="b"/>, compared in tonnes.</summary>
    public static bool operator <(Mass a, Mass b) => a.Tonnes < b.Tonnes;

    /// <summary>True when <paramref name="a"/> is greater than <paramref name="b"/>, compared in tonnes.</summary>
    public static bool operator >(Mass a, Mass b) => a.Tonnes > b.Tonnes;

    /// <summary>True when <paramref name="a"/> is at most <paramref name="b"/>, compared in tonnes.</summary>
    public static bool operator <=(Mass a, Mass b) => a.Tonnes <= b.Tonnes;

    /// <summary>True when <paramref name="a"/> is at least <paramref name="b"/>, compared in tonnes.</summary>
    public static bool operator >=(Mass a, Mass b) => a.Tonnes >= b.Tonnes;

    /// <summary>Compares by tonnes.</summary>
    public int CompareTo(Mass other) => Tonnes.CompareTo(other.Tonnes);

    /// <summary>The same mass as a <see cref="Quantity"/> in t.</summary>
    public Quantity ToQuantity() => new(Tonnes, Unit.Tonne);

    /// <summary>The amount in t, invariant culture, e.g. <c>1200 t</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tonnes} t");
}
