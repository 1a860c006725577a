using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>An amount of energy, stored exactly in gigajoules (1 tce = 29.3076 GJ, 1 MWh = 3.6 GJ).</summary>
public readonly record struct Energy(decimal Gigajoules) : IComparable<Energy>
{
    /// <summary>No energy: 0 GJ.</summary>
    public static Energy Zero => default;

    /// <summary>The energy in MJ (1 GJ = 1,000 MJ).</summary>
    public decimal Megajoules => Gigajoules * 1000m;

    /// <summary>The energy in MWh (1 MWh = 3.6 GJ).</summary>
    public decimal MegawattHours => Gigajoules / 3.6m;

    /// <summary>The energy in kWh (1 kWh = 0.0036 GJ).</summary>
    public decimal KilowattHours => Gigajoules / 0.0036m;

    /// <summary>The energy in tonnes of coal equivalent (1 tce = 29.3076 GJ, GB/T 2589-2020).</summary>
    public decimal TonnesCoalEquivalent => Gigajoules / Unit.TonneCoalEquivalent.ToBase;

    /// <summary>An energy of <paramref name="gigajoules"/> GJ.</summary>
    public static Energy FromGigajoules(decimal gigajoules) => new(gigajoules);

    /// <summary>An energy given in MJ, stored exactly as GJ.</summary>
    public static Energy FromMegajoules(decimal megajoules) => new(megajoules / 1000m);

    /// <summary>An energy given in MWh, stored exactly as GJ (× 3.6).</summary>
    public static Energy FromMegawattHours(decimal megawattHours) => new(megawattHours * 3.6m);

    /// <summary>An energy given in kWh, stored exactly as GJ (× 0.0036).</summary>
    public static Energy FromKilowattHours(decimal kilowattHours) => new(kilowattHours * 0.0036m);

    /// <summary>An energy given in tce, stored exactly as GJ (× 29.3076, GB/T 2589-2020).</summary>
    public static Energy FromTonnesCoalEquivalent(decimal tce) => new(tce * Unit.TonneCoalEquivalent.ToBase);

    /// <summary>The sum of two energies.</summary>
    public static Energy operator +(Energy a, Energy b) => new(a.Gigajoules + b.Gigajoules);

    /// <summary>The difference of two energies; negative when <paramref name="b"/> is larger.</summary>
    public static Energy operator -(Energy a, Energy b) => new(a.Gigajoules - b.Gigajoules);

    /// <summary>The energy scaled by a dimensionless <paramref name="factor"/> (a share, an efficiency).</summary>
    public static Energy operator *(Energy a, decimal factor) => new(a.Gigajoules * factor);

    /// <summary>True when <paramref name="a"/> is less than <paramref name="b"/>, compared in GJ.</summary>
    public static bool operator <(Energy a, Energy b) => a.Gigajoules < b.Gigajoules;

    /// <summary>True when <paramref name="a"/> is greater than <paramref name="b"/>, compared in GJ.</summary>
    public static bool operator >(Energy a, Energy b) => a.Gigajoules > b.Gigajoules;

    /// <summary>True when <paramref name="a"/> is at most <paramref name="b"/>, compared in GJ.</summary>
    public static bool operator <=(Energy a, Energy b) => a.Gigajoules <= b.Gigajoules;

    /// <summary>True when <paramref name="a"/> is at least <paramref name="b"/>, compared in GJ.</summary>
    public static bool operator >=(Energy a, Energy b) => a.Gigajoules >= b.Gigajoules;

    /// <summary>Compares by gigajoules.</summary>
    public int CompareTo(Energy other) => Gigajoules.CompareTo(other.Gigajoules);

    /// <summary>The same energy as a <see cref="Quantity"/> in GJ.</summary>
    public Quantity ToQuantity() => new(Gigajoules, Unit.Gigajoule);

    /// <summary>The amount in GJ, invariant culture, e.g. <c>12.5 GJ</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Gigajoules} GJ");
}
