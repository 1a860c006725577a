using System.Globalization;

namespace ParkCycle.Domain.Units;

/// <summary>An amount of energy, stored exactly in gigajoules (1 tce = 29.3076 GJ, 1 MWh = 3.6 GJ).</summary>
public readonly record struct Energy(decimal Gigajoules) : IComparable<Energy>
{
    public static Energy Zero => default;

    public decimal Megajoules => Gigajoules * 1000m;

    public decimal MegawattHours => Gigajoules / 3.6m;

    public decimal KilowattHours => Gigajoules / 0.0036m;

    public decimal TonnesCoalEquivalent => Gigajoules / Unit.TonneCoalEquivalent.ToBase;

    public static Energy FromGigajoules(decimal gigajoules) => new(gigajoules);

    public static Energy FromMegajoules(decimal megajoules) => new(megajoules / 1000m);

    public static Energy FromMegawattHours(decimal megawattHours) => new(megawattHours * 3.6m);

    public static Energy FromKilowattHours(decimal kilowattHours) => new(kilowattHours * 0.0036m);

    public static Energy FromTonnesCoalEquivalent(decimal tce) => new(tce * Unit.TonneCoalEquivalent.ToBase);

    public static Energy operator +(Energy a, Energy b) => new(a.Gigajoules + b.Gigajoules);

    public static Energy operator -(Energy a, Energy b) => new(a.Gigajoules - b.Gigajoules);

    public static Energy operator *(Energy a, decimal factor) => new(a.Gigajoules * factor);

    public static bool operator <(Energy a, Energy b) => a.Gigajoules < b.Gigajoules;

    public static bool operator >(Energy a, Energy b) => a.Gigajoules > b.Gigajoules;

    public static bool operator <=(Energy a, Energy b) => a.Gigajoules <= b.Gigajoules;

    public static bool operator >=(Energy a, Energy b) => a.Gigajoules >= b.Gigajoules;

    public int CompareTo(Energy other) => Gigajoules.CompareTo(other.Gigajoules);

    public Quantity ToQuantity() => new(Gigajoules, Unit.Gigajoule);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Gigajoules} GJ");
}
