using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>A mass, stored exactly in tonnes. Only masses add to masses: the compiler refuses anything else.</summary>
public readonly record struct Mass(decimal Tonnes) : IComparable<Mass>
{
    public static Mass Zero => default;

    public decimal Kilograms => Tonnes * 1000m;

    public static Mass FromTonnes(decimal tonnes) => new(tonnes);

    public static Mass FromKilograms(decimal kilograms) => new(kilograms / 1000m);

    public static Mass operator +(Mass a, Mass b) => new(a.Tonnes + b.Tonnes);

    public static Mass operator -(Mass a, Mass b) => new(a.Tonnes - b.Tonnes);

    public static Mass operator *(Mass a, decimal factor) => new(a.Tonnes * factor);

    public static bool operator <(Mass a, Mass b) => a.Tonnes < b.Tonnes;

    public static bool operator >(Mass a, Mass b) => a.Tonnes > b.Tonnes;

    public static bool operator <=(Mass a, Mass b) => a.Tonnes <= b.Tonnes;

    public static bool operator >=(Mass a, Mass b) => a.Tonnes >= b.Tonnes;

    public int CompareTo(Mass other) => Tonnes.CompareTo(other.Tonnes);

    public Quantity ToQuantity() => new(Tonnes, Unit.Tonne);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tonnes} t");
}
