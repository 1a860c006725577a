using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>
/// An amount in a unit, as a dataset states it (an annual rate unless said otherwise). Arithmetic
/// and comparison across dimensions throw <see cref="DimensionMismatchException"/>; within a dimension
/// they convert exactly. Use <see cref="Mass"/>, <see cref="Energy"/> or <see cref="Volume"/> where the
/// dimension is known at compile time.
/// </summary>
public readonly record struct Quantity(decimal Value, Unit Unit) : IComparable<Quantity>
{
    /// <summary>Mass, volume or energy: the dimension of <see cref="Unit"/>.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>The value in the dimension's base unit (t, m³ or GJ).</summary>
    public decimal BaseValue => Value * Unit.ToBase;

    /// <summary>Converts exactly to another unit of the same dimension.</summary>
    public Quantity ConvertTo(Unit target)
    {
        RequireSameDimension(Unit.Dimension, target.Dimension, "convert");
        return ReferenceEquals(target, Unit) ? this : new Quantity(Value * Unit.ToBase / target.ToBase, target);
    }

    /// <summary>The sum in <paramref name="a"/>'s unit, <paramref name="b"/> converted exactly; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static Quantity operator +(Quantity a, Quantity b)
    {
        RequireSameDimension(a.Dimension, b.Dimension, "add");
        return new Quantity(a.Value + b.ConvertTo(a.Unit).Value, a.Unit);
    }

    /// <summary>The difference in <paramref name="a"/>'s unit, <paramref name="b"/> converted exactly; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static Quantity operator -(Quantity a, Quantity b)
    {
        RequireSameDimension(a.Dimension, b.Dimension, "subtract");
        return new Quantity(a.Value - b.ConvertTo(a.Unit).Value, a.Unit);
    }

    /// <summary>The quantity scaled by a dimensionless <paramref name="factor"/>, in the same unit.</summary>
    public static Quantity operator *(Quantity a, decimal factor) => new(a.Value * factor, a.Unit);

    /// <summary>Compares base values (t, m³ or GJ); throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public int CompareTo(Quantity other)
    {
        RequireSameDimension(Dimension, other.Dimension, "compare");
        return BaseValue.CompareTo(other.BaseValue);
    }

    /// <summary>True when <paramref name="a"/> is less than <paramref name="b"/> in base units; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;

    /// <summary>True when <paramref name="a"/> is greater than <paramref name="b"/> in base units; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;

    /// <summary>True when <paramref name="a"/> is at most <paramref name="b"/> in base units; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;

    /// <summary>True when <paramref name="a"/> is at least <paramref name="b"/> in base units; throws <see cref="DimensionMismatchException"/> across dimensions.</summary>
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;

    /// <summary>As a <see cref="Mass"/>; throws if this is not a mass.</summary>
    public Mass AsMass()
    {
        RequireSameDimension(Dimension, Dimension.Mass, "read as mass");
        return Mass.FromTonnes(BaseValue);
    }

    /// <summary>As an <see cref="Energy"/>; throws if this is not an energy.</summary>
    public Energy AsEnergy()
    {
        RequireSameDimension(Dimension, Dimension.Energy, "read as energy");
        return Energy.FromGigajoules(BaseValue);
    }

    /// <summary>As a <see cref="Volume"/>; throws if this is not a volume.</summary>
    public Volume AsVolume()
    {
        RequireSameDimension(Dimension, Dimension.Volume, "read as volume");
        return Volume.FromCubicMetres(BaseValue);
    }

    /// <summary>The value and the unit's dataset symbol, invariant culture, e.g. <c>3 tce</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value} {Unit.Symbol}");

    internal static void RequireSameDimension(Dimension a, Dimension b, string operation)
    {
        if (a != b)
        {
            throw new DimensionMismatchException(a, b, operation);
        }
    }
}
