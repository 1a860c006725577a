using System.Diagnostics.CodeAnalysis;

namespace ParkCycle.Domain.Units;

/// <summary>
/// A unit of measure: its symbol as written in datasets, its dimension and its exact factor to the
/// dimension's base unit (t, m³ or GJ). Factors are decimals so conversions are exact.
/// </summary>
public sealed class Unit : IEquatable<Unit>
{
    private Unit(string symbol, Dimension dimension, decimal toBase)
    {
        Symbol = symbol;
        Dimension = dimension;
        ToBase = toBase;
    }

    /// <summary>The symbol used in datasets, e.g. <c>t</c>, <c>m3</c>, <c>GJ</c>, <c>tce</c>.</summary>
    public string Symbol { get; }

    /// <summary>What the unit measures: mass, volume or energy.</summary>
    public Dimension Dimension { get; }

    /// <summary>How many base units (t, m³ or GJ) one of this unit is.</summary>
    public decimal ToBase { get; }

    /// <summary>Tonne (<c>t</c>), the base unit of mass.</summary>
    public static readonly Unit Tonne = new("t", Dimension.Mass, 1m);
    /// <summary>Kilogram (<c>kg</c>): 0.001 t.</summary>
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 0.001m);
    /// <summary>Cubic metre (<c>m3</c>), the base unit of volume; gas volumes are at normal conditions (Nm³).</summary>
    public static readonly Unit CubicMetre = new("m3", Dimension.Volume, 1m);
    /// <summary>Gigajoule (<c>GJ</c>), the base unit of energy.</summary>
    public static readonly Unit Gigajoule = new("GJ", Dimension.Energy, 1m);
    /// <summary>Megajoule (<c>MJ</c>): 0.001 GJ.</summary>
    public static readonly Unit Megajoule = new("MJ", Dimension.Energy, 0.001m);
    /// <summary>Megawatt-hour (<c>MWh</c>): 3.6 GJ.</summary>
    public static readonly Unit MegawattHour = new("MWh", Dimension.Energy, 3.6m);
    /// <summary>Kilowatt-hour (<c>kWh</c>, 度): 0.0036 GJ.</summary>
    public static readonly Unit KilowattHour = new("kWh", Dimension.Energy, 0.0036m);

    /// <summary>Tonne of coal equivalent: 1 tce = 29.3076 GJ (GB/T 2589-2020).</summary>
    public static readonly Unit TonneCoalEquivalent = new("tce", Dimension.Energy, 29.3076m);

    /// <summary>Kilogram of coal equivalent (千克标准煤, kgce): 0.0293076 GJ (GB/T 2589-2020: 1 kgce = 29 307.6 kJ).</summary>
    public static readonly Unit KilogramCoalEquivalent = new("kgce", Dimension.Energy, 0.0293076m);

    /// <summary>Ten thousand cubic metres (万立方米), the unit Chinese statistics report gas and water in.</summary>
    public static readonly Unit TenThousandCubicMetres = new("10^4 m3", Dimension.Volume, 10000m);

    /// <summary>Ten thousand kilowatt-hours (万千瓦时), the unit Chinese statistics report electricity in: 36 GJ.</summary>
    public static readonly Unit TenThousandKilowattHours = new("10^4 kWh", Dimension.Energy, 36m);

    /// <summary>Every unit ParkCycle knows, in a stable order.</summary>
    public static IReadOnlyList<Unit> All { get; } =
        [Tonne, Kilogram, CubicMetre, Gigajoule, Megajoule, MegawattHour, KilowattHour, TonneCoalEquivalent,
            KilogramCoalEquivalent, TenThousandCubicMetres, TenThousandKilowattHours];

    /// <summary>
    /// The other spellings accepted for each unit: the Chinese names and the spellings of Chinese energy
    /// statistics (吨, 公斤, 方, 万立方米, Nm3, 吉焦, 度, 万千瓦时, 吨标煤 …). Reading accepts them; writing
    /// always uses <see cref="Symbol"/>. Gas volumes (Nm3) are read as m3 at normal conditions, the basis
    /// of the GB/T 2589-2020 gas coefficients.
    /// </summary>
    public static IReadOnlyDictionary<string, Unit> Aliases { get; } = new Dictionary<string, Unit>(StringComparer.Ordinal)
    {
        ["吨"] = Tonne,
        ["千克"] = Kilogram,
        ["公斤"] = Kilogram,
        ["m³"] = CubicMetre,
        ["立方米"] = CubicMetre,
        ["方"] = CubicMetre,
        ["Nm3"] = CubicMetre,
        ["Nm³"] = CubicMetre,
        ["标准立方米"] = CubicMetre,
        ["万立方米"] = TenThousandCubicMetres,
        ["万方"] = TenThousandCubicMetres,
        ["万m3"] = TenThousandCubicMetres,
        ["万m³"] = TenThousandCubicMetres,
        ["万Nm3"] = TenThousandCubicMetres,
        ["10^4 Nm3"] = TenThousandCubicMetres,
        ["吉焦"] = Gigajoule,
        ["兆焦"] = Megajoule,
        ["兆瓦时"] = MegawattHour,
        ["千瓦时"] = KilowattHour,
        ["度"] = KilowattHour,
        ["kW·h"] = KilowattHour,
        ["万千瓦时"] = TenThousandKilowattHours,
        ["万kWh"] = TenThousandKilowattHours,
        ["吨标准煤"] = TonneCoalEquivalent,
        ["吨标煤"] = TonneCoalEquivalent,
        ["千克标准煤"] = KilogramCoalEquivalent,
        ["公斤标准煤"] = KilogramCoalEquivalent,
        ["千克标煤"] = KilogramCoalEquivalent,
    };

    private static readonly Dictionary<string, Unit> BySymbol = BuildSymbols();

    private static Dictionary<string, Unit> BuildSymbols()
    {
        var map = All.ToDictionary(u => u.Symbol, StringComparer.Ordinal);
        // Spellings seen in spreadsheets and statistics forms for the same units; export always writes the canonical symbol.
        foreach (var (spelling, unit) in Aliases)
        {
            map[spelling] = unit;
        }

        return map;
    }

    /// <summary>The base unit of a dimension: t, m3 or GJ.</summary>
    public static Unit BaseOf(Dimension dimension) => dimension switch
    {
        Dimension.Mass => Tonne,
        Dimension.Volume => CubicMetre,
        Dimension.Energy => Gigajoule,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Finds a unit by its symbol (case-sensitive: <c>t</c> is not <c>T</c>).</summary>
    public static bool TryParse(string? symbol, [NotNullWhen(true)] out Unit? unit)
    {
        unit = null;
        return symbol is not null && BySymbol.TryGetValue(symbol.Trim(), out unit);
    }

    /// <summary>Finds a unit by its symbol or throws <see cref="FormatException"/> naming the symbol.</summary>
    public static Unit Parse(string symbol) =>
        TryParse(symbol, out var unit)
            ? unit
            : throw new FormatException($"unknown unit '{symbol}' (known: {string.Join(", ", All.Select(u => u.Symbol))})");

    /// <summary>True only for the same unit instance: units are singletons.</summary>
    public bool Equals(Unit? other) => ReferenceEquals(this, other);

    /// <summary>True only for the same unit instance: units are singletons.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>The hash of the symbol.</summary>
    public override int GetHashCode() => Symbol.GetHashCode(StringComparison.Ordinal);

    /// <summary>The canonical dataset symbol, e.g. <c>tce</c>.</summary>
    public override string ToString() => Symbol;
}
